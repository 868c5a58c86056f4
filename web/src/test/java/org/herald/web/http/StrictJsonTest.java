package org.herald.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    @Test
    void aDocumentIsReadAsSent() {
        JsonValue value = read("{\"name\":\"Zoë \uD83D\uDE00\",\"n\":[1,2.5,true,null,{}]}  \n");
        assertEquals("Zoë \uD83D\uDE00", value.asJsonObject().getString("name"));
        assertEquals(5, value.asJsonObject().getJsonArray("n").size());
        assertEquals(JsonValue.ValueType.ARRAY, read("[]").getValueType());
    }

    @Test
    void contentAfterTheDocumentIsRefused() {
        refused("{\"a\":1}}", "content after");
        refused("{\"a\":1}garbage", "");
        refused("{\"a\":1}{\"a\":1}", "content after");
        refused("{\"a\":1} x", "");
    }

    @Test
    void aKeyTwiceIsRefused() {
        refused("{\"a\":1,\"a\":1}", "twice");
        refused("{\"o\":{\"b\":1,\"b\":2}}", "twice");
    }

    @Test
    void onlyWellFormedUtf8TextIsRead() {
        refused(bytes(0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d), "UTF-8"); // {"a":"\xff"}
        refused(bytes(0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d), "UTF-8"); // overlong '/'
        refused("{\"a\":\"\\ud800\"}", "surrogate");
        refused("{\"a\":\"\\udc00\\ud800\"}", "surrogate");
        refused("{\"\\ud800\":1}", "surrogate");
        refused("\uFEFF{}", "byte order mark");
    }

    @Test
    void deepNestingIsRefusedBeforeItCosts() {
        refused("[".repeat(10_000), "deeper");
        assertEquals(
                JsonValue.ValueType.ARRAY,
                read("[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH))
                        .getValueType());
        refused("[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1), "deeper");
    }

    @Test
    void emptyAndBrokenDocumentsAreRefused() {
        refused("", "required");
        refused("  ", "required");
        refused("{\"a\":", "");
        refused("{\"a\" 1}", "");
        refused("{'a':1}", "");
    }

    private static JsonValue read(String text) {
        return StrictJson.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(String text, String reason) {
        refused(text.getBytes(StandardCharsets.UTF_8), reason);
    }

    private static void refused(byte[] body, String reason) {
        StrictJson.Refused e = assertThrows(StrictJson.Refused.class, () -> StrictJson.read(body));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
