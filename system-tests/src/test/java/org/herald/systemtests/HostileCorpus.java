package org.herald.systemtests;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The hostile HTTP input corpus: every {@code hostile/*.json} on the test
 * classpath, one JSON array of cases per theme, in file order. Kept as data
 * so that a new hostile input is one line, reviewed as such, and the same
 * corpus can be replayed against any runtime.
 */
final class HostileCorpus {

    static final String DIRECTORY = "hostile";

    private HostileCorpus() {}

    /** The cases of each file, files in name order. */
    static Map<String, List<HostileCase>> load() {
        Map<String, List<HostileCase>> corpus = new LinkedHashMap<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            List<HostileCase> cases = new ArrayList<>();
            try (JsonReader reader = Json.createReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
                for (JsonValue value : reader.readArray()) {
                    cases.add(HostileCase.of(name, value.asJsonObject()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        "Cannot read the hostile corpus file " + file + ": " + e.getMessage(), e);
            }
            corpus.put(name, cases);
        }
        return corpus;
    }

    static List<HostileCase> all() {
        return load().values().stream().flatMap(List::stream).toList();
    }

    private static List<Path> files() {
        URL directory = HostileCorpus.class.getClassLoader().getResource(DIRECTORY);
        if (directory == null || !directory.getProtocol().equals("file")) {
            throw new IllegalStateException(
                    "The hostile corpus must be a directory on the test classpath: " + directory);
        }
        try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
