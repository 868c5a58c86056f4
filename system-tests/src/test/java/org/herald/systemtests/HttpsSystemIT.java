package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black box: the API over HTTPS, on the server's own listener (WildFly 8443,
 * Payara Server 8181) with the self-signed certificate the server generated
 * for itself, which the test therefore trusts as it is. Same answers, same
 * problems as over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class HttpsSystemIT extends BlackBoxTest {

    private static final String HTTPS = System.getProperty("herald.https.url", "");

    @Test
    void registrationOverHttpsOpensAnOrder() throws Exception {
        assumeTrue(!HTTPS.isBlank(), "this runtime has no HTTPS listener in Herald's setup (Payara Micro)");
        Answer created = send("POST", "/api/users", HeraldClient.registration(HeraldClient.uniqueEmail()));
        assertEquals(201, created.status(), created.body());
        String userId =
                Json.createReader(new StringReader(created.body())).readObject().getString("id");
        Poll.until(() -> orders(userId), orders -> orders.size() == 1, Duration.ofSeconds(20), "the order over HTTPS");

        Answer refused = send("POST", "/api/users", "{\"email\":\"x\"}{}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.contentType());
    }

    private JsonArray orders(String userId) {
        try {
            return Json.createReader(new StringReader(
                            send("GET", "/api/orders?userId=" + userId, null).body()))
                    .readArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, String contentType, String body) {}

    private static Answer send(String method, String path, String json) throws IOException {
        HttpsURLConnection connection =
                (HttpsURLConnection) URI.create(HTTPS + path).toURL().openConnection();
        connection.setSSLSocketFactory(TRUST_THE_SERVERS_OWN.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> "localhost".equals(host));
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(30_000);
        connection.setRequestMethod(method);
        if (json != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, String.valueOf(connection.getContentType()), body);
        } finally {
            connection.disconnect();
        }
    }

    /** Trusts whatever certificate the server presents: it made its own, self-signed, at provisioning. */
    private static final SSLContext TRUST_THE_SERVERS_OWN = trustingAll();

    private static SSLContext trustingAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    null,
                    new TrustManager[] {
                        new X509TrustManager() {
                            @Override
                            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                            @Override
                            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                                assertTrue(chain.length > 0, "the server presented no certificate");
                            }

                            @Override
                            public X509Certificate[] getAcceptedIssuers() {
                                return new X509Certificate[0];
                            }
                        }
                    },
                    null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
