package org.herald.events.store;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** For tests: a new, empty H2 database in memory, migrated by the same Flyway scripts as in the server. */
public final class MigratedDatabase {

    private MigratedDatabase() {}

    public static HeraldDatabase create() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(h2)
                .locations("classpath:db/migration/events")
                .load()
                .migrate();
        return new HeraldDatabase(h2);
    }
}
