package org.herald.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The server's readiness checks ({@code /health/ready} on the management port), read with JSON-P. */
final class Health {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI ready;

    Health(int managementPort) {
        ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
    }

    /** The data of one check (e.g. {@code relay}, {@code subscriptions}); empty if the check is missing. */
    JsonObject check(String name) throws Exception {
        // 503 while a check is down: its body still lists every check
        String body = http.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return data(body, name);
    }

    static JsonObject data(String body, String name) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            for (JsonValue check : reader.readObject().getJsonArray("checks")) {
                JsonObject c = check.asJsonObject();
                if (name.equals(c.getString("name", ""))) {
                    return c.getJsonObject("data") == null ? JsonValue.EMPTY_JSON_OBJECT : c.getJsonObject("data");
                }
            }
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    /** A number of a check's data, or -1. */
    static long number(JsonObject data, String key) {
        return data.get(key) instanceof jakarta.json.JsonNumber n ? n.longValue() : -1;
    }
}
