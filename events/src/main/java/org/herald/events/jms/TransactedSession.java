package org.herald.events.jms;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.herald.events.JndiNames;
import org.herald.events.discovery.Jndi;

/**
 * A connection with one locally transacted session, from the server's pooled
 * connection factory ({@code herald.jms.connection-factory.jndi}), used outside
 * any JTA transaction: many sends or receives, one broker commit. The pool
 * must allow local transactions (WildFly {@code allow-local-transactions},
 * the Artemis adapter's {@code AllowLocalTransactions} on Payara).
 */
public final class TransactedSession implements AutoCloseable {

    private final Connection connection;
    private final Session session;

    private TransactedSession(Connection connection) throws JMSException {
        this.connection = connection;
        try {
            this.session = connection.createSession(true, Session.SESSION_TRANSACTED);
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public static TransactedSession open() throws JMSException {
        ConnectionFactory factory =
                Jndi.lookup(ConnectionFactory.class, JndiNames.CONNECTION_FACTORY_KEY, JndiNames.CONNECTION_FACTORY);
        return new TransactedSession(factory.createConnection());
    }

    public Session session() {
        return session;
    }

    /** Starts delivery to this session's consumers. */
    public void start() throws JMSException {
        connection.start();
    }

    /**
     * Rolls back what is not committed, then closes. The pool keeps the
     * session underneath: a transaction left open in it would hold the
     * messages received in it until the pool reused or dropped that session.
     */
    @Override
    public void close() {
        try {
            session.rollback();
        } catch (JMSException | RuntimeException e) {
            // nothing was pending, or the broker is gone and took the transaction with it
        }
        try {
            connection.close();
        } catch (JMSException | RuntimeException e) {
            // the broker may already be gone: nothing left to release here
        }
    }
}
