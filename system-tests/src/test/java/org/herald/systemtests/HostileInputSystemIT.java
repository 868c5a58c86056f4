package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black box: the hostile corpus ({@code src/test/resources/hostile/*.json})
 * replayed byte for byte over raw sockets. Every request must get exactly
 * its expected 4xx, never a 5xx and never a hang, as
 * {@code application/problem+json} whose {@code status} is the HTTP status,
 * with a {@code title} and a {@code detail}; a 405 names what is allowed; and
 * no {@code Location} ever points at a host the client made up.
 *
 * <p>And the whole corpus changes nothing: an external subscriber opened
 * before the first request sees, after the last, only the event of one
 * valid registration of the run's email, which is still free. (Before the
 * first request, a fence registration's event drains what earlier tests
 * may still have had in flight.)
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputSystemIT extends BlackBoxTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Pattern HOST_HEADER = Pattern.compile(
            "(?im)^(?:host|x-forwarded-host|x-forwarded-server|x-host|x-original-host)[ \\t]*:[ \\t]*([^\\r\\n]*)");
    private static final Pattern FORWARDED_HOST = Pattern.compile("(?i)\\bhost=\"?([^;,\\s\"]+)");
    private static final Pattern ABSOLUTE_TARGET = Pattern.compile("^[^ ]+ [a-zA-Z][a-zA-Z0-9+.-]*://([^/?#\\s]+)");

    @TestFactory
    Stream<DynamicNode> hostileRequestsGetTheirProblemAndChangeNothing() {
        Map<String, List<HostileCase>> corpus = HostileCorpus.load();
        Placeholders run = Placeholders.forRun(hostHeader());
        ExternalSubscriber userEvents = new ExternalSubscriber("user.events"); // before the first request
        try {
            drainEarlierEvents(userEvents);
        } catch (JMSException | RuntimeException | AssertionError e) {
            userEvents.close();
            throw new IllegalStateException("cannot open the subscriber's window on the corpus", e);
        }
        Stream<DynamicNode> files = corpus.entrySet().stream()
                .map(file -> dynamicContainer(
                        file.getKey(),
                        file.getValue().stream()
                                .map(hostile -> dynamicTest(hostile.name, () -> replay(hostile, run)))));
        DynamicNode nothingChanged = dynamicTest(
                "nothing changed: the run's email is still free, no event was published",
                () -> nothingChanged(run, userEvents));
        return Stream.concat(files, Stream.of(nothingChanged)).onClose(userEvents::close);
    }

    private static void replay(HostileCase hostile, Placeholders run) {
        String runtime = System.getProperty("herald.runtime", "wildfly");
        assumeFalse(
                hostile.knownIssueOn.contains(runtime), () -> "known issue on " + runtime + ": " + hostile.knownIssue);
        HostileCase.Request request = hostile.request(run);
        RawHttp.Response response;
        try {
            response = RawHttp.exchange(
                    HeraldClient.BASE.getHost(),
                    port(),
                    request.bytes(),
                    request.halfClose(),
                    hostile.isHead(),
                    DEADLINE);
        } catch (IOException e) {
            if (hostile.parserMayRefuse && e instanceof EOFException) {
                return; // the server's HTTP layer dropped a request it could not frame, before Herald
            }
            throw new AssertionError("no answer: " + e + "\n--- request ---\n" + printable(request.head()), e);
        }
        String exchange =
                "\n--- request ---\n" + printable(request.head()) + "--- response ---\n" + response.describe();

        assertTrue(response.status() < 500, "a server error" + exchange);
        String contentType = response.header("Content-Type").orElse("");
        if (hostile.parserMayRefuse
                && contentType.isEmpty()
                && response.body().length == 0
                && (response.status() == hostile.expect || response.status() == 400)) {
            return; // refused by the server's HTTP parser, before Herald
        }
        assertEquals(hostile.expect, response.status(), "status" + exchange);
        assertEquals(
                "application/problem+json",
                contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT),
                "Content-Type" + exchange);
        if (!hostile.isHead()) {
            JsonObject problem = problem(response, exchange);
            assertEquals(response.status(), problem.getInt("status", -1), "the problem's status" + exchange);
            assertTrue(problem.get("title") instanceof JsonString, "the problem's title" + exchange);
            assertTrue(problem.get("detail") instanceof JsonString, "the problem's detail" + exchange);
        }
        if (response.status() == 405) {
            String allow = String.join(",", response.headers("Allow"));
            assertFalse(allow.isBlank(), "a 405 without Allow" + exchange);
            Set<String> allowed =
                    Arrays.stream(allow.split(",")).map(String::trim).collect(Collectors.toSet());
            assertFalse(allowed.contains(hostile.method), "Allow names the refused method" + exchange);
        }
        for (String location : response.headers("Location")) {
            for (String spoofed : spoofedHosts(request.head(), run.host())) {
                assertFalse(
                        location.toLowerCase(Locale.ROOT).contains(spoofed),
                        "a Location on the client's made-up host " + spoofed + exchange);
            }
        }
    }

    /**
     * Events that earlier tests caused may still be on their way; a fence
     * registration, once its own event has arrived, leaves the subscriber's
     * window to the corpus and the final check.
     */
    private void drainEarlierEvents(ExternalSubscriber userEvents) throws JMSException {
        HttpResponse<String> fence =
                herald.postJson("/api/users", HeraldClient.registration(HeraldClient.uniqueEmail()));
        assertEquals(201, fence.statusCode(), fence.body());
        userEvents.receiveUntil(
                ExternalSubscriber.subject(HeraldClient.object(fence).getString("id")), TIMEOUT);
    }

    private void nothingChanged(Placeholders run, ExternalSubscriber userEvents) throws JMSException {
        HttpResponse<String> registered = herald.postJson("/api/users", HeraldClient.registration(run.email()));
        assertEquals(
                201,
                registered.statusCode(),
                "the corpus's email must still be free (no hostile request stored it): " + registered.body());
        String userId = HeraldClient.object(registered).getString("id");
        List<TextMessage> seen = userEvents.receiveUntil(ExternalSubscriber.subject(userId), TIMEOUT);
        List<String> published =
                seen.stream().map(HostileInputSystemIT::describe).toList();
        assertEquals(
                1, seen.size(), "events published while the corpus ran, the last being the check's own: " + published);
    }

    private static JsonObject problem(RawHttp.Response response, String exchange) {
        try (var reader = Json.createReader(new StringReader(response.bodyText()))) {
            JsonValue body = reader.readValue();
            assertEquals(JsonValue.ValueType.OBJECT, body.getValueType(), "the problem is not an object" + exchange);
            return body.asJsonObject();
        } catch (JsonException e) {
            throw new AssertionError("the problem is not JSON: " + e.getMessage() + exchange, e);
        }
    }

    /**
     * The hosts the request claims other than the real one: in Host-like
     * headers (including lines smuggled in by CRLF injection, and every host
     * in a value that a NUL or a comma splits), in Forwarded's host=, and in
     * an absolute-form request-target.
     */
    static Set<String> spoofedHosts(String head, String realHost) {
        Set<String> hosts = new LinkedHashSet<>();
        for (Pattern pattern : List.of(HOST_HEADER, FORWARDED_HOST, ABSOLUTE_TARGET)) {
            Matcher matcher = pattern.matcher(head);
            while (matcher.find()) {
                for (String token : matcher.group(1).split("[^A-Za-z0-9.:\\[\\]-]+")) {
                    String host = hostName(token);
                    if (!host.isEmpty() && !host.equals(hostName(realHost))) {
                        hosts.add(host);
                    }
                }
            }
        }
        return hosts;
    }

    private static String hostName(String value) {
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < trimmed.length()
                && (Character.isLetterOrDigit(trimmed.charAt(end))
                        || trimmed.charAt(end) == '.'
                        || trimmed.charAt(end) == '-')) {
            end++;
        }
        return trimmed.substring(0, end);
    }

    private static String describe(TextMessage message) {
        try {
            return message.getStringProperty("cloudEvents_type") + " "
                    + message.getStringProperty("cloudEvents_subject");
        } catch (JMSException e) {
            return message.toString();
        }
    }

    private static String hostHeader() {
        int port = HeraldClient.BASE.getPort();
        return HeraldClient.BASE.getHost() + (port == -1 ? "" : ":" + port);
    }

    private static int port() {
        int port = HeraldClient.BASE.getPort();
        return port == -1 ? 80 : port;
    }

    /** The request head with its control characters visible, cut to 3,000 characters. */
    private static String printable(String head) {
        StringBuilder text = new StringBuilder();
        for (char c : head.toCharArray()) {
            if (c == '\n') {
                text.append("\\n\n");
            } else if (c == '\r') {
                text.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                text.append(String.format("\\x%02x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.length() > 3_000 ? text.substring(0, 3_000) + "…\n" : text.toString();
    }
}
