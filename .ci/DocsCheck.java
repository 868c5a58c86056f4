import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fails when the docs and the code disagree: a relative link in README.md,
 * docs/ or a module's README to a file or heading that does not exist, or a
 * configuration key documented in docs/configuration.md that no main source
 * reads, or the reverse. Run from the project root with the JDK alone:
 * {@code java .ci/DocsCheck.java}.
 */
public class DocsCheck {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+)$", Pattern.MULTILINE);
    /** A key as the code names it: a string literal starting with Herald's or MicroProfile JWT's prefix. */
    private static final Pattern KEY_IN_CODE = Pattern.compile("\"((?:herald|mp\\.jwt)\\.[a-z0-9.-]+)\"");
    /** A key as the configuration table names it: the first cell, in backticks. */
    private static final Pattern KEY_IN_DOCS = Pattern.compile("^\\| `([a-z0-9.<>-]+)` \\|", Pattern.MULTILINE);
    /**
     * Literals with a key's shape that are not configuration: the JVM-wide
     * system property the development key pair is shared through (an object,
     * not a setting).
     */
    private static final Set<String> NOT_CONFIGURATION = Set.of("herald.jwt.development-key-pair");

    public static void main(String[] args) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path doc : markdown()) {
            checkLinks(doc, problems);
        }
        checkConfigurationKeys(problems);
        if (!problems.isEmpty()) {
            problems.forEach(problem -> System.err.println("docs: " + problem));
            System.exit(1);
        }
        System.out.println("docs: links and configuration keys agree with the code");
    }

    private static List<Path> markdown() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> files = Files.walk(Path.of("."), 2)) {
            files.filter(path -> path.toString().endsWith(".md"))
                    .filter(path -> !path.toString().contains("node_modules") && !path.toString().contains("target"))
                    .map(Path::normalize)
                    .filter(path -> !docs.contains(path))
                    .forEach(docs::add);
        }
        return docs;
    }

    private static void checkLinks(Path doc, List<String> problems) throws IOException {
        Matcher link = LINK.matcher(Files.readString(doc));
        while (link.find()) {
            String target = link.group(1);
            if (target.matches("^[a-z]+:.*")) {
                continue; // http(s), mailto: outside this check
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            Path resolved = file.isEmpty() ? doc : doc.resolveSibling(file).normalize();
            if (!Files.exists(resolved)) {
                problems.add(doc + " links to " + target + ": no such file");
            } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                problems.add(doc + " links to " + target + ": no such heading in " + resolved);
            }
        }
    }

    /** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path doc) {
        Set<String> anchors = new TreeSet<>();
        try {
            Matcher heading = HEADING.matcher(Files.readString(doc));
            while (heading.find()) {
                anchors.add(heading.group(1).trim().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }

    private static void checkConfigurationKeys(List<String> problems) throws IOException {
        Set<String> inCode = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            for (Path source : files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().contains("/src/main/java/"))
                    .filter(path -> !path.startsWith("./bench") && !path.startsWith("./system-tests"))
                    .toList()) {
                Matcher key = KEY_IN_CODE.matcher(Files.readString(source));
                while (key.find()) {
                    inCode.add(key.group(1));
                }
            }
        }
        inCode.removeAll(NOT_CONFIGURATION);
        // EventTopic builds "herald.jms.topic." + name + ".jndi", documented with a placeholder
        if (inCode.remove("herald.jms.topic.")) {
            inCode.add("herald.jms.topic.<topic>.jndi");
        }
        inCode.removeIf(key -> key.endsWith("."));
        Set<String> documented = new TreeSet<>();
        Matcher key = KEY_IN_DOCS.matcher(Files.readString(Path.of("docs/configuration.md")));
        while (key.find()) {
            documented.add(key.group(1));
        }
        for (String missing : difference(inCode, documented)) {
            problems.add("configuration key " + missing + " is read by the code but not in docs/configuration.md");
        }
        for (String stale : difference(documented, inCode)) {
            problems.add("configuration key " + stale + " is in docs/configuration.md but no main source reads it");
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
