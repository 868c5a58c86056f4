package org.herald.systemtests.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, so that the test may stop it without
 * touching the machine's shared one: a fresh cluster in a temporary directory,
 * on {@value #PORT} (loopback, trust authentication), made with the machine's
 * {@code initdb} and {@code pg_ctl}. PostgreSQL refuses to run as root, so as
 * root the commands run as the {@code postgres} system user. {@code pg_ctl}
 * signals the server by the pid in its own {@code postmaster.pid}, nothing else.
 */
final class OwnPostgres implements AutoCloseable {

    static final int PORT = 55432;
    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path home;
    private final Path data;
    private final boolean asPostgresUser;

    private OwnPostgres(Path bin, Path home) {
        this.bin = bin;
        this.home = home;
        this.data = home.resolve("data");
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    }

    /** A new, empty cluster (not started); fails if the machine has no PostgreSQL server binaries. */
    static OwnPostgres create() throws IOException, InterruptedException {
        Path bin;
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            bin = versions.map(version -> version.resolve("bin"))
                    .filter(candidate -> Files.isExecutable(candidate.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new IllegalStateException("No pg_ctl under " + INSTALLATIONS));
        }
        Path home = Files.createTempDirectory("herald-own-postgres-");
        OwnPostgres postgres = new OwnPostgres(bin, home);
        if (postgres.asPostgresUser) {
            UserPrincipal owner =
                    home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
            Files.setOwner(home, owner);
        }
        postgres.run(
                "initdb",
                "--pgdata=" + postgres.data,
                "--username=" + USER,
                "--auth=trust",
                "--encoding=UTF8",
                "--no-sync");
        return postgres;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + PORT + "/" + DATABASE;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    /** Starts the server and waits until it accepts connections. */
    void start() throws IOException, InterruptedException {
        run(
                "pg_ctl",
                "start",
                "--pgdata=" + data,
                "--wait",
                "--log=" + home.resolve("server.log"),
                "-o",
                "-p " + PORT + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + home + " -c fsync=off");
    }

    /** Stops the server at once, as a crash would: open connections are cut without goodbye. */
    void stopImmediately() throws IOException, InterruptedException {
        run("pg_ctl", "stop", "--pgdata=" + data, "--wait", "--mode=immediate");
    }

    /** Stops the server if it runs and removes the cluster. Safe to repeat. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (execute("pg_ctl", "status", "--pgdata=" + data) == null) {
            run("pg_ctl", "stop", "--pgdata=" + data, "--wait", "--mode=fast");
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void run(String program, String... arguments) throws IOException, InterruptedException {
        String output = execute(program, arguments);
        if (output != null) {
            throw new IllegalStateException(program + " failed: " + output);
        }
    }

    /** Runs one of the server's programs; {@code null} when it succeeded, otherwise what it printed. */
    private String execute(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("herald-own-postgres-", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " did not finish within 60 s: " + command);
            }
            return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + Files.readString(output);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
