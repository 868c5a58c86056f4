package org.herald.systemtests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of the hostile corpus, so that large or run-specific
 * payloads are generated rather than stored:
 * <ul>
 * <li>{@code {{email}}}: one valid email for the whole run, that no case may
 * manage to register (checked after the corpus by registering it);</li>
 * <li>{@code {{uuid}}}: a fresh random UUID at each occurrence;</li>
 * <li>{@code {{repeat:<text>:<count>}}}: the text (UTF-8) count times, e.g. a
 * 1 MB string or 10,000 {@code [};</li>
 * <li>{@code {{hex:<hex digits>}}}: raw bytes, for invalid UTF-8 in the
 * middle of an otherwise readable body;</li>
 * <li>{@code {{host}}}: the host:port of the server, for cases that write
 * their own Host headers.</li>
 * </ul>
 * Anything else between double braces (such as the template injection
 * {@code {{7*7}}}) is sent as written.
 */
final class Placeholders {

    static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{(email|uuid|host|repeat:(.*?):(\\d+)|hex:([0-9A-Fa-f\\s]*))}}", Pattern.DOTALL);

    private final String email;
    private final String host;

    Placeholders(String email, String host) {
        this.email = email;
        this.host = host;
    }

    /** A fresh run: a new unique email. */
    static Placeholders forRun(String host) {
        return new Placeholders("hostile-" + UUID.randomUUID() + "@example.com", host);
    }

    String email() {
        return email;
    }

    String host() {
        return host;
    }

    /** The template with every placeholder expanded; the text around them encoded as UTF-8. */
    byte[] bytes(String template) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(template.length());
        Matcher matcher = PLACEHOLDER.matcher(template);
        int from = 0;
        while (matcher.find()) {
            out.writeBytes(utf8(template.substring(from, matcher.start())));
            String what = matcher.group(1);
            if (what.equals("email")) {
                out.writeBytes(utf8(email));
            } else if (what.equals("uuid")) {
                out.writeBytes(utf8(UUID.randomUUID().toString()));
            } else if (what.equals("host")) {
                out.writeBytes(utf8(host));
            } else if (what.startsWith("repeat:")) {
                byte[] unit = utf8(matcher.group(2));
                byte[] repeated = new byte[Math.multiplyExact(unit.length, Integer.parseInt(matcher.group(3)))];
                for (int at = 0; at < repeated.length; at += unit.length) {
                    System.arraycopy(unit, 0, repeated, at, unit.length);
                }
                out.writeBytes(repeated);
            } else {
                out.writeBytes(hex(matcher.group(4)));
            }
            from = matcher.end();
        }
        out.writeBytes(utf8(template.substring(from)));
        return out.toByteArray();
    }

    /** Hex digits to bytes; whitespace between the digits is ignored. */
    static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replaceAll("\\s", ""));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
