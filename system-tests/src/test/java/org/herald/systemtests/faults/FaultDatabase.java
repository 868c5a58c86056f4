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
 * H2 (default): the file under the server's base directory, opened read-only
 * and only while no server runs (H2 allows one process). PostgreSQL
 * ({@code -Ppostgres}): a database of the test's own, {@value #POSTGRES_DATABASE},
 * created empty at the start (the suites use {@code test}), on the server
 * the datasource names ({@code HERALD_DB_*} environment variables or its defaults).
 */
abstract class FaultDatabase {

    static final String POSTGRES_DATABASE = "herald_faults";

    static FaultDatabase of(String name, Path base) {
        return switch (name) {
            case "h2" -> new H2(base);
            case "postgres" -> new Postgres();
            default -> throw new IllegalArgumentException("herald.db must be h2 or postgres, not " + name);
        };
    }

    /** Makes the database empty before the first start. */
    abstract void prepare() throws SQLException;

    /** Environment for the server, so that its datasource finds this database. */
    abstract Map<String, String> serverEnvironment();

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

        H2(Path base) {
            this.file = base.resolve("data/herald/herald"); // datasource-h2.cli: ${jboss.server.data.dir}/herald/herald
        }

        @Override
        void prepare() {
            // a fresh base directory has no database yet
        }

        @Override
        Map<String, String> serverEnvironment() {
            return Map.of();
        }

        @Override
        String expectedConnectionUrl() {
            return "jdbc:h2:file:";
        }

        @Override
        Connection connect() throws SQLException {
            return DriverManager.getConnection("jdbc:h2:file:" + file + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "sa", "sa");
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
        Map<String, String> serverEnvironment() {
            return Map.of("HERALD_DB_NAME", POSTGRES_DATABASE);
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
