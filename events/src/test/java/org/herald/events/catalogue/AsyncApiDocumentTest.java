package org.herald.events.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code asyncapi.yaml} against the code: the same event types on the same
 * topics, and each type's data schema with exactly its record's fields, of
 * matching JSON types. A type, topic or field added to one and not the other
 * fails here.
 */
class AsyncApiDocumentTest {

    private static Map<String, Object> document;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream yaml = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            document = new Yaml().load(yaml);
        }
    }

    @Test
    void everyChannelIsATopicAndCarriesExactlyTheTypesOfThatTopic() {
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        map(document, "channels").values().forEach(channel -> {
            Map<String, Object> fields = asMap(channel);
            Set<String> types = map(fields, "messages").values().stream()
                    .map(reference -> message(ref(reference)).get("name").toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            documented.put(fields.get("address").toString(), types);
        });
        Map<String, Set<String>> catalogue = new LinkedHashMap<>();
        for (EventTopic topic : EventTopic.values()) {
            catalogue.put(
                    topic.topicName(),
                    Arrays.stream(EventType.values())
                            .filter(type -> type.topic() == topic)
                            .map(EventType::type)
                            .collect(Collectors.toCollection(TreeSet::new)));
        }
        assertEquals(catalogue, documented);
    }

    @Test
    void everyMessageHasItsTypesDataSchemaWithItsRecordsFields() {
        Map<String, Map<String, Object>> messages = new LinkedHashMap<>();
        map(map(document, "components"), "messages")
                .values()
                .forEach(message -> messages.put(asMap(message).get("name").toString(), asMap(message)));
        assertEquals(
                Arrays.stream(EventType.values()).map(EventType::type).collect(Collectors.toSet()), messages.keySet());

        for (EventType type : EventType.values()) {
            Map<String, Object> own =
                    asMap(((List<?>) map(messages.get(type.type()), "payload").get("allOf")).get(1));
            Map<String, Object> properties = map(own, "properties");
            assertEquals(type.type(), map(properties, "type").get("const"), type.type());
            assertEquals(
                    type.dataSchema().toString(), map(properties, "dataschema").get("const"), type.type());
            String schemaName = last(ref(properties.get("data")));
            assertEquals(type.dataType().getSimpleName(), schemaName, type.type() + ": data schema");

            Map<String, Object> schema = map(map(map(document, "components"), "schemas"), schemaName);
            Map<String, String> documentedFields = new LinkedHashMap<>();
            map(schema, "properties")
                    .forEach((field, definition) ->
                            documentedFields.put(field, asMap(definition).get("type") + format(asMap(definition))));
            Map<String, String> recordFields = new LinkedHashMap<>();
            for (RecordComponent component : type.dataType().getRecordComponents()) {
                recordFields.put(component.getName(), jsonType(component.getType()));
            }
            assertEquals(recordFields.keySet(), documentedFields.keySet(), schemaName + ": fields");
            recordFields.forEach((field, json) ->
                    assertEquals(json, documentedFields.get(field).replace("/uuid", ""), schemaName + "." + field));
        }
    }

    /** The JSON type JSON-B writes for a record component's Java type (uuid is a string's format, not checked). */
    private static String jsonType(Class<?> type) {
        if (type == String.class) {
            return "string";
        }
        if (type == OffsetDateTime.class) {
            return "string/date-time";
        }
        if (type == BigDecimal.class) {
            return "number";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "integer";
        }
        throw new AssertionError("no JSON type known for " + type + ": add it here and to asyncapi.yaml");
    }

    private static String format(Map<String, Object> definition) {
        return definition.containsKey("format") ? "/" + definition.get("format") : "";
    }

    private static Map<String, Object> message(String reference) {
        // a channel's message is a reference to components/messages/<key>
        return map(map(map(document, "components"), "messages"), last(reference));
    }

    private static String ref(Object reference) {
        return asMap(reference).get("$ref").toString();
    }

    private static String last(String reference) {
        return reference.substring(reference.lastIndexOf('/') + 1);
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            throw new AssertionError("asyncapi.yaml has no " + key + " in " + parent.keySet());
        }
        return asMap(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
