package org.herald.events.jms;

import io.cloudevents.CloudEvent;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.herald.events.json.JsonEventFormat;

/** Maps CloudEvents to and from JMS messages (structured mode). */
public final class CloudEventMessages {

    /** Prefix of the JMS properties that mirror CloudEvents attributes. */
    public static final String PROPERTY_PREFIX = "cloudEvents_";

    public static final String TYPE_PROPERTY = PROPERTY_PREFIX + "type";
    /** Artemis duplicate-detection property. */
    public static final String DUPLICATE_ID_PROPERTY = "_AMQ_DUPL_ID";

    public static final String GROUP_ID_PROPERTY = "JMSXGroupID";

    private static final JsonEventFormat FORMAT = new JsonEventFormat();

    private CloudEventMessages() {}

    /** The message body: the event in CloudEvents JSON format. */
    public static String body(CloudEvent event) {
        return new String(FORMAT.serialize(event), StandardCharsets.UTF_8);
    }

    /** A text message carrying the event, with every property of {@link #properties}. */
    public static TextMessage message(Session session, CloudEvent event) throws JMSException {
        TextMessage message = session.createTextMessage(body(event));
        for (Map.Entry<String, String> property : properties(event).entrySet()) {
            message.setStringProperty(property.getKey(), property.getValue());
        }
        return message;
    }

    /**
     * The JMS properties of an event: every context attribute and extension as
     * {@code cloudEvents_<name>}, plus the group id and the duplicate id.
     */
    public static Map<String, String> properties(CloudEvent event) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PROPERTY_PREFIX + "specversion", event.getSpecVersion().toString());
        properties.put(PROPERTY_PREFIX + "id", event.getId());
        properties.put(TYPE_PROPERTY, event.getType());
        properties.put(PROPERTY_PREFIX + "source", event.getSource().toString());
        putIfPresent(properties, "subject", event.getSubject());
        if (event.getTime() != null) {
            properties.put(PROPERTY_PREFIX + "time", event.getTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        putIfPresent(properties, "datacontenttype", event.getDataContentType());
        if (event.getDataSchema() != null) {
            properties.put(PROPERTY_PREFIX + "dataschema", event.getDataSchema().toString());
        }
        for (String name : event.getExtensionNames()) {
            properties.put(PROPERTY_PREFIX + name, String.valueOf(event.getExtension(name)));
        }
        if (event.getSubject() != null) {
            properties.put(GROUP_ID_PROPERTY, event.getSubject());
        }
        properties.put(DUPLICATE_ID_PROPERTY, event.getId());
        return properties;
    }

    /** Reads the event carried by a message; a message that is not one is a poison message. */
    public static CloudEvent read(Message message) throws JMSException {
        if (!(message instanceof TextMessage text) || text.getText() == null) {
            throw new IllegalArgumentException(
                    "Message " + message.getJMSMessageID() + " is not a TextMessage holding a CloudEvent");
        }
        return FORMAT.deserialize(text.getText().getBytes(StandardCharsets.UTF_8));
    }

    private static void putIfPresent(Map<String, String> properties, String name, String value) {
        if (value != null) {
            properties.put(PROPERTY_PREFIX + name, value);
        }
    }
}
