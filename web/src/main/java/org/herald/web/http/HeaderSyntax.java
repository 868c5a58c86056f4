package org.herald.web.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The few HTTP header grammars Herald reads (RFC 9110): media types, Accept
 * lists, Content-Length. Parsed here once, so a malformed header is a 400 the
 * same way on every runtime instead of an exception deep inside one of them.
 */
final class HeaderSyntax {

    private static final String TCHARS = "!#$%&'*+-.^_`|~";

    private HeaderSyntax() {}

    /** A media type or range: type and subtype in lower case (they are case-insensitive), parameters by lower-case name. */
    record MediaRange(String type, String subtype, Map<String, String> parameters) {

        String essence() {
            return type + "/" + subtype;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(essence());
            parameters.forEach(
                    (name, value) -> text.append(';').append(name).append('=').append(quoted(value)));
            return text.toString();
        }

        private static String quoted(String value) {
            return !value.isEmpty() && value.chars().allMatch(HeaderSyntax::isTchar)
                    ? value
                    : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }

    /** A Content-Type value, or empty if it is not one media type. */
    static Optional<MediaRange> mediaType(String value) {
        Scanner in = new Scanner(value);
        Optional<MediaRange> type = in.mediaRange(false);
        return type.isPresent() && in.atEnd() ? type : Optional.empty();
    }

    /** An Accept value as a list of media ranges (empty for an empty header), or empty if malformed, q-values included. */
    static Optional<List<MediaRange>> accept(String value) {
        Scanner in = new Scanner(value);
        List<MediaRange> ranges = new ArrayList<>();
        do {
            in.spaces();
            if (in.atEnd() || in.peek(',')) {
                continue; // empty list elements are allowed
            }
            Optional<MediaRange> range = in.mediaRange(true);
            if (range.isEmpty() || !validQ(range.get().parameters().get("q"))) {
                return Optional.empty();
            }
            ranges.add(range.get());
            in.spaces();
        } while (in.take(','));
        return in.atEnd() ? Optional.of(ranges) : Optional.empty();
    }

    /** A Content-Length: digits only, and small enough for a long. */
    static Optional<Long> contentLength(String value) {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }

    /** A header value with no control character but horizontal tab (RFC 9110 field-value). */
    static boolean isFieldValue(String value) {
        return value.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
    }

    private static boolean validQ(String q) {
        return q == null || q.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");
    }

    private static boolean isTchar(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || TCHARS.indexOf(c) >= 0);
    }

    private static final class Scanner {
        private final String text;
        private int at;

        Scanner(String text) {
            this.text = text;
        }

        Optional<MediaRange> mediaRange(boolean wildcards) {
            spaces();
            String type = token();
            if (type == null || !take('/')) {
                return Optional.empty();
            }
            String subtype = token();
            if (subtype == null
                    || (!wildcards && (type.equals("*") || subtype.equals("*")))
                    || (type.equals("*") && !subtype.equals("*"))) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            while (true) {
                int before = at;
                spaces();
                if (!take(';')) {
                    at = before;
                    break;
                }
                spaces();
                String name = token();
                if (name == null) {
                    continue; // "type/subtype;" — an empty parameter is allowed
                }
                if (!take('=')) {
                    return Optional.empty();
                }
                String parameterValue = peek('"') ? quotedString() : token();
                if (parameterValue == null) {
                    return Optional.empty();
                }
                parameters.put(name.toLowerCase(Locale.ROOT), parameterValue);
            }
            return Optional.of(
                    new MediaRange(type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT), parameters));
        }

        private String token() {
            int start = at;
            while (at < text.length() && isTchar(text.charAt(at))) {
                at++;
            }
            return at > start ? text.substring(start, at) : null;
        }

        private String quotedString() {
            StringBuilder value = new StringBuilder();
            at++; // the opening quote
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && at < text.length()) {
                    c = text.charAt(at++);
                }
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    return null;
                }
                value.append(c);
            }
            return null; // unterminated
        }

        void spaces() {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
        }

        boolean take(char c) {
            if (peek(c)) {
                at++;
                return true;
            }
            return false;
        }

        boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        boolean atEnd() {
            spaces();
            return at == text.length();
        }
    }
}
