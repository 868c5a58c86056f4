package org.herald.order;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.herald.events.JndiNames;
import org.herald.events.jms.CloudEventMessages;

/**
 * Opens an order for every {@code user.registered} on {@code user.events}.
 *
 * <p>A shared durable subscription named after this consumer keeps events
 * while the application is down and lets several sessions (and servers) share
 * the work; {@code JMSXGroupID} keeps one user's events in order. Delivery is
 * transactional: an exception rolls back the order and the follow-up event,
 * and the broker redelivers, then dead-letters (address settings, not code).
 */
@MessageDriven(name = "OrderOnUserRegistered", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = JndiNames.USER_EVENTS_TOPIC),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
    @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "order-service.user-registered"),
    @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
    @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = "cloudEvents_type = 'user.registered'"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class OrderOnUserRegistered implements MessageListener {

    @EJB
    OrderService orders;

    @Override
    public void onMessage(Message message) {
        try {
            orders.openFor(CloudEventMessages.read(message));
        } catch (JMSException e) {
            throw new IllegalStateException("Could not read message", e);
        }
    }
}
