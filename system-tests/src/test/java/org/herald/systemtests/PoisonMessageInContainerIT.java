package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.util.UUID;
import org.herald.events.jms.CloudEventMessages;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A message the order service can never handle is neither lost nor retried
 * forever: after the broker's redelivery attempts (1 s, doubling) it lands in
 * DLQ.user.events, where operators can find it.
 */
@ExtendWith(ArquillianExtension.class)
class PoisonMessageInContainerIT {

    /** Redelivery delays add up to 1 + 2 + 4 + 8 s before the fifth attempt fails. */
    private static final long DEAD_LETTER_TIMEOUT_MILLIS = 45_000;

    @Deployment
    static EnterpriseArchive deployment() {
        return HeraldDeployment.withTests(PoisonMessageInContainerIT.class, HeraldJms.class);
    }

    @Test
    void aMessageThatIsNoCloudEventEndsInTheDeadLetterQueue() throws Exception {
        String marker = UUID.randomUUID().toString();

        try (JMSContext jms = HeraldJms.connectionFactory().createContext();
             JMSConsumer dlq = jms.createConsumer(HeraldJms.userEventsDeadLetters(), "herald_test_marker = '" + marker + "'")) {
            jms.createProducer()
                    .setProperty(CloudEventMessages.TYPE_PROPERTY, "user.registered") // passes the MDB's selector
                    .setProperty("herald_test_marker", marker)
                    .send(HeraldJms.userEvents(), jms.createTextMessage("{ this is not a CloudEvent"));

            Message dead = dlq.receive(DEAD_LETTER_TIMEOUT_MILLIS);

            assertNotNull(dead, "the poison message did not reach DLQ.user.events");
            assertEquals("{ this is not a CloudEvent", dead.getBody(String.class));
            assertEquals("jms.topic.user.events", dead.getStringProperty("_AMQ_ORIG_ADDRESS"));
        }
    }
}
