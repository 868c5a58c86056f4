package org.herald.events.schema;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.herald.events.JndiNames;
import org.herald.events.discovery.Jndi;

/**
 * Runs one module's Flyway migrations. Each module owns its tables: its
 * scripts live under {@code db/migration/<module>} in its own jar and its
 * history in {@code flyway_<module>_history}, so modules migrate independently
 * in one database.
 */
public final class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {}

    /**
     * Migrates {@code module}'s tables in Herald's datasource.
     *
     * <p>One module at a time in this JVM: the modules start in parallel, and
     * H2 lets concurrent DDL of two migrations wait on its system table until
     * the lock timeout. (Across nodes, Flyway's own lock serializes them.)
     *
     * @param moduleClass a class of the module, whose class loader sees its scripts
     */
    public static synchronized void migrate(String module, Class<?> moduleClass) {
        DataSource dataSource = Jndi.lookup(DataSource.class, JndiNames.DATASOURCE_KEY, JndiNames.DATASOURCE);
        MigrateResult result = Flyway.configure(moduleClass.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + module)
                .table("flyway_" + module + "_history")
                // another module's tables may already be there: start this module's history at 0
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        LOG.info(() -> "Schema of " + module + ": " + result.migrationsExecuted
                + " migration(s) applied, now at version "
                + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion));
    }
}
