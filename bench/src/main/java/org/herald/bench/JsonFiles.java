package org.herald.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Pretty JSON files. */
final class JsonFiles {

    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private JsonFiles() {}

    static void write(Path file, JsonObject json) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file);
                JsonWriter writer = PRETTY.createWriter(out)) {
            writer.writeObject(json);
        }
        Files.writeString(file, Files.readString(file).strip() + "\n");
    }

    static JsonObject read(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        }
    }
}
