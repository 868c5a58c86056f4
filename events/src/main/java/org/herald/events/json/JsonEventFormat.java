package org.herald.events.json;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.format.EventSerializationException;
import io.cloudevents.rw.CloudEventDataMapper;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Set;

/**
 * CloudEvents 1.0 JSON event format (structured mode) on JSON-P.
 *
 * <p>JSON data ({@code datacontenttype} {@code application/json} or {@code +json})
 * is embedded as a JSON value under {@code data}; anything else goes to
 * {@code data_base64}. Extensions are written as JSON strings, numbers or
 * booleans and read back the same way.
 */
public final class JsonEventFormat implements EventFormat {

    public static final String CONTENT_TYPE = "application/cloudevents+json";
    /** Looked up once: each {@code Json.create...} call would search for the provider again. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public byte[] serialize(CloudEvent event) throws EventSerializationException {
        try {
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("specversion", event.getSpecVersion().toString())
                    .add("id", event.getId())
                    .add("type", event.getType())
                    .add("source", event.getSource().toString());
            addIfPresent(json, "subject", event.getSubject());
            if (event.getTime() != null) {
                json.add("time", event.getTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
            addIfPresent(json, "datacontenttype", event.getDataContentType());
            if (event.getDataSchema() != null) {
                json.add("dataschema", event.getDataSchema().toString());
            }
            for (String name : event.getExtensionNames()) {
                Object value = event.getExtension(name);
                if (value instanceof Number number) {
                    json.add(name, JSON.createValue(number.longValue()));
                } else if (value instanceof Boolean flag) {
                    json.add(name, flag);
                } else {
                    json.add(name, value.toString());
                }
            }
            CloudEventData data = event.getData();
            if (data != null) {
                byte[] bytes = data.toBytes();
                if (isJson(event.getDataContentType())) {
                    json.add("data", parse(bytes));
                } else {
                    json.add("data_base64", Base64.getEncoder().encodeToString(bytes));
                }
            }
            return json.build().toString().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw new EventSerializationException(e);
        }
    }

    @Override
    public CloudEvent deserialize(byte[] bytes, CloudEventDataMapper<? extends CloudEventData> mapper)
            throws EventDeserializationException {
        try {
            JsonValue parsed = parse(bytes);
            if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("a CloudEvent must be a JSON object");
            }
            JsonObject json = parsed.asJsonObject();
            String specVersion = json.getString("specversion", null);
            if (!SpecVersion.V1.toString().equals(specVersion)) {
                throw new IllegalArgumentException("unsupported specversion: " + specVersion);
            }
            CloudEventBuilder builder = CloudEventBuilder.v1();
            for (var entry : json.entrySet()) {
                String name = entry.getKey();
                JsonValue value = entry.getValue();
                switch (name) {
                    case "specversion" -> {}
                    case "id" -> builder.withId(string(name, value));
                    case "type" -> builder.withType(string(name, value));
                    case "source" -> builder.withSource(URI.create(string(name, value)));
                    case "subject" -> builder.withSubject(string(name, value));
                    case "time" -> builder.withTime(OffsetDateTime.parse(string(name, value)));
                    case "datacontenttype" -> builder.withDataContentType(string(name, value));
                    case "dataschema" -> builder.withDataSchema(URI.create(string(name, value)));
                    case "data" -> builder.withData(dataBytes(json, value));
                    case "data_base64" -> builder.withData(Base64.getDecoder().decode(string(name, value)));
                    default -> withExtension(builder, name, value);
                }
            }
            CloudEvent event = builder.build();
            if (mapper != null && event.getData() != null) {
                CloudEventData mapped =
                        mapper.map(BytesCloudEventData.wrap(event.getData().toBytes()));
                return CloudEventBuilder.v1(event).withData(mapped).build();
            }
            return event;
        } catch (RuntimeException e) {
            throw new EventDeserializationException(e);
        }
    }

    @Override
    public Set<String> deserializableContentTypes() {
        return Set.of(CONTENT_TYPE);
    }

    @Override
    public String serializedContentType() {
        return CONTENT_TYPE;
    }

    private static byte[] dataBytes(JsonObject event, JsonValue data) {
        if (data instanceof JsonString text && !isJson(event.getString("datacontenttype", null))) {
            return text.getString().getBytes(StandardCharsets.UTF_8);
        }
        return data.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void withExtension(CloudEventBuilder builder, String name, JsonValue value) {
        switch (value.getValueType()) {
            case STRING -> builder.withExtension(name, ((JsonString) value).getString());
            case NUMBER -> builder.withExtension(name, ((JsonNumber) value).intValueExact());
            case TRUE -> builder.withExtension(name, true);
            case FALSE -> builder.withExtension(name, false);
            default ->
                throw new IllegalArgumentException("extension '" + name + "' must be a string, number or boolean");
        }
    }

    private static String string(String name, JsonValue value) {
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw new IllegalArgumentException("attribute '" + name + "' must be a string");
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return true; // CloudEvents JSON format: data without a content type is JSON
        }
        String mediaType = contentType.split(";", 2)[0].trim();
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static JsonValue parse(byte[] bytes) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }
}
