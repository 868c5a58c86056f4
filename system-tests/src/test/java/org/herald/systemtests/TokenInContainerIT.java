package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.herald.events.auth.DevelopmentKey;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the server, where Herald's signing key is (the development key
 * pair, none being configured for the suites): a token signed with it but
 * expired is refused like no token at all, the same token still valid is
 * accepted. Signed by hand (RS256 is SHA-256 with RSA over the two encoded
 * parts), so the test depends on nothing but the JDK.
 */
@ExtendWith(ArquillianExtension.class)
class TokenInContainerIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return HeraldDeployment.withTests(TokenInContainerIT.class, HeraldClient.class);
    }

    private final HeraldClient herald = new HeraldClient();

    @Test
    void aTokenPastItsExpiryIsRefusedAndTheSameStillValidIsAccepted() throws Exception {
        PrivateKey key = DevelopmentKey.pair().getPrivate();
        long now = Instant.now().getEpochSecond();
        String expired = sign(key, now - 3600, now - 60);
        String valid = sign(key, now - 60, now + 600);

        HttpResponse<String> refused = herald.withToken("GET", "/api/dlq", expired);
        HttpResponse<String> accepted = herald.withToken("GET", "/api/dlq", valid);

        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals(200, accepted.statusCode(), accepted.body());
    }

    /** An admin's token as Herald issues them, valid from {@code issuedAt} to {@code expiresAt} (epoch seconds). */
    private static String sign(PrivateKey key, long issuedAt, long expiresAt) throws GeneralSecurityException {
        String header = Json.createObjectBuilder()
                .add("typ", "JWT")
                .add("alg", "RS256")
                .build()
                .toString();
        String claims = Json.createObjectBuilder()
                .add("iss", "herald")
                .add("sub", UUID.randomUUID().toString())
                .add("upn", "admin@herald.test")
                .add("groups", Json.createArrayBuilder().add("user").add("admin"))
                .add("iat", issuedAt)
                .add("exp", expiresAt)
                .add("jti", UUID.randomUUID().toString())
                .build()
                .toString();
        String signed = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + base64Url(rs256.sign());
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
