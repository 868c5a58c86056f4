package org.herald.systemtests;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Herald's HTTP API as an outside user calls it. */
final class HeraldClient {

    static final URI BASE = URI.create(System.getProperty("herald.url", "http://localhost:8080"));
    /** The password of every user {@link #registration} makes. */
    static final String PASSWORD = "correct-horse-battery";
    /** The administrator the test servers know (HERALD_ADMIN_EMAILS, system-tests/pom.xml). */
    static final String ADMIN_EMAIL = "admin@herald.test";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(HttpRequest.newBuilder(BASE.resolve(path))
                .header("Content-Type", contentType)
                .POST(body));
    }

    HttpResponse<String> postJson(String path, String json) {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(BASE.resolve(path)).GET());
    }

    /** A request without a body, with {@code Authorization: Bearer <token>} unless the token is null. */
    HttpResponse<String> withToken(String method, String path, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(BASE.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** A JSON request with {@code Authorization: Bearer <token>} unless the token is null. */
    HttpResponse<String> postJson(String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(BASE.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** Logs in; the token of a 200, otherwise fails with the answer. */
    String login(String email, String password) {
        HttpResponse<String> response = postJson(
                "/api/auth/login",
                Json.createObjectBuilder()
                        .add("email", email)
                        .add("password", password)
                        .build()
                        .toString());
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + email + ": " + response.statusCode() + " " + response.body());
        }
        return object(response).getString("token");
    }

    /** A token of the test servers' administrator (HERALD_ADMIN_EMAILS, system-tests/pom.xml), registered on first use. */
    String adminToken() {
        postJson("/api/users", registration(ADMIN_EMAIL)); // 201, or 409 if there
        return login(ADMIN_EMAIL, PASSWORD);
    }

    static String registration(String email) {
        return Json.createObjectBuilder()
                .add("email", email)
                .add("name", "Grace Hopper")
                .add("password", PASSWORD)
                .build()
                .toString();
    }

    static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    static JsonStructure json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).read();
    }

    static JsonObject object(HttpResponse<String> response) {
        return json(response).asJsonObject();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
