package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hostile corpus itself, without a server: every file loads, every case
 * is well formed and expands to the request it claims to be (the 1 MB case
 * really is 1 MB; the cases expected to be 400 really are under the 16 KiB
 * limit, so they test what their names say and not the limit).
 */
class HostileCorpusTest {

    private static final Set<Integer> STATUSES = Set.of(400, 404, 405, 406, 413, 415);
    private static final Pattern LEFT_OVER = Pattern.compile("\\{\\{(email|uuid|host|repeat:|hex:)");
    private static final Placeholders RUN = Placeholders.forRun("localhost:8080");

    private final Map<String, List<HostileCase>> corpus = HostileCorpus.load();
    private final List<HostileCase> cases =
            corpus.values().stream().flatMap(List::stream).toList();

    @Test
    void everyFileLoadsAndTheCorpusHasAtLeast320Cases() {
        assertTrue(corpus.size() >= 5, "themes: " + corpus.keySet());
        corpus.forEach((file, fileCases) -> assertFalse(fileCases.isEmpty(), file + " is empty"));
        assertTrue(cases.size() >= 320, "cases: " + cases.size());
    }

    @Test
    void namesAreUniqueAndReadable() {
        Set<String> names = new HashSet<>();
        for (HostileCase hostile : cases) {
            assertFalse(hostile.name.isBlank(), hostile.toString());
            assertEquals(hostile.name.strip(), hostile.name, hostile.toString());
            assertTrue(hostile.name.chars().noneMatch(Character::isISOControl), "control character in " + hostile);
            assertTrue(names.add(hostile.name), "duplicate name: " + hostile);
        }
    }

    @Test
    void everyCaseExpectsAKnown4xx() {
        for (HostileCase hostile : cases) {
            assertTrue(STATUSES.contains(hostile.expect), hostile + " expects " + hostile.expect);
            assertFalse(hostile.method.isBlank(), hostile.toString());
            assertFalse(hostile.target.isEmpty(), hostile.toString());
        }
    }

    @Test
    void everyPlaceholderExpands() {
        for (HostileCase hostile : cases) {
            String request = new String(hostile.request(RUN).bytes(), StandardCharsets.ISO_8859_1);
            assertFalse(LEFT_OVER.matcher(request).find(), "a placeholder left in " + hostile);
        }
    }

    @Test
    void largePayloadsAreGeneratedToTheirSize() {
        List<HostileCase> megabyte =
                cases.stream().filter(hostile -> hostile.name.contains("1 MB")).toList();
        assertTrue(megabyte.size() >= 3, "1 MB cases: " + megabyte);
        for (HostileCase hostile : megabyte) {
            assertTrue(hostile.request(RUN).bodyLength() >= 1_000_000, hostile.toString());
        }
        HostileCase brackets = named("nesting: 10,000 opening brackets");
        assertEquals("[".repeat(10_000), body(brackets));
        HostileCase padded = named("valid registration padded with spaces to 16,385 bytes");
        assertEquals(HostileCase.BODY_LIMIT + 1, padded.request(RUN).bodyLength());
    }

    @Test
    void onlyThe413CasesGoOverTheBodyLimit() {
        BigInteger limit = BigInteger.valueOf(HostileCase.BODY_LIMIT);
        for (HostileCase hostile : cases) {
            HostileCase.Request request = hostile.request(RUN);
            boolean bodyOver = request.bodyLength() > HostileCase.BODY_LIMIT;
            boolean declaredOver =
                    request.declaredLength() != null && request.declaredLength().compareTo(limit) > 0;
            if (hostile.expect == 413) {
                assertTrue(bodyOver || declaredOver, hostile + " is not over the limit");
            } else {
                assertFalse(bodyOver || declaredOver, hostile + " is over the limit: it would test the limit");
            }
        }
    }

    @Test
    void theRunEmailIsUniqueValidAnd56CharactersLong() {
        // the lying Content-Lengths and chunk sizes of http-framing.json are computed for that length
        assertEquals(56, RUN.email().length());
        assertTrue(RUN.email().matches("hostile-[0-9a-f-]{36}@example\\.com"), RUN.email());
        assertFalse(RUN.email().equals(Placeholders.forRun("localhost:8080").email()));
        String body = new String(RUN.bytes("{{email}} {{email}}"), StandardCharsets.UTF_8);
        assertEquals(RUN.email() + " " + RUN.email(), body);
        String uuids = new String(RUN.bytes("{{uuid}} {{uuid}}"), StandardCharsets.UTF_8);
        assertFalse(uuids.split(" ")[0].equals(uuids.split(" ")[1]), "{{uuid}} is fresh at each occurrence");
        assertEquals("{{7*7}}", new String(RUN.bytes("{{7*7}}"), StandardCharsets.UTF_8));
    }

    @Test
    void noCaseHoldsALoneSurrogateThatUtf8WouldTurnIntoAQuestionMark() {
        for (HostileCase hostile : cases) {
            for (String text : strings(hostile.json())) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (Character.isHighSurrogate(c)) {
                        assertTrue(
                                i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i)),
                                hostile.toString());
                    } else {
                        assertFalse(Character.isLowSurrogate(c), hostile.toString());
                    }
                }
            }
        }
    }

    @Test
    void theSpoofedHostIsFoundWhereverTheCaseHidesIt() {
        for (HostileCase hostile : cases) {
            String head = hostile.request(RUN).head();
            Set<String> spoofed = HostileInputSystemIT.spoofedHosts(head, RUN.host());
            if (head.contains("evil.example")) {
                assertTrue(spoofed.contains("evil.example"), hostile + ": " + spoofed);
            } else {
                assertTrue(spoofed.isEmpty(), hostile + ": " + spoofed);
            }
        }
    }

    private HostileCase named(String name) {
        return cases.stream()
                .filter(hostile -> hostile.name.equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static String body(HostileCase hostile) {
        HostileCase.Request request = hostile.request(RUN);
        byte[] bytes = request.bytes();
        return new String(bytes, request.headLength(), bytes.length - request.headLength(), StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonValue value) {
        List<String> strings = new ArrayList<>();
        switch (value.getValueType()) {
            case STRING -> strings.add(((JsonString) value).getString());
            case ARRAY -> value.asJsonArray().forEach(item -> strings.addAll(strings(item)));
            case OBJECT ->
                value.asJsonObject().forEach((key, item) -> {
                    strings.add(key);
                    strings.addAll(strings(item));
                });
            default -> {}
        }
        return strings;
    }
}
