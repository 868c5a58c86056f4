package org.herald.events.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.util.Map;
import org.herald.events.EventEnvelope;
import org.herald.events.catalogue.EventType;
import org.herald.events.catalogue.UserRegistered;
import org.junit.jupiter.api.Test;

class CloudEventMessagesTest {

    @Test
    void mirrorsAttributesIntoJmsPropertiesWithGroupAndDuplicateIds() {
        CloudEvent event = EventEnvelope.first(
                EventType.USER_REGISTERED,
                URI.create("/herald/user-service"),
                "u-7",
                new UserRegistered("u-7", "grace@example.com", "Grace", null));

        Map<String, String> properties = CloudEventMessages.properties(event);

        assertEquals(event.getId(), properties.get("cloudEvents_id"));
        assertEquals("user.registered", properties.get("cloudEvents_type"));
        assertEquals("/herald/user-service", properties.get("cloudEvents_source"));
        assertEquals("u-7", properties.get("cloudEvents_subject"));
        assertEquals("1.0", properties.get("cloudEvents_specversion"));
        assertEquals(event.getId(), properties.get("cloudEvents_correlationid"));
        assertEquals("urn:herald:schema:user.registered:v1", properties.get("cloudEvents_dataschema"));
        assertEquals("u-7", properties.get("JMSXGroupID"));
        assertEquals(event.getId(), properties.get("_AMQ_DUPL_ID"));
    }
}
