package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black box: the event store over HTTP. Queries by type, subject,
 * correlation and time; cursor paging while events are added; one event with
 * the consumers that applied it; replays that reach the broker again and
 * cause nothing twice.
 */
@ExtendWith(ArquillianExtension.class)
class EventStoreSystemIT extends BlackBoxTest {

    @Test
    void aRegistrationsEventsAreFoundBySubjectCorrelationAndTypeWithTheConsumersThatAppliedThem() {
        String userId = register();
        JsonArray bySubject = events("subject=" + userId);
        assertEquals(1, bySubject.size(), bySubject.toString());
        JsonObject registered = bySubject.getJsonObject(0);
        assertAll(
                () -> assertEquals("user.registered", registered.getString("type")),
                () -> assertEquals("1.0", registered.getString("specversion")),
                () -> assertEquals("0000000000000000001", registered.getString("sequence")),
                () -> assertEquals(userId, registered.getJsonObject("data").getString("userId")));

        String correlation = registered.getString("correlationid");
        JsonArray chain = Poll.until(
                () -> events("correlationId=" + correlation),
                list -> list.size() == 2,
                TIMEOUT,
                "user.registered and order.created in correlation " + correlation);
        assertEquals(List.of("user.registered", "order.created"), types(chain));
        assertEquals(registered.getString("id"), chain.getJsonObject(1).getString("causationid"));
        assertTrue(
                types(events("type=order.created&correlationId=" + correlation)).equals(List.of("order.created")));

        JsonObject detail = Poll.until(
                () -> HeraldClient.object(herald.get("/api/events/" + registered.getString("id"))),
                found -> !found.getJsonArray("consumedBy").isEmpty() && found.containsKey("publishedAt"),
                TIMEOUT,
                "user.registered published and applied");
        assertAll(
                () -> assertEquals(registered, detail.getJsonObject("event")),
                () -> assertEquals(0, detail.getInt("replays")),
                () -> assertEquals(
                        "order-service-user-registered",
                        detail.getJsonArray("consumedBy").getJsonObject(0).getString("consumer")));
    }

    @Test
    void theApplicationsStartIsASystemEventOfItsNode() {
        JsonArray started = events("type=system.server-started");
        assertFalse(started.isEmpty(), "this deployment's start");
        JsonObject last = started.getJsonObject(started.size() - 1);
        assertAll(
                () -> assertEquals("/herald/system", last.getString("source")),
                () -> assertEquals(
                        last.getString("subject"), last.getJsonObject("data").getString("node")),
                () -> assertFalse(last.getString("subject").isBlank()),
                () -> assertDoesNotThrow(
                        () -> OffsetDateTime.parse(last.getJsonObject("data").getString("at"))));
    }

    @Test
    void pagesFollowTheCursorNeitherRepeatingNorSkippingWhileEventsAreAdded() {
        String since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).toString();
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            before.add(register());
        }
        List<String> seen = new ArrayList<>();
        String query = "/api/events?type=user.registered&limit=3&from=" + encode(since);
        JsonObject page = HeraldClient.object(herald.get(query));
        int pages = 1;
        while (page.containsKey("next")) {
            register(); // a newer event on every page: it lands after the cursor, never before it
            page.getJsonArray("events")
                    .getValuesAs(JsonObject.class)
                    .forEach(event -> seen.add(event.getJsonObject("data").getString("userId")));
            page = HeraldClient.object(herald.get(query + "&cursor=" + page.getString("next")));
            assertTrue(++pages < 100, "paging ends");
        }
        page.getJsonArray("events")
                .getValuesAs(JsonObject.class)
                .forEach(event -> seen.add(event.getJsonObject("data").getString("userId")));
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no event twice: " + seen);
        assertTrue(seen.containsAll(before), "every event stored before the first page: " + seen);
    }

    @Test
    void aBadQueryIsA400AndAnUnknownEventA404() {
        for (String query : List.of(
                "type=no.such-type",
                "from=yesterday",
                "to=2026-01-01",
                "limit=0",
                "limit=ten",
                "limit=-1",
                "cursor=not-ours",
                "cursor=" + encode("after:1"),
                "sort=asc",
                "type=user.registered&type=order.created",
                "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                "subject=" + "s".repeat(101))) {
            HttpResponse<String> response = herald.get("/api/events?" + query);
            assertEquals(400, response.statusCode(), query + ": " + response.body());
            assertEquals(
                    "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse(""),
                    query);
        }
        HttpResponse<String> capped = herald.get("/api/events?limit=1000000");
        assertEquals(200, capped.statusCode(), capped.body());
        assertTrue(HeraldClient.object(capped).getJsonArray("events").size() <= 500);
        HttpResponse<String> unknown = herald.get("/api/events/" + UUID.randomUUID());
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals(
                "application/problem+json",
                unknown.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void aReplayReachesTheBrokerAgainAndCausesNothingTwice() throws Exception {
        String from = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).toString();
        String email = HeraldClient.uniqueEmail();
        String userId = HeraldClient.object(herald.postJson("/api/users", HeraldClient.registration(email)))
                .getString("id");
        JsonArray orders = awaitOrders(userId);
        String registeredId = events("subject=" + userId).getJsonObject(0).getString("id");
        String to = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1).toString();
        String admin = herald.adminToken();

        try (ExternalSubscriber userEvents = new ExternalSubscriber("user.events")) {
            HttpResponse<String> replay = herald.postJson(
                    "/api/events/replay",
                    Json.createObjectBuilder()
                            .add("from", from)
                            .add("to", to)
                            .add("subject", userId)
                            .build()
                            .toString(),
                    admin);

            assertEquals(202, replay.statusCode(), replay.body());
            assertEquals(1, HeraldClient.object(replay).getInt("replayed"));
            List<TextMessage> received = userEvents.receiveUntil(ExternalSubscriber.subject(userId), TIMEOUT);
            TextMessage copy = received.get(received.size() - 1);
            assertEquals(registeredId, copy.getStringProperty("cloudEvents_id"), "the same event, by id");
            assertEquals(registeredId + "#replay-1", copy.getStringProperty("_AMQ_DUPL_ID"));
        }
        // a registration after the replay is consumed after it: once its order exists, the replay was seen
        String fence = register();
        awaitOrders(fence);
        JsonObject detail = HeraldClient.object(herald.get("/api/events/" + registeredId));
        assertAll(
                () -> assertEquals(
                        orders,
                        HeraldClient.json(herald.get("/api/orders?userId=" + userId))
                                .asJsonArray(),
                        "no second order"),
                () -> assertEquals(1, detail.getInt("replays")),
                () -> assertEquals(1, detail.getJsonArray("consumedBy").size()),
                () -> assertEquals(List.of("user.registered"), types(events("subject=" + userId))),
                () -> assertEquals(
                        1,
                        events("type=order.created&correlationId=" + registeredId)
                                .size()));
    }

    @Test
    void onlyAnAdminReplaysAndABadReplayIsA400() {
        String range = Json.createObjectBuilder()
                .add("from", "2026-01-01T00:00:00Z")
                .add("to", "2026-01-02T00:00:00Z")
                .build()
                .toString();
        String email = HeraldClient.uniqueEmail();
        herald.postJson("/api/users", HeraldClient.registration(email));
        assertEquals(401, herald.postJson("/api/events/replay", range, null).statusCode());
        assertEquals(
                403,
                herald.postJson("/api/events/replay", range, herald.login(email, HeraldClient.PASSWORD))
                        .statusCode());

        String admin = herald.adminToken();
        for (String body : List.of(
                "{}",
                "{\"from\": \"2026-01-01T00:00:00Z\"}",
                "{\"from\": \"2026-01-02T00:00:00Z\", \"to\": \"2026-01-01T00:00:00Z\"}",
                "{\"from\": \"monday\", \"to\": \"2026-01-01T00:00:00Z\"}",
                "{\"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2026-01-02T00:00:00Z\", \"type\": \"nope\"}",
                "{\"from\": 1, \"to\": \"2026-01-02T00:00:00Z\"}",
                "{\"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2026-01-02T00:00:00Z\", \"all\": true}")) {
            HttpResponse<String> response = herald.postJson("/api/events/replay", body, admin);
            assertEquals(400, response.statusCode(), body + ": " + response.body());
        }
        HttpResponse<String> nothing = herald.postJson("/api/events/replay", range, admin);
        assertEquals(202, nothing.statusCode(), nothing.body());
        assertEquals(0, HeraldClient.object(nothing).getInt("replayed"));
    }

    private String register() {
        HttpResponse<String> created =
                herald.postJson("/api/users", HeraldClient.registration(HeraldClient.uniqueEmail()));
        assertEquals(201, created.statusCode(), created.body());
        return HeraldClient.object(created).getString("id");
    }

    private JsonArray events(String query) {
        HttpResponse<String> response = herald.get("/api/events?" + query);
        assertEquals(200, response.statusCode(), query + ": " + response.body());
        JsonObject page = HeraldClient.object(response);
        assertFalse(page.containsKey("next") && page.getJsonArray("events").isEmpty(), page.toString());
        return page.getJsonArray("events");
    }

    private static List<String> types(JsonArray events) {
        return events.getValuesAs(JsonObject.class).stream()
                .map(event -> event.getString("type"))
                .toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
