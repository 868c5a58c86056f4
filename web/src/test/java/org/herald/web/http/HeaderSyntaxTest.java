package org.herald.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderSyntaxTest {

    @Test
    void mediaTypesAreCanonical() {
        assertEquals(
                "application/json",
                HeaderSyntax.mediaType("APPLICATION/JSON").orElseThrow().toString());
        HeaderSyntax.MediaRange type =
                HeaderSyntax.mediaType("Application/Json ; Charset=\"UTF-8\"").orElseThrow();
        assertEquals(Map.of("charset", "UTF-8"), type.parameters());
        assertEquals("application/json;charset=UTF-8", type.toString());
        assertEquals(
                "application/json",
                HeaderSyntax.mediaType("application/json;").orElseThrow().essence());
    }

    @Test
    void malformedMediaTypesAreNone() {
        for (String bad : List.of(
                "",
                "application/",
                "/json",
                "application json",
                "application/json; charset",
                "application/json; charset=",
                ";;",
                "*/*",
                "application/json x",
                "application/json; a=\"open")) {
            assertTrue(HeaderSyntax.mediaType(bad).isEmpty(), bad);
        }
    }

    @Test
    void acceptListsAndTheirWeights() {
        assertEquals(
                2,
                HeaderSyntax.accept("application/json;q=0.9, */*;q=0.1")
                        .orElseThrow()
                        .size());
        assertEquals(List.of(), HeaderSyntax.accept("").orElseThrow());
        assertEquals(
                "text/*", HeaderSyntax.accept("TEXT/*").orElseThrow().get(0).toString());
        for (String bad : List.of(
                "application/json;q=abc",
                "application/json;q=2",
                "application/json;q=1.5",
                "application/json;q=0.1234",
                ";q=0.5",
                "application/",
                "*/json",
                "a/b c/d")) {
            assertTrue(HeaderSyntax.accept(bad).isEmpty(), bad);
        }
    }

    @Test
    void contentLengthIsDigitsThatFitALong() {
        assertEquals(42L, HeaderSyntax.contentLength("42").orElseThrow());
        for (String bad : List.of("", "-1", "+5", " 5", "5 ", "abc", "99999999999999999999999", "0x10")) {
            assertTrue(HeaderSyntax.contentLength(bad).isEmpty(), bad);
        }
    }

    @Test
    void fieldValuesHaveNoControlCharacters() {
        assertTrue(HeaderSyntax.isFieldValue("a\tb é"));
        assertFalse(HeaderSyntax.isFieldValue("a\u0000b"));
        assertFalse(HeaderSyntax.isFieldValue("a\rb"));
        assertFalse(HeaderSyntax.isFieldValue("a\u007fb"));
    }
}
