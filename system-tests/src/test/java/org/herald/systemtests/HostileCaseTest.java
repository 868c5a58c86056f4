package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a corpus case becomes bytes on the wire: what the runner adds, and what it leaves exactly as written. */
class HostileCaseTest {

    private static final Placeholders RUN = new Placeholders("hostile-x@example.com", "localhost:8080");

    @Test
    void addsHostContentLengthAndConnectionClose() {
        String request = text("{\"name\":\"n\",\"expect\":400,\"method\":\"POST\",\"target\":\"/api/users\","
                + "\"headers\":[[\"Content-Type\",\"application/json\"]],\"body\":\"{\\\"e\\\":\\\"{{email}}\\\"}\"}");
        assertEquals(
                "POST /api/users HTTP/1.1\r\nHost: localhost:8080\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 29\r\nConnection: close\r\n\r\n{\"e\":\"hostile-x@example.com\"}",
                request);
    }

    @Test
    void writesTheCasesOwnHostAndNoneWhenToldSo() {
        assertEquals(
                "GET / HTTP/1.0\r\nConnection: close\r\n\r\n",
                text(
                        "{\"name\":\"n\",\"expect\":404,\"method\":\"GET\",\"target\":\"/\",\"version\":\"HTTP/1.0\",\"host\":false}"));
        assertEquals(
                "GET / HTTP/1.1\r\nhost: evil.example\r\nConnection: close\r\n\r\n",
                text(
                        "{\"name\":\"n\",\"expect\":400,\"method\":\"GET\",\"target\":\"/\",\"headers\":[[\"host\",\"evil.example\"]]}"));
    }

    @Test
    void sendsControlCharactersAndLiesAsWritten() {
        String request = text("{\"name\":\"n\",\"expect\":400,\"method\":\"POST\",\"target\":\"/a b\\r\\nX: y\","
                + "\"headers\":[[\"X-Test\",\"a\\u0000b\\nc\"]],\"contentLength\":\"+5\",\"body\":\"{}\"}");
        assertEquals(
                "POST /a b\r\nX: y HTTP/1.1\r\nHost: localhost:8080\r\nX-Test: a\0b\nc\r\nContent-Length: +5\r\n"
                        + "Connection: close\r\n\r\n{}",
                request);
        assertEquals(
                "POST / HTTP/1.1\r\nHost: localhost:8080\r\nConnection: close\r\n\r\n{}",
                text(
                        "{\"name\":\"n\",\"expect\":400,\"method\":\"POST\",\"target\":\"/\",\"contentLength\":\"none\",\"body\":\"{}\"}"));
    }

    @Test
    void halfClosesWhenTheContentLengthPromisesMore() {
        HostileCase.Request longer = request("{\"name\":\"n\",\"expect\":400,\"method\":\"POST\",\"target\":\"/\","
                + "\"contentLength\":3,\"body\":\"{}\"}");
        assertTrue(longer.halfClose());
        assertEquals(3, longer.declaredLength().intValue());
        HostileCase.Request huge = request("{\"name\":\"n\",\"expect\":413,\"method\":\"POST\",\"target\":\"/\","
                + "\"contentLength\":\"9223372036854775807\",\"body\":\"{}\"}");
        assertTrue(huge.halfClose());
        HostileCase.Request honest =
                request("{\"name\":\"n\",\"expect\":400,\"method\":\"POST\",\"target\":\"/\",\"body\":\"{}\"}");
        assertFalse(honest.halfClose());
    }

    @Test
    void framesChunksAndAddsTransferEncodingOnlyIfTheCaseHasNone() {
        assertEquals(
                "POST / HTTP/1.1\r\nHost: localhost:8080\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + "2\r\n{}\r\n3\r\n\u00ff\u00fe \r\n0\r\n\r\n",
                text(
                        "{\"name\":\"n\",\"expect\":400,\"method\":\"POST\",\"target\":\"/\",\"chunks\":[\"{}\",\"{{hex:FFFE}} \"]}"));
        assertEquals(
                "POST / HTTP/1.1\r\nHost: localhost:8080\r\nTransfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n"
                        + "2\r\n{}\r\n0\r\n\r\n",
                text("{\"name\":\"n\",\"expect\":400,\"method\":\"POST\",\"target\":\"/\","
                        + "\"headers\":[[\"Transfer-Encoding\",\"gzip, chunked\"]],\"chunks\":[\"{}\"]}"));
    }

    @Test
    void expandsRepeatAndHexAndLeavesOtherBracesAlone() {
        assertEquals("[[[:a:a", new String(RUN.bytes("{{repeat:[:3}}{{repeat::a:2}}"), StandardCharsets.UTF_8));
        assertEquals(1_048_576, RUN.bytes("{{repeat:a:1048576}}").length);
        byte[] hex = RUN.bytes("x{{hex:C0 af}}y");
        assertEquals(4, hex.length);
        assertEquals((byte) 0xC0, hex[1]);
        assertEquals("{{7*7}} {x-y}", new String(RUN.bytes("{{7*7}} {x-y}"), StandardCharsets.UTF_8));
    }

    @Test
    void refusesUnknownFieldsAndTwoBodies() {
        assertThrows(
                IllegalArgumentException.class,
                () -> request("{\"name\":\"n\",\"expects\":400,\"method\":\"GET\",\"target\":\"/\"}"));
        assertThrows(
                IllegalArgumentException.class,
                () -> request(
                        "{\"name\":\"n\",\"expect\":400,\"method\":\"POST\",\"target\":\"/\",\"body\":\"\",\"bodyHex\":\"00\"}"));
    }

    private static HostileCase.Request request(String json) {
        return HostileCase.of(
                        "test.json", Json.createReader(new StringReader(json)).readObject())
                .request(RUN);
    }

    private static String text(String json) {
        return new String(request(json).bytes(), StandardCharsets.ISO_8859_1);
    }
}
