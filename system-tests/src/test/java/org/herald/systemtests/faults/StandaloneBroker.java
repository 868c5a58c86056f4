package org.herald.systemtests.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

/**
 * The standalone Artemis broker of jms-config (the Payara runtimes' broker,
 * and the one several WildFly nodes share), reached as its admin user. Started
 * by {@code broker.sh} if nothing listens on its port yet, and then stopped by
 * {@link #close}; a broker that already ran is left running.
 */
final class StandaloneBroker implements AutoCloseable {

    static final String URL = "tcp://127.0.0.1:61616";
    static final String USER = "herald";
    static final String PASSWORD = "herald-1";
    /** The read-only user of clients outside Herald (jms-config, herald-jms.properties). */
    static final String CLIENT_USER = "herald-client";

    static final String CLIENT_PASSWORD = "herald-client-1";
    static final String ORDER_SUBSCRIPTION = "order-service-user-registered";

    private final Path script;
    private final boolean startedHere;

    private StandaloneBroker(Path script, boolean startedHere) {
        this.script = script;
        this.startedHere = startedHere;
    }

    /** The broker on 61616: the one already running, or one started now with {@code script}. */
    static StandaloneBroker running(Path script) throws IOException, InterruptedException {
        if (listening()) {
            return new StandaloneBroker(script, false);
        }
        run(script, "start");
        return new StandaloneBroker(script, true);
    }

    /**
     * The broker keeps its journal between runs, and with it events an earlier run left in
     * the order service's subscription: taken off here, so that the orders a test counts are
     * those of its own registrations. On a new broker the subscription does not exist yet
     * (Herald creates it), and there is nothing to take.
     */
    static void drainOrderSubscription() throws Exception {
        SimpleString queue = SimpleString.of(ORDER_SUBSCRIPTION);
        try (ServerLocator locator = ActiveMQClient.createServerLocator(URL);
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(USER, PASSWORD, false, true, true, false, 0)) {
            if (!session.queueQuery(queue).isExists()) {
                return;
            }
            session.start();
            int drained = 0;
            try (ClientConsumer consumer = session.createConsumer(queue)) {
                for (ClientMessage message = consumer.receive(500); message != null; message = consumer.receive(500)) {
                    message.acknowledge();
                    drained++;
                }
            }
            System.out.printf("[fault] %d event(s) an earlier run left in %s taken off%n", drained, ORDER_SUBSCRIPTION);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (startedHere) {
            run(script, "stop");
        }
    }

    private static void run(Path script, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", script.toString(), command)
                .inheritIO()
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " " + command + " failed");
        }
    }

    private static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 61616), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
