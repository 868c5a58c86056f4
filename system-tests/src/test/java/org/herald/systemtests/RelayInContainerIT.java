package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import org.herald.events.JndiNames;
import org.herald.order.OrderService;
import org.herald.user.UserProfile;
import org.herald.user.UserService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The relay, inside the server: stored events reach the broker once, even when sent twice. */
@ExtendWith(ArquillianExtension.class)
class RelayInContainerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Deployment
    static EnterpriseArchive deployment() {
        return HeraldDeployment.withTests(
                RelayInContainerIT.class, HeraldJms.class, Poll.class, EventStoreRows.class, EventStoreRows.Row.class);
    }

    @Test
    void anEventRelayedAgainIsDroppedByTheBrokerAndStampedPublished() throws Exception {
        UserService users = InitialContext.doLookup(JndiNames.USER_SERVICE);
        OrderService orders = InitialContext.doLookup(JndiNames.ORDER_SERVICE);
        UserProfile user = users.register(uniqueEmail(), "Ada", "correct-horse-battery");
        EventStoreRows.Row registered = Poll.until(
                        () -> EventStoreRows.ofSubject(user.id()),
                        rows -> rows.size() == 1 && rows.get(0).published(),
                        TIMEOUT,
                        "user.registered published")
                .get(0);
        Poll.until(() -> orders.findByUser(user.id()), list -> list.size() == 1, TIMEOUT, "the order");

        try (JMSContext jms = HeraldJms.connectionFactory().createContext();
                JMSConsumer userEvents = jms.createConsumer(HeraldJms.userEvents())) {
            // as after a relay that died between its broker commit and its database commit
            assertEquals(
                    1, EventStoreRows.update("UPDATE event SET published_at = NULL WHERE id = ?", registered.id()));
            UserProfile marker = users.register(uniqueEmail(), "Marker", "correct-horse-battery");

            List<CloudEvent> seen = HeraldJms.receiveUntilSubject(userEvents, marker.id(), TIMEOUT);

            assertTrue(
                    seen.stream().noneMatch(event -> event.getId().equals(registered.id())),
                    "the broker let the second copy through: " + seen);
        }
        Poll.until(
                () -> EventStoreRows.ofSubject(user.id()).get(0).published(),
                published -> published,
                TIMEOUT,
                "the event stamped published again");
        assertEquals(1, orders.findByUser(user.id()).size());
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }
}
