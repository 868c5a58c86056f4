package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The raw client against a one-connection fake server on a local port: the
 * bytes arrive exactly as written, the half-close lets a server waiting for
 * more see the end, the deadline catches a server that never answers, and
 * the response is read whatever its framing.
 */
class RawHttpTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final String PROBLEM = "{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"x\"}";

    private ServerSocket server;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0);
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @Test
    void writesTheRequestByteForByte() throws Exception {
        byte[] request =
                "GET /a%zz\0b HTTP/1.1\nHost: x\r\nX: a\0b\r\n\r\n\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        CompletableFuture<byte[]> received = serve(in -> readExactly(in, request.length), fixed(400, PROBLEM));
        RawHttp.Response response = exchange(request, false, false);
        assertArrayEquals(request, received.get(5, TimeUnit.SECONDS));
        assertEquals(400, response.status());
        assertEquals("application/problem+json", response.header("content-type").orElseThrow());
        assertEquals(PROBLEM, response.bodyText());
    }

    @Test
    void halfClosingLetsTheServerSeeTheEndOfAShortBody() throws Exception {
        byte[] request = "POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII);
        CompletableFuture<byte[]> received = serve(RawHttpTest::readToEnd, fixed(400, PROBLEM));
        assertEquals(400, exchange(request, true, false).status());
        assertArrayEquals(request, received.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aServerThatNeverAnswersFailsAtTheDeadline() {
        serve(RawHttpTest::readToEnd, null);
        long start = System.nanoTime();
        assertThrows(
                SocketTimeoutException.class,
                () -> RawHttp.exchange(
                        "localhost",
                        server.getLocalPort(),
                        "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                        false,
                        false,
                        Duration.ofMillis(500)));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
    }

    @Test
    void readsAChunkedResponseAfterAnInterim100Continue() throws Exception {
        byte[] response =
                ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 413 Payload Too Large\r\nTransfer-Encoding: chunked\r\n"
                                + "Content-Type: application/problem+json\r\n\r\n5\r\n{\"sta\r\n"
                                + Integer.toHexString(PROBLEM.length() - 5) + ";ext=1\r\n" + PROBLEM.substring(5)
                                + "\r\n0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
        serve(in -> new byte[0], response);
        RawHttp.Response read = exchange("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false, false);
        assertEquals(413, read.status());
        assertEquals("{\"sta" + PROBLEM.substring(5), read.bodyText());
    }

    @Test
    void aHeadResponseHasNoBodyWhateverItsContentLength() throws Exception {
        serve(
                in -> new byte[0],
                "HTTP/1.1 405 Method Not Allowed\r\nAllow: POST\r\nContent-Length: 50\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII),
                false);
        RawHttp.Response response =
                exchange("HEAD / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII), false, true);
        assertEquals(405, response.status());
        assertEquals("POST", response.header("Allow").orElseThrow());
        assertEquals(0, response.body().length);
    }

    @Test
    void hearsAnAnswerSentBeforeALargeBodyIsRead() throws Exception {
        byte[] request = new byte[4 * 1024 * 1024];
        byte[] head = "POST / HTTP/1.1\r\nContent-Length: 4194266\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, request, 0, head.length);
        Arrays.fill(request, head.length, request.length, (byte) 'a');
        serve(in -> readExactly(in, head.length), fixed(413, PROBLEM.replace("400", "413")));
        assertEquals(413, exchange(request, false, false).status());
    }

    private RawHttp.Response exchange(byte[] request, boolean halfClose, boolean head) throws IOException {
        return RawHttp.exchange("localhost", server.getLocalPort(), request, halfClose, head, DEADLINE);
    }

    private static byte[] fixed(int status, String body) {
        return ("HTTP/1.1 " + status + " X\r\nContent-Type: application/problem+json\r\nContent-Length: "
                        + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    interface Reader {
        byte[] read(InputStream in) throws IOException;
    }

    private CompletableFuture<byte[]> serve(Reader reader, byte[] response) {
        return serve(reader, response, true);
    }

    /** Accepts one connection, reads what the reader wants, answers (or, with no response, waits) and closes. */
    private CompletableFuture<byte[]> serve(Reader reader, byte[] response, boolean closeAfter) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                byte[] received = reader.read(socket.getInputStream());
                if (response == null) {
                    Thread.sleep(3_000);
                    return received;
                }
                OutputStream out = socket.getOutputStream();
                out.write(response);
                out.flush();
                if (!closeAfter) {
                    Thread.sleep(3_000); // a server keeping the connection open: the HEAD answer must not wait for it
                }
                return received;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static byte[] readExactly(InputStream in, int count) throws IOException {
        return in.readNBytes(count);
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }
}
