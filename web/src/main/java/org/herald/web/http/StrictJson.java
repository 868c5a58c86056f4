package org.herald.web.http;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads one JSON document exactly as sent, or refuses it saying why. The runtimes' readers each let something through that changes what is
 * stored: invalid UTF-8 becomes U+FFFD, a lone surrogate becomes "?", of two
 * equal keys the last wins, and content after the document is ignored.
 */
public final class StrictJson {

    /** Deeper than any request Herald accepts; bounds the recursion below. */
    static final int MAX_DEPTH = 32;

    private static final JsonProvider JSON = JsonProvider.provider();

    private StrictJson() {}

    /** A body refused, and why; the message is meant for the client. */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The document in {@code body}, which must be UTF-8 (RFC 8259) without a byte order mark. */
    public static JsonValue read(byte[] body) {
        String text = utf8(body);
        if (text.isBlank()) {
            throw new Refused("A JSON request body is required");
        }
        if (text.charAt(0) == '\uFEFF') {
            throw new Refused("The request body starts with a byte order mark; send plain UTF-8 JSON");
        }
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            JsonValue value = value(parser, parser.next(), 1);
            if (trailing(parser)) {
                throw new Refused("The request body has content after the JSON document");
            }
            return value;
        } catch (JsonParsingException e) {
            throw new Refused("The request body is not valid JSON: " + e.getMessage());
        } catch (java.util.NoSuchElementException e) {
            throw new Refused("The request body is not valid JSON: it ends too early");
        }
    }

    private static boolean trailing(JsonParser parser) {
        try {
            return parser.hasNext();
        } catch (JsonParsingException e) {
            return true; // Parsson reports the first token after the document here
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Refused("The request body is not valid UTF-8");
        }
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
        return switch (event) {
            case START_OBJECT -> object(parser, depth);
            case START_ARRAY -> array(parser, depth);
            case VALUE_STRING -> Json.createValue(text(parser.getString()));
            case VALUE_NUMBER -> Json.createValue(parser.getBigDecimal());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw new Refused("The request body is not valid JSON: unexpected " + event);
        };
    }

    private static JsonValue object(JsonParser parser, int depth) {
        nested(depth);
        JsonObjectBuilder object = JSON.createObjectBuilder();
        Set<String> keys = new HashSet<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String key = text(parser.getString());
            if (!keys.add(key)) {
                throw new Refused("The request body has the key \"" + printable(key) + "\" twice");
            }
            object.add(key, value(parser, parser.next(), depth + 1));
        }
        return object.build();
    }

    private static JsonValue array(JsonParser parser, int depth) {
        nested(depth);
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            array.add(value(parser, event, depth + 1));
        }
        return array.build();
    }

    private static void nested(int depth) {
        if (depth > MAX_DEPTH) {
            throw new Refused("The request body nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    /** A string as sent; an escaped lone surrogate ({@code "\ud800"}) is no text and cannot be stored. */
    private static String text(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Refused(
                        "The request body has a string with an unpaired surrogate (\\u" + Integer.toHexString(c) + ")");
            }
        }
        return value;
    }

    private static String printable(String key) {
        String shown = key.codePoints()
                .limit(40)
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return key.length() > 40 ? shown + "…" : shown;
    }
}
