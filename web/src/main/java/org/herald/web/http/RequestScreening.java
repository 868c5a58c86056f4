package org.herald.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Every request's headers, checked before any resource or JAX-RS runtime reads
 * them: a malformed Content-Type, Accept or Content-Length, a missing Host, a
 * transfer coding Herald does not decode, or a control character in a header
 * is a 400 problem here, instead of a 500 or a text/html page from whichever
 * part of the server trips over it first. Valid media types are passed on in
 * canonical form, so {@code APPLICATION/JSON} reaches the JSON reader too.
 * Errors the servlet layer raises later ({@code sendError}) are answered as
 * problems as well, by {@link ProblemResponse}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestScreening extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(RequestScreening.class.getName());
    /** Every '%' followed by two hex digits (Grizzly passes "%zz" on undecoded). */
    private static final Pattern PERCENT_ENCODED = Pattern.compile("([^%]|%[0-9A-Fa-f]{2})*");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ProblemResponse problems = new ProblemResponse(response);
        HttpServletRequest screened;
        try {
            screened = screened(request);
        } catch (Refused refused) {
            LOG.log(Level.FINE, "Refused {0} {1}: {2}", new Object[] {
                request.getMethod(), request.getRequestURI(), refused.getMessage()
            });
            // the framing of what follows cannot be trusted either
            response.setHeader("Connection", "close");
            problems.sendProblem(refused.status, refused.getMessage());
            return;
        }
        chain.doFilter(screened, problems);
    }

    private static HttpServletRequest screened(HttpServletRequest request) {
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                if (!HeaderSyntax.isFieldValue(value)) {
                    throw new Refused(400, "The header " + name + " holds a control character");
                }
            }
        }
        if (!PERCENT_ENCODED.matcher(request.getRequestURI()).matches()) {
            throw new Refused(400, "The path has an invalid percent-encoding");
        }
        String path = request.getServletPath()
                + Optional.ofNullable(request.getPathInfo()).orElse("");
        if (!HeaderSyntax.isFieldValue(path)) {
            throw new Refused(400, "The path holds a control character");
        }
        List<String> hosts = Collections.list(request.getHeaders("Host"));
        if (hosts.size() > 1 || (hosts.isEmpty() && !"HTTP/1.0".equals(request.getProtocol()))) {
            throw new Refused(400, "An HTTP/1.1 request needs exactly one Host header");
        }
        List<String> lengths = Collections.list(request.getHeaders("Content-Length"));
        if (lengths.size() > 1
                || lengths.stream()
                        .anyMatch(length -> HeaderSyntax.contentLength(length).isEmpty())) {
            throw new Refused(400, "Content-Length must be one non-negative decimal number");
        }
        List<String> codings = Collections.list(request.getHeaders("Transfer-Encoding"));
        if (!codings.isEmpty()) {
            if (codings.size() > 1 || !codings.get(0).trim().equalsIgnoreCase("chunked")) {
                throw new Refused(400, "Herald accepts no transfer coding but chunked");
            }
            if (!lengths.isEmpty()) {
                throw new Refused(400, "A request cannot have both Content-Length and Transfer-Encoding");
            }
        }
        String contentType = canonicalContentType(request.getHeader("Content-Type"));
        boolean hasBody = !codings.isEmpty() || lengths.stream().anyMatch(length -> !length.equals("0"));
        if (contentType == null && hasBody) {
            // Jersey would match a body without a type to any @Consumes
            throw new Refused(415, "Send the request body as application/json, and say so in Content-Type");
        }
        String accept = canonicalAccept(request.getHeaders("Accept"));
        return new Canonical(request, contentType, accept);
    }

    private static String canonicalContentType(String value) {
        if (value == null) {
            return null;
        }
        HeaderSyntax.MediaRange type = HeaderSyntax.mediaType(value)
                .orElseThrow(() -> new Refused(400, "The Content-Type header is not a media type"));
        String charset = type.parameters().get("charset");
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new Refused(415, "Herald reads request bodies in UTF-8 only, not " + charset);
        }
        return type.toString();
    }

    private static String canonicalAccept(Enumeration<String> values) {
        List<String> ranges = new ArrayList<>();
        for (String value : Collections.list(values)) {
            HeaderSyntax.accept(value)
                    .orElseThrow(() -> new Refused(400, "The Accept header is not a list of media ranges"))
                    .forEach(range -> ranges.add(range.toString()));
        }
        return ranges.isEmpty() ? null : String.join(", ", ranges);
    }

    /** The request with its media-type headers in canonical form. */
    private static final class Canonical extends HttpServletRequestWrapper {
        private final String contentType;
        private final String accept;

        Canonical(HttpServletRequest request, String contentType, String accept) {
            super(request);
            this.contentType = contentType;
            this.accept = accept;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getHeader(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "content-type" -> contentType;
                case "accept" -> accept;
                default -> super.getHeader(name);
            };
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "content-type" -> single(contentType);
                case "accept" -> single(accept);
                default -> super.getHeaders(name);
            };
        }

        private static Enumeration<String> single(String value) {
            return Collections.enumeration(
                    Optional.ofNullable(value).map(List::of).orElse(List.of()));
        }
    }

    /** A request refused at the edge, with its status. */
    private static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }
    }
}
