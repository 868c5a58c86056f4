package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black box: {@code /openapi} describes every endpoint, with its errors and
 * its security, and {@code /api-docs} serves Swagger UI on it from Herald's
 * own files.
 */
@ExtendWith(ArquillianExtension.class)
class ApiDocsSystemIT extends BlackBoxTest {

    private static final List<String> PATHS = List.of(
            "/api/users",
            "/api/users/{id}",
            "/api/auth/login",
            "/api/orders",
            "/api/orders/{id}",
            "/api/orders/{id}/payment",
            "/api/orders/{id}/cancel",
            "/api/events",
            "/api/events/{id}",
            "/api/events/replay",
            "/api/services",
            "/api/dlq",
            "/api/dlq/{id}/redrive",
            "/api/dlq/{id}");

    @Test
    void theOpenApiDocumentDescribesEveryEndpointItsErrorsAndItsSecurity() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(HeraldClient.BASE.resolve("/openapi"))
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject openApi = HeraldClient.object(response);
        JsonObject paths = openApi.getJsonObject("paths");
        assertTrue(
                paths.keySet().containsAll(PATHS),
                "missing: "
                        + PATHS.stream()
                                .filter(path -> !paths.containsKey(path))
                                .toList() + " in " + paths.keySet());

        JsonObject scheme = openApi.getJsonObject("components")
                .getJsonObject("securitySchemes")
                .getJsonObject("token");
        JsonObject payment = paths.getJsonObject("/api/orders/{id}/payment").getJsonObject("post");
        JsonObject registration = paths.getJsonObject("/api/users").getJsonObject("post");
        assertAll(
                () -> assertEquals("http", scheme.getString("type")),
                () -> assertEquals("bearer", scheme.getString("scheme")),
                () -> assertTrue(
                        payment.getJsonArray("security").getJsonObject(0).containsKey("token")),
                () -> assertTrue(
                        payment.getJsonObject("responses")
                                .keySet()
                                .containsAll(List.of("200", "400", "401", "403", "404", "409")),
                        payment.toString()),
                () -> assertTrue(payment.getJsonObject("responses")
                        .getJsonObject("409")
                        .getJsonObject("content")
                        .containsKey("application/problem+json")),
                () -> assertTrue(
                        registration
                                .getJsonObject("responses")
                                .keySet()
                                .containsAll(List.of("201", "400", "409", "415")),
                        registration.toString()),
                () -> assertTrue(!registration.containsKey("security"), "registration needs no token"));
    }

    @Test
    void swaggerUiIsServedFromHeraldsOwnFiles() {
        HttpResponse<String> page = herald.get("/api-docs");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        Matcher script = Pattern.compile("src=\"(webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\"")
                .matcher(page.body());
        assertTrue(script.find(), page.body());
        assertTrue(page.body().contains("\"/openapi\""), page.body());

        HttpResponse<String> bundle =
                herald.get(URI.create("/api-docs").resolve(script.group(1)).toString());
        assertEquals(200, bundle.statusCode());
        assertTrue(bundle.body().length() > 100_000, "the Swagger UI bundle");
    }
}
