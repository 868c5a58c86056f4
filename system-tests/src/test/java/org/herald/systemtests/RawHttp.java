package org.herald.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTP/1.1 client that writes the request bytes exactly as given: no
 * header is added, nothing is escaped or normalised, so CRLF injection, NUL
 * bytes, lying Content-Lengths, bare HTTP/1.0 and invalid request-targets
 * reach the server as a hostile client would send them. {@code HttpClient}
 * refuses to send most of these.
 *
 * <p>The request is written from its own thread while this one reads, so a
 * server that answers (413) before it has read a large body is heard even
 * when it then resets the connection. The whole exchange has one deadline: a
 * server that neither answers nor closes fails the exchange. With
 * {@code halfClose} the client shuts its output down after the request, so a
 * server waiting for bytes a Content-Length promised sees the end of stream.
 */
final class RawHttp {

    private RawHttp() {}

    /** A response as read off the wire: the status line, the headers in order, and the de-chunked body. */
    record Response(String statusLine, int status, List<String[]> headers, byte[] body) {

        Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    values.add(header[1]);
                }
            }
            return values;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The status line, the headers and (up to 2,000 characters of) the body, for failure messages. */
        String describe() {
            StringBuilder text = new StringBuilder(statusLine).append('\n');
            for (String[] header : headers) {
                text.append(header[0]).append(": ").append(header[1]).append('\n');
            }
            String body = bodyText();
            return text.append('\n')
                    .append(body.length() > 2_000 ? body.substring(0, 2_000) + "…" : body)
                    .toString();
        }
    }

    /**
     * Sends {@code request} to host:port and reads one response. A response
     * to HEAD has no body whatever its headers say; 1xx interim responses are
     * skipped.
     */
    static Response exchange(String host, int port, byte[] request, boolean halfClose, boolean head, Duration deadline)
            throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, deadline.toMillis()));
            AtomicReference<IOException> writeFailure = new AtomicReference<>();
            Thread writer = new Thread(
                    () -> {
                        try {
                            OutputStream out = socket.getOutputStream();
                            out.write(request);
                            out.flush();
                            if (halfClose) {
                                socket.shutdownOutput();
                            }
                        } catch (IOException e) {
                            writeFailure.set(e); // the server may answer and close before it has read everything
                        }
                    },
                    "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            try {
                Response response = read(new DeadlineInput(socket, end), head);
                return response;
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("no complete response within " + deadline.toMillis() + " ms"
                        + (writer.isAlive() ? " (the request was still being written)" : ""));
            } catch (IOException e) {
                IOException failure = writeFailure.get();
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                throw e;
            } finally {
                socket.close();
                writer.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Response read(DeadlineInput in, boolean head) throws IOException {
        while (true) {
            String statusLine = in.line();
            if (statusLine == null) {
                throw new EOFException("the server closed the connection without a response");
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP status line: " + statusLine);
            }
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status line: " + statusLine, e);
            }
            List<String[]> headers = new ArrayList<>();
            for (String line = in.line(); line != null && !line.isEmpty(); line = in.line()) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new IOException("malformed response header: " + line);
                }
                headers.add(new String[] {
                    line.substring(0, colon).trim(), line.substring(colon + 1).trim()
                });
            }
            if (status >= 100 && status < 200) {
                continue; // interim (100 Continue): the final response follows
            }
            Response framing = new Response(statusLine, status, headers, new byte[0]);
            if (head || status == 204 || status == 304) {
                return framing;
            }
            String transferEncoding =
                    framing.header("Transfer-Encoding").orElse("").toLowerCase(Locale.ROOT);
            Optional<String> contentLength = framing.header("Content-Length");
            byte[] body;
            if (transferEncoding.endsWith("chunked")) {
                body = chunked(in);
            } else if (contentLength.isPresent()) {
                body = in.bytes(Integer.parseInt(contentLength.get().trim()));
            } else {
                body = in.rest();
            }
            return new Response(statusLine, status, headers, body);
        }
    }

    private static byte[] chunked(DeadlineInput in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = in.line();
            if (sizeLine == null) {
                throw new EOFException("chunked response body cut short");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                for (String trailer = in.line(); trailer != null && !trailer.isEmpty(); trailer = in.line()) {
                    // trailers are not needed
                }
                return body.toByteArray();
            }
            body.writeBytes(in.bytes(size));
            in.line(); // the CRLF after the chunk data
        }
    }

    /** Buffered reads from the socket, each limited to what is left of the exchange's deadline. */
    private static final class DeadlineInput {

        private final Socket socket;
        private final InputStream in;
        private final long end;
        private final byte[] buffer = new byte[8192];
        private int position;
        private int limit;

        DeadlineInput(Socket socket, long end) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.end = end;
        }

        /** One line without its terminator (CRLF or bare LF, leniently), or null at the end of stream. */
        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                int b = next();
                if (b < 0) {
                    return line.size() == 0 ? null : text(line);
                }
                if (b == '\n') {
                    return text(line);
                }
                line.write(b);
            }
        }

        byte[] bytes(int count) throws IOException {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++) {
                int b = next();
                if (b < 0) {
                    throw new EOFException("response body cut short: " + i + " of " + count + " bytes");
                }
                bytes[i] = (byte) b;
            }
            return bytes;
        }

        byte[] rest() throws IOException {
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            for (int b = next(); b >= 0; b = next()) {
                rest.write(b);
            }
            return rest.toByteArray();
        }

        private int next() throws IOException {
            if (position == limit) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException("deadline passed");
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                int read = in.read(buffer);
                if (read < 0) {
                    return -1;
                }
                position = 0;
                limit = read;
            }
            return buffer[position++] & 0xff;
        }

        private static String text(ByteArrayOutputStream line) {
            String text = line.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }
}
