package org.herald.events.json;

import io.cloudevents.CloudEvent;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;

/** JSON-B codec for event data records. */
public final class EventData {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private EventData() {}

    public static byte[] toJson(Object data) {
        return JSONB.toJson(data).getBytes(StandardCharsets.UTF_8);
    }

    /** The event's data as a record of the given type; fails if the event has no data. */
    public static <T> T read(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new IllegalArgumentException("Event " + event.getId() + " (" + event.getType() + ") has no data");
        }
        return JSONB.fromJson(new String(event.getData().toBytes(), StandardCharsets.UTF_8), type);
    }
}
