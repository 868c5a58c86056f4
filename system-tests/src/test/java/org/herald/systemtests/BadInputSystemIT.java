package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black box: each bad request gets its precise 4xx as problem+json, and
 * leaves the database and the topics as they were. "Nothing stored" is shown
 * by registering the same email successfully afterwards; "nothing published"
 * by an external subscriber whose next event is that registration's.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputSystemIT extends BlackBoxTest {

    @Test
    void badRegistrationsAreRefusedPreciselyAndChangeNothing() throws Exception {
        String email = HeraldClient.uniqueEmail();
        try (ExternalSubscriber userEvents = new ExternalSubscriber("user.events")) {
            problem(herald.postJson("/api/users", "{\"email\": \"" + email + "\", "), 400);
            problem(herald.postJson("/api/users", "[\"" + email + "\"]"), 400);
            problem(herald.postJson("/api/users", ""), 400);
            assertFields(
                    problem(
                            herald.postJson(
                                    "/api/users",
                                    "{\"email\":\"" + email + "\",\"name\":{\"first\":\"Ada\"},\"password\":12345678}"),
                            400),
                    "name",
                    "password");
            assertFields(
                    problem(
                            herald.postJson(
                                    "/api/users",
                                    "{\"email\":\"" + email + "\",\"name\":6,\"password\":\"correct-horse\"}"),
                            400),
                    "name");
            assertFields(
                    problem(herald.postJson("/api/users", "{\"email\":\"" + email + "\"}"), 400), "name", "password");
            assertFields(
                    problem(
                            herald.postJson(
                                    "/api/users", "{\"email\":\"not-an-email\",\"name\":\" \",\"password\":\"short\"}"),
                            400),
                    "email",
                    "name",
                    "password");
            problem(
                    herald.post(
                            "/api/users",
                            "text/plain",
                            HttpRequest.BodyPublishers.ofString(HeraldClient.registration(email))),
                    415);
            String oversized = "{\"email\":\"" + email + "\",\"name\":\"" + "x".repeat(20_000)
                    + "\",\"password\":\"correct-horse\"}";
            problem(herald.postJson("/api/users", oversized), 413);
            // the same body streamed without a Content-Length
            problem(
                    herald.post(
                            "/api/users",
                            "application/json",
                            HttpRequest.BodyPublishers.ofInputStream(
                                    () -> new ByteArrayInputStream(oversized.getBytes(StandardCharsets.UTF_8)))),
                    413);

            HttpResponse<String> registered = herald.postJson("/api/users", HeraldClient.registration(email));
            assertEquals(201, registered.statusCode(), "the email must still be free: " + registered.body());
            String userId = HeraldClient.object(registered).getString("id");

            List<TextMessage> seen = userEvents.receiveUntil(ExternalSubscriber.subject(userId), TIMEOUT);
            assertEquals(1, seen.size(), "events published by refused requests");
        }
    }

    @Test
    void aTakenEmailIs409AndPublishesNothing() throws Exception {
        String email = HeraldClient.uniqueEmail();
        assertEquals(
                201,
                herald.postJson("/api/users", HeraldClient.registration(email)).statusCode());
        try (ExternalSubscriber userEvents = new ExternalSubscriber("user.events")) {
            JsonObject conflict =
                    problem(herald.postJson("/api/users", HeraldClient.registration(email.toUpperCase())), 409);
            assertTrue(conflict.getString("detail").contains(email), conflict.toString());

            String marker = HeraldClient.object(
                            herald.postJson("/api/users", HeraldClient.registration(HeraldClient.uniqueEmail())))
                    .getString("id");
            assertEquals(
                    1,
                    userEvents
                            .receiveUntil(ExternalSubscriber.subject(marker), TIMEOUT)
                            .size());
        }
    }

    @Test
    void unknownIdsAndBadQueriesAreProblems() {
        problem(herald.get("/api/users/no-such-user"), 404);
        problem(herald.get("/api/orders/no-such-order"), 404);
        problem(herald.get("/api/orders"), 400);
        problem(herald.get("/api/orders?userId="), 400);
        problem(herald.get("/api/no-such-resource"), 404);
    }

    private static JsonObject problem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = HeraldClient.object(response);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.containsKey("title") && problem.containsKey("detail"), problem.toString());
        return problem;
    }

    private static void assertFields(JsonObject problem, String... fields) {
        Set<String> reported = problem.getJsonArray("errors").stream()
                .map(error -> error.asJsonObject().getString("field"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(fields), reported, problem.toString());
    }
}
