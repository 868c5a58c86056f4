package org.herald.web;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.herald.web.problems.InvalidFields;
import org.herald.web.problems.Problem;

/**
 * Typed access to a JSON request body. JSON-B would quietly turn {@code 6}
 * into {@code "6"} and skip fields it does not know; Herald answers a wrong
 * type or an unknown field with a 400 naming the field.
 */
public final class JsonBody {

    private final JsonObject json;
    private final List<Problem.FieldError> wrongTypes = new ArrayList<>();

    /** The body, whose fields must all be among {@code known}: an unknown one is refused, never ignored. */
    public JsonBody(JsonObject json, Set<String> known) {
        this.json = json;
        json.keySet().stream()
                .filter(field -> !known.contains(field))
                .sorted()
                .forEach(field -> wrongTypes.add(new Problem.FieldError(field, "is not a field of this request")));
    }

    /** The string field, or {@code null} if absent or JSON null; any other type is recorded as an error. */
    public String string(String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        wrongTypes.add(new Problem.FieldError(field, "must be a string"));
        return null;
    }

    /** The number field, exactly as written, or {@code null} if absent or JSON null; any other type is recorded. */
    public BigDecimal decimal(String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue();
        }
        wrongTypes.add(new Problem.FieldError(field, "must be a number"));
        return null;
    }

    /** Fails with every unknown or wrong-typed field read so far. */
    public void rejectWrongTypes() {
        if (!wrongTypes.isEmpty()) {
            throw new InvalidFields(wrongTypes);
        }
    }
}
