package org.herald.events.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.herald.events.JndiNames;
import org.herald.events.catalogue.EventTopic;
import org.herald.events.discovery.Jndi;

/** Ready when a JMS connection to the broker can be opened and every topic is bound. */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("broker");
        try {
            ConnectionFactory factory = Jndi.lookup(
                    ConnectionFactory.class, JndiNames.CONNECTION_FACTORY_KEY, JndiNames.CONNECTION_FACTORY);
            try (JMSContext context = factory.createContext()) {
                context.createProducer(); // forces the connection open
            }
            for (EventTopic topic : EventTopic.values()) {
                topic.destination();
                response.withData(topic.topicName(), "bound");
            }
            return response.up().build();
        } catch (RuntimeException e) {
            return response.down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
