package org.herald.events.store;

import javax.sql.DataSource;
import org.herald.events.JndiNames;
import org.herald.events.discovery.Jndi;

/**
 * Herald's datasource ({@code herald.datasource.jndi}), looked up once. The
 * server binds the same pool as the platform default datasource of the
 * persistence units, so inside a transaction plain JDBC here and JPA there
 * share one connection: one resource, a one-phase commit.
 */
public final class HeraldDatabase {

    private volatile DataSource source;

    /** Looks the datasource up by JNDI on first use. */
    public HeraldDatabase() {}

    /** A given datasource: for tests outside a server. */
    public HeraldDatabase(DataSource source) {
        this.source = source;
    }

    public DataSource source() {
        if (source == null) {
            source = Jndi.lookup(DataSource.class, JndiNames.DATASOURCE_KEY, JndiNames.DATASOURCE);
        }
        return source;
    }
}
