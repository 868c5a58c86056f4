package org.herald.systemtests;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One request of the hostile corpus, as data: what to send byte for byte and
 * the status it must get. The fields are those of the corpus files (see
 * {@code src/test/resources/hostile/README.md}); an unknown field is an
 * error, so a misspelt one cannot silently change a case.
 */
final class HostileCase {

    static final int BODY_LIMIT = 16_384;

    private static final Set<String> FIELDS = Set.of(
            "name",
            "expect",
            "method",
            "target",
            "version",
            "host",
            "headers",
            "body",
            "bodyHex",
            "chunks",
            "rawBody",
            "contentLength",
            "halfClose",
            "parserMayRefuse",
            "knownIssue");
    private static final Set<String> BODY_FIELDS = Set.of("body", "bodyHex", "chunks", "rawBody");
    private static final byte[] CRLF = {'\r', '\n'};

    final String file;
    final String name;
    final int expect;
    final String method;
    final String target;
    final String version;
    final boolean addHost;
    /**
     * The request is malformed at the HTTP level, where a server's parser may refuse
     * it before any application code runs (Undertow does, with an empty 400, or by
     * closing a connection whose body it cannot frame): then there is no problem
     * body to check, only the status, or that nothing was answered at all.
     */
    final boolean parserMayRefuse;
    /** Runtimes where the case is a known, explained failure of the server itself: skipped there, saying why. */
    final Set<String> knownIssueOn;

    final String knownIssue;
    final List<String[]> headers;
    private final JsonObject json;

    private HostileCase(String file, JsonObject json) {
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(file + ": unknown field \"" + field + "\" in " + json);
            }
        }
        if (json.keySet().stream().filter(BODY_FIELDS::contains).count() > 1) {
            throw new IllegalArgumentException(file + ": more than one of " + BODY_FIELDS + " in " + json);
        }
        this.file = file;
        this.json = json;
        this.name = json.getString("name");
        this.expect = json.getInt("expect");
        this.method = json.getString("method");
        this.target = json.getString("target");
        this.version = json.getString("version", "HTTP/1.1");
        this.addHost = json.getBoolean("host", true);
        this.parserMayRefuse = json.getBoolean("parserMayRefuse", false);
        JsonObject issue = json.containsKey("knownIssue") ? json.getJsonObject("knownIssue") : null;
        this.knownIssueOn = issue == null
                ? Set.of()
                : issue.getJsonArray("runtimes").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .collect(Collectors.toSet());
        this.knownIssue = issue == null ? null : issue.getString("why");
        List<String[]> pairs = new ArrayList<>();
        for (JsonValue pair :
                json.getJsonArray("headers") == null ? JsonValue.EMPTY_JSON_ARRAY : json.getJsonArray("headers")) {
            JsonArray nameValue = pair.asJsonArray();
            if (nameValue.size() != 2) {
                throw new IllegalArgumentException(file + ": a header is a [name, value] pair: " + pair);
            }
            pairs.add(new String[] {nameValue.getString(0), nameValue.getString(1)});
        }
        this.headers = List.copyOf(pairs);
    }

    static HostileCase of(String file, JsonObject json) {
        return new HostileCase(file, json);
    }

    /** The case as written in its file. */
    JsonObject json() {
        return json;
    }

    boolean isHead() {
        return method.equals("HEAD");
    }

    boolean hasHeader(String headerName) {
        return headers.stream().anyMatch(header -> header[0].equalsIgnoreCase(headerName));
    }

    /** The request as the runner sends it, with every placeholder expanded. */
    Request request(Placeholders placeholders) {
        byte[] payload = payload(placeholders);
        boolean chunked = json.containsKey("chunks");
        String contentLength = contentLength(payload);

        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(placeholders.bytes(method + " " + target + " " + version));
        head.writeBytes(CRLF);
        if (addHost && !hasHeader("Host")) {
            line(head, "Host: " + placeholders.host());
        }
        for (String[] header : headers) {
            head.writeBytes(placeholders.bytes(header[0] + ": " + header[1]));
            head.writeBytes(CRLF);
        }
        if (chunked && !hasHeader("Transfer-Encoding")) {
            line(head, "Transfer-Encoding: chunked");
        }
        if (contentLength != null) {
            line(head, "Content-Length: " + contentLength);
        }
        line(head, "Connection: close");
        head.writeBytes(CRLF);

        BigInteger declared = declaredLength(contentLength);
        boolean halfClose = json.containsKey("halfClose")
                ? json.getBoolean("halfClose")
                : declared != null && declared.compareTo(BigInteger.valueOf(payload.length)) > 0;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.size() + payload.length);
        bytes.writeBytes(head.toByteArray());
        bytes.writeBytes(payload);
        return new Request(bytes.toByteArray(), head.size(), bodySize(placeholders, payload), declared, halfClose);
    }

    /**
     * The bytes to write (head, then body) and what they amount to: the body's
     * size (the chunk data alone, for chunked cases), the Content-Length the
     * runner declared if it is a number, and whether the client half-closes
     * after writing (by default when that Content-Length promises more than is
     * sent).
     */
    record Request(byte[] bytes, int headLength, int bodyLength, BigInteger declaredLength, boolean halfClose) {

        String head() {
            return new String(bytes, 0, headLength, StandardCharsets.UTF_8);
        }
    }

    private byte[] payload(Placeholders placeholders) {
        if (json.containsKey("body")) {
            return placeholders.bytes(json.getString("body"));
        }
        if (json.containsKey("rawBody")) {
            return placeholders.bytes(json.getString("rawBody"));
        }
        if (json.containsKey("bodyHex")) {
            return Placeholders.hex(json.getString("bodyHex"));
        }
        if (json.containsKey("chunks")) {
            ByteArrayOutputStream framed = new ByteArrayOutputStream();
            for (JsonValue chunk : json.getJsonArray("chunks")) {
                byte[] data = placeholders.bytes(((JsonString) chunk).getString());
                framed.writeBytes(Integer.toHexString(data.length).getBytes(StandardCharsets.US_ASCII));
                framed.writeBytes(CRLF);
                framed.writeBytes(data);
                framed.writeBytes(CRLF);
            }
            framed.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return framed.toByteArray();
        }
        return new byte[0];
    }

    private int bodySize(Placeholders placeholders, byte[] payload) {
        if (!json.containsKey("chunks")) {
            return payload.length;
        }
        int size = 0;
        for (JsonValue chunk : json.getJsonArray("chunks")) {
            size += placeholders.bytes(((JsonString) chunk).getString()).length;
        }
        return size;
    }

    /**
     * The Content-Length header the runner adds, or null for none. "auto"
     * (the default) is the payload's length, left out when the case frames
     * the body itself (chunks, or its own Content-Length or Transfer-Encoding
     * header) or when there is no body and the method carries none.
     */
    private String contentLength(byte[] payload) {
        JsonValue value = json.getOrDefault("contentLength", Json.createValue("auto"));
        if (value instanceof JsonNumber number) {
            return number.bigIntegerValueExact().toString();
        }
        String text = ((JsonString) value).getString();
        if (text.equals("none")) {
            return null;
        }
        if (!text.equals("auto")) {
            return text;
        }
        if (json.containsKey("chunks") || hasHeader("Content-Length") || hasHeader("Transfer-Encoding")) {
            return null;
        }
        boolean hasBody = BODY_FIELDS.stream().anyMatch(json::containsKey);
        boolean bodyMethod = Set.of("POST", "PUT", "PATCH").contains(method.toUpperCase(Locale.ROOT));
        return hasBody || bodyMethod ? Integer.toString(payload.length) : null;
    }

    /**
     * The Content-Length the runner sends, if it is a length at all: plain
     * decimal digits within a long (a longer one is malformed, 400, not 413).
     */
    private static BigInteger declaredLength(String contentLength) {
        if (contentLength == null || !contentLength.matches("[0-9]+")) {
            return null;
        }
        BigInteger length = new BigInteger(contentLength);
        return length.bitLength() < 64 ? length : null;
    }

    private static void line(ByteArrayOutputStream out, String line) {
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(CRLF);
    }

    @Override
    public String toString() {
        return file + ": " + name;
    }
}
