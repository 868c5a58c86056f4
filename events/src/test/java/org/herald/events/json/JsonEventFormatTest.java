package org.herald.events.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class JsonEventFormatTest {

    private final JsonEventFormat format = new JsonEventFormat();

    private final CloudEvent event = CloudEventBuilder.v1()
            .withId("e-1")
            .withType("user.registered")
            .withSource(URI.create("/herald/user-service"))
            .withSubject("u-1")
            .withTime(OffsetDateTime.parse("2026-11-23T09:00:00.123Z"))
            .withDataSchema(URI.create("urn:herald:schema:user.registered:v1"))
            .withData("application/json", "{\"userId\":\"u-1\",\"n\":1}".getBytes(StandardCharsets.UTF_8))
            .withExtension("correlationid", "c-1")
            .withExtension("causationid", "e-0")
            .build();

    @Test
    void writesStructuredJsonWithDataEmbeddedAsJson() {
        JsonObject json = Json.createReader(
                        new StringReader(new String(format.serialize(event), StandardCharsets.UTF_8)))
                .readObject();

        assertEquals("1.0", json.getString("specversion"));
        assertEquals("e-1", json.getString("id"));
        assertEquals("user.registered", json.getString("type"));
        assertEquals("/herald/user-service", json.getString("source"));
        assertEquals("u-1", json.getString("subject"));
        assertEquals("2026-11-23T09:00:00.123Z", json.getString("time"));
        assertEquals("application/json", json.getString("datacontenttype"));
        assertEquals("urn:herald:schema:user.registered:v1", json.getString("dataschema"));
        assertEquals("c-1", json.getString("correlationid"));
        assertEquals("e-0", json.getString("causationid"));
        assertEquals("u-1", json.getJsonObject("data").getString("userId"));
    }

    @Test
    void readsBackTheSameEvent() {
        CloudEvent read = format.deserialize(format.serialize(event));

        assertEquals(event.getId(), read.getId());
        assertEquals(event.getType(), read.getType());
        assertEquals(event.getSource(), read.getSource());
        assertEquals(event.getSubject(), read.getSubject());
        assertTrue(event.getTime().isEqual(read.getTime()));
        assertEquals(event.getDataSchema(), read.getDataSchema());
        assertEquals("c-1", read.getExtension("correlationid"));
        assertEquals("e-0", read.getExtension("causationid"));
        assertArrayEquals(event.getData().toBytes(), read.getData().toBytes());
    }

    @Test
    void nonJsonDataTravelsAsBase64() {
        CloudEvent binary = CloudEventBuilder.v1(event)
                .withData("application/octet-stream", new byte[] {1, 2, 3})
                .build();

        String json = new String(format.serialize(binary), StandardCharsets.UTF_8);

        assertTrue(json.contains("\"data_base64\":\"AQID\""), json);
        assertArrayEquals(
                new byte[] {1, 2, 3},
                format.deserialize(json.getBytes(StandardCharsets.UTF_8))
                        .getData()
                        .toBytes());
    }

    @Test
    void rejectsWhatIsNotACloudEvent() {
        assertThrows(EventDeserializationException.class, () -> format.deserialize("not json".getBytes()));
        assertThrows(EventDeserializationException.class, () -> format.deserialize("[1]".getBytes()));
        assertThrows(
                EventDeserializationException.class,
                () -> format.deserialize("{\"specversion\":\"0.3\",\"id\":\"1\"}".getBytes()));
        assertThrows(
                EventDeserializationException.class,
                () -> format.deserialize("{\"specversion\":\"1.0\",\"type\":\"t\",\"source\":\"/s\"}".getBytes()),
                "missing id");
    }
}
