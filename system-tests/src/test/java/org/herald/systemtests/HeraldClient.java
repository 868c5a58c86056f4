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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(HttpRequest.newBuilder(BASE.resolve(path)).header("Content-Type", contentType).POST(body));
    }

    HttpResponse<String> postJson(String path, String json) {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(BASE.resolve(path)).GET());
    }

    static String registration(String email) {
        return Json.createObjectBuilder()
                .add("email", email).add("name", "Grace Hopper").add("password", "correct-horse-battery")
                .build().toString();
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
