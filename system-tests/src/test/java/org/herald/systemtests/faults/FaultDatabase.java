package org.herald.systemtests.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Herald's database as the fault test uses it, read directly with JDBC.
 * H2 (default): the server's file, emptied before the first start, opened
 * read-only and only while no server runs (H2 allows one process). PostgreSQL
 * ({@code -Ppostgres}): a database of the test's own, {@value #POSTGRES_DATABASE},
 * created empty at the start (the suites use {@code test}), on the server
 * the datasource names ({@code HERALD_DB_*} environment variables or its defaults).
 */
abstract class FaultDatabase {

    static final String POSTGRES_DATABASE = "herald_faults";

    /** {@code h2File}: where the server keeps the H2 database ({@link HeraldServer#h2Database()}). */
    static FaultDatabase of(String name, Path h2File) {
        return switch (name) {
            case "h2" -> new H2(h2File);
            case "postgres" -> new Postgres();
            default -> throw new IllegalArgumentException("herald.db must be h2 or postgres, not " + name);
        };
    }

    /** Makes the database empty before the first start. */
    abstract void prepare() throws SQLException;

    /** Environment for a WildFly server, so that its datasource finds database {@code name}. */
    static Map<String, String> serverEnvironment(String name) {
        return name.equals("postgres") ? Map.of("HERALD_DB_NAME", POSTGRES_DATABASE) : Map.of();
    }

    /** The text the server's configuration must contain for its datasource to be this database. */
    abstract String expectedConnectionUrl();

    abstract Connection connect() throws SQLException;

    /** Users, orders and events as stored now. */
    DatabaseSnapshot read() throws SQLException {
        try (Connection connection = connect()) {
            return DatabaseSnapshot.read(connection);
        }
    }

    /** Fails unless the server's configuration (copied from the provisioned server) uses this database. */
    void checkServerConfiguration(Path standaloneFull) throws IOException {
        if (!Files.readString(standaloneFull).contains(expectedConnectionUrl())) {
            throw new IllegalStateException(standaloneFull + " has no datasource on " + expectedConnectionUrl()
                    + ": build server-config with the same database profile as this test (-Ppostgres or not)");
        }
    }

    private static final class H2 extends FaultDatabase {
        private final Path file;

        H2(Path file) {
            this.file = file;
        }

        @Override
        void prepare() throws SQLException {
            for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db"}) {
                try {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                } catch (IOException e) {
                    throw new SQLException("Could not remove " + file + suffix, e);
                }
            }
        }

        @Override
        String expectedConnectionUrl() {
            return "jdbc:h2:file:";
        }

        @Override
        Connection connect() throws SQLException {
            return DriverManager.getConnection(
                    "jdbc:h2:file:" + file + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "sa", "sa");
        }
    }

    private static final class Postgres extends FaultDatabase {
        private final String host = env("HERALD_DB_HOST", "127.0.0.1");
        private final String port = env("HERALD_DB_PORT", "5432");
        private final String user = env("HERALD_DB_USER", "postgres");
        private final String password = env("HERALD_DB_PASSWORD", "postgres");

        @Override
        void prepare() throws SQLException {
            try (Connection admin = DriverManager.getConnection(url("postgres"), user, password);
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + POSTGRES_DATABASE);
                statement.execute("CREATE DATABASE " + POSTGRES_DATABASE);
            }
        }

        @Override
        String expectedConnectionUrl() {
            return "jdbc:postgresql:";
        }

        @Override
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url(POSTGRES_DATABASE), user, password);
        }

        private String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        private static String env(String name, String otherwise) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? otherwise : value;
        }
    }
}
