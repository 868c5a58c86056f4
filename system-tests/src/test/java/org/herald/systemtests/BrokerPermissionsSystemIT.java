package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Topic;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black box: what the external client user may do on the broker, and what it
 * may not. It reads the topics and keeps subscriptions of its own; it never
 * sends, and never touches Herald's own subscription queues, which would
 * otherwise let it take events meant for the order service.
 */
@ExtendWith(ArquillianExtension.class)
class BrokerPermissionsSystemIT extends BlackBoxTest {

    private static final String ORDER_SERVICE = "order-service-user-registered";
    /** The TLS entrance for external clients, on every runtime. */
    private static final String TLS_URL = "tcp://localhost:61617";
    /** Herald's subscription queue by its fully qualified name, address::queue. */
    private static final String ORDER_SERVICE_QUEUE = "jms.topic.user.events::" + ORDER_SERVICE;

    @Test
    void theClientKeepsSubscriptionsOfItsOwn() throws Exception {
        String name = "client-" + UUID.randomUUID();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(ExternalSubscriber.URL);
                JMSContext client = factory.createContext(ExternalSubscriber.USER, ExternalSubscriber.PASSWORD)) {
            Topic userEvents = client.createTopic("jms.topic.user.events");
            JMSConsumer own = client.createSharedDurableConsumer(userEvents, name);
            String userId = HeraldClient.object(
                            herald.postJson("/api/users", HeraldClient.registration(HeraldClient.uniqueEmail())))
                    .getString("id");
            Poll.until(() -> subjectOf(own.receive(250)), userId::equals, TIMEOUT, "the registration on " + name);
            own.close();
            client.unsubscribe(name);
        }
    }

    @Test
    void theClientNeverSends() {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(ExternalSubscriber.URL);
                JMSContext client = factory.createContext(ExternalSubscriber.USER, ExternalSubscriber.PASSWORD)) {
            for (String topic : new String[] {"user.events", "order.events", "system.events"}) {
                Topic destination = client.createTopic("jms.topic." + topic);
                assertThrows(
                        JMSSecurityRuntimeException.class,
                        () -> client.createProducer().send(destination, "{\"forged\":true}"),
                        topic);
            }
        }
    }

    @Test
    void theClientCannotTouchHeraldsOwnSubscription() throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(ExternalSubscriber.URL);
                JMSContext client = factory.createContext(ExternalSubscriber.USER, ExternalSubscriber.PASSWORD)) {
            // destinations built locally: asking the broker for them would already be refused
            Queue heraldsQueue = ActiveMQJMSClient.createQueue(ORDER_SERVICE_QUEUE);
            Topic heraldsSubscription = ActiveMQJMSClient.createTopic(ORDER_SERVICE_QUEUE);
            assertThrows(
                    JMSSecurityRuntimeException.class, () -> client.createConsumer(heraldsSubscription), "consume");
            assertThrows(
                    JMSSecurityRuntimeException.class,
                    () -> client.createSharedDurableConsumer(
                            client.createTopic("jms.topic.user.events"), ORDER_SERVICE),
                    "join the subscription");
            JMSSecurityException browse = assertThrows(
                    JMSSecurityException.class,
                    () -> {
                        QueueBrowser browser = client.createBrowser(heraldsQueue);
                        browser.getEnumeration().hasMoreElements();
                    },
                    "browse");
            assertTrue(browse.getMessage().contains("BROWSE"), browse.getMessage());
        }
        // JMS's unsubscribe stops at the client while the queue has consumers; the
        // core API asks the broker, whose permission check must be what refuses it
        try (ServerLocator locator = ActiveMQClient.createServerLocator(ExternalSubscriber.URL);
                ClientSessionFactory sessions = locator.createSessionFactory();
                ClientSession session = sessions.createSession(
                        ExternalSubscriber.USER, ExternalSubscriber.PASSWORD, false, true, true, false, 0)) {
            assertThrows(ActiveMQSecurityException.class, () -> session.deleteQueue(ORDER_SERVICE), "delete");
        }
        // and the order service still works
        String userId = HeraldClient.object(
                        herald.postJson("/api/users", HeraldClient.registration(HeraldClient.uniqueEmail())))
                .getString("id");
        Poll.until(
                () -> HeraldClient.json(herald.get("/api/orders?userId=" + userId))
                        .asJsonArray()
                        .size(),
                orders -> orders == 1,
                TIMEOUT,
                "the order of " + userId);
    }

    private static String subjectOf(Message message) {
        try {
            return message == null ? null : message.getStringProperty("cloudEvents_subject");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theClientReadsOverTlsAndTheTlsPortSpeaksNothingElse() throws Exception {
        // the broker's key pair is self-signed, made for localhost when the server or broker was provisioned
        try (ActiveMQConnectionFactory factory =
                        new ActiveMQConnectionFactory(TLS_URL + "?sslEnabled=true;trustAll=true");
                JMSContext client = factory.createContext(ExternalSubscriber.USER, ExternalSubscriber.PASSWORD)) {
            JMSConsumer userEvents = client.createConsumer(client.createTopic("jms.topic.user.events"));
            String userId = HeraldClient.object(
                            herald.postJson("/api/users", HeraldClient.registration(HeraldClient.uniqueEmail())))
                    .getString("id");
            Poll.until(() -> subjectOf(userEvents.receive(250)), userId::equals, TIMEOUT, "the registration over TLS");
        }
        try (ActiveMQConnectionFactory plain = new ActiveMQConnectionFactory(
                TLS_URL + "?callTimeout=3000;initialConnectAttempts=1;reconnectAttempts=0")) {
            assertThrows(
                    JMSRuntimeException.class,
                    () -> plain.createContext(ExternalSubscriber.USER, ExternalSubscriber.PASSWORD)
                            .close());
        }
    }

    @Test
    void wrongPasswordsAndAnonymousConnectionsAreRefused() {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(ExternalSubscriber.URL)) {
            assertThrows(
                    JMSSecurityRuntimeException.class,
                    () -> factory.createContext(ExternalSubscriber.USER, "wrong-password")
                            .close());
            assertThrows(
                    JMSSecurityRuntimeException.class,
                    () -> factory.createContext().close());
            assertThrows(
                    JMSSecurityRuntimeException.class,
                    () -> factory.createContext("nobody", "nothing").close());
        }
        assertEquals(200, herald.get("/api/orders?userId=" + UUID.randomUUID()).statusCode());
    }
}
