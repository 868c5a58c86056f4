package org.herald.systemtests.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Herald on an application server that a fault test starts, kills and stops
 * itself, without Arquillian. The server JVM is known by its pid only, and
 * only that pid is ever signalled.
 */
abstract class HeraldServer {

    /**
     * Argon2id at a floor (64 KiB, one pass): thousands of registrations in
     * seconds on two cores; hashing cost is not under test. Configuration
     * keys and values.
     */
    static final Map<String, String> CHEAP_HASHING =
            Map.of("herald.password.memory-kib", "64", "herald.password.iterations", "1");

    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The server JVM of the last start. */
    ProcessHandle jvm;

    HeraldServer() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::killIfAlive, "herald-server-cleanup"));
    }

    abstract URI http();

    /** Starts the server and waits until the API answers; returns the time from launch to ready. */
    abstract Duration start() throws IOException, InterruptedException;

    /** A clean shutdown, then SIGKILL to the JVM if it has not exited in time. Safe to repeat. */
    abstract void stop();

    /** The server logs, earlier starts first. */
    abstract List<Path> logs() throws IOException;

    /** The server's configuration file (the datasource is checked in it). */
    abstract Path configuration();

    /** Herald's H2 database, as the server's datasource names it (without {@code .mv.db}). */
    abstract Path h2Database();

    long pid() {
        return jvm.pid();
    }

    /** SIGKILL to the server JVM, then waits until it is gone. */
    void killNine() throws InterruptedException {
        jvm.destroyForcibly();
        if (!awaitExit(jvm, EXIT_TIMEOUT)) {
            throw new IllegalStateException("Server JVM " + jvm.pid() + " still alive after SIGKILL");
        }
    }

    /** What a start checks while it waits: throws when waiting longer is pointless. */
    interface StartCheck {
        void check() throws IOException;
    }

    /** Waits until {@code GET /api/orders?userId=…} answers 200, checking {@code check} in between. */
    void awaitReady(long launched, StartCheck check) throws IOException, InterruptedException {
        URI probe = http().resolve("/api/orders?userId=" + UUID.randomUUID());
        long deadline = launched + READY_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!jvm.isAlive()) {
                throw new IllegalStateException("Server JVM " + jvm.pid() + " exited during start");
            }
            check.check();
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(probe)
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Herald not ready within " + READY_TIMEOUT + " (last: " + last + ")");
    }

    /** The files of {@code directory} whose names start with {@code prefix}, oldest first. */
    static List<Path> oldestFirst(Path directory, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .sorted(Comparator.comparing(f -> f.toFile().lastModified()))
                    .toList();
        }
    }

    /** SIGTERM, then SIGKILL if {@code process} has not exited in time. */
    static void terminate(ProcessHandle process) {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!awaitExit(process, EXIT_TIMEOUT)) {
                process.destroyForcibly();
                awaitExit(process, EXIT_TIMEOUT);
            }
        }
    }

    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }

    private void killIfAlive() {
        if (jvm != null && jvm.isAlive()) {
            jvm.destroyForcibly();
        }
    }
}
