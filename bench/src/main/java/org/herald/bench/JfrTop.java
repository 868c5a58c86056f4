package org.herald.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a server's flight recording: CPU samples by hottest method (self) and
 * by cost centre (inclusive: any frame of the stack in a given area), file
 * forces (journal and database syncs), and lock contention. Optionally only
 * samples between two instants ({@code --from}/{@code --to}, ISO) are counted.
 *
 * <p>{@code JfrTop --jfr file.jfr [--top 25]}
 */
final class JfrTop {

    /** Cost centres: label -> frame prefix (class name start). First match from the top of the stack wins. */
    private static final Map<String, String[]> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put(
                "PBKDF2 password hashing",
                new String[] {"com.sun.crypto.provider.PBKDF2", "org.glassfish.soteria.identitystores.hash"});
        AREAS.put("Herald JSON event format (JSON-P)", new String[] {"org.herald.events.json.JsonEventFormat"});
        AREAS.put(
                "JSON-B (event data records)", new String[] {"org.eclipse.yasson", "org.herald.events.json.EventData"});
        AREAS.put("CloudEvents JMS mapping", new String[] {"org.herald.events.jms.CloudEventMessages"});
        AREAS.put("JNDI lookups", new String[] {"javax.naming.InitialContext.lookup", "org.herald.events.discovery.Jndi"
        });
        AREAS.put("EclipseLink (JPA)", new String[] {"org.eclipse.persistence"});
        AREAS.put("H2 database", new String[] {"org.h2."});
        AREAS.put("Narayana transactions (2PC, log)", new String[] {"com.arjuna"});
        AREAS.put("IronJacamar pools / JCA", new String[] {"org.jboss.jca"});
        AREAS.put("Artemis RA (pooled CF, MDB inflow)", new String[] {"org.apache.activemq.artemis.ra"});
        AREAS.put(
                "Artemis journal",
                new String[] {"org.apache.activemq.artemis.core.journal", "org.apache.activemq.artemis.core.io"});
        AREAS.put("Artemis broker (other)", new String[] {"org.apache.activemq.artemis"});
        AREAS.put("Weld (CDI)", new String[] {"org.jboss.weld"});
        AREAS.put("EJB container", new String[] {"org.jboss.as.ejb3", "org.jboss.invocation"});
        AREAS.put("RESTEasy / Undertow (HTTP)", new String[] {"org.jboss.resteasy", "io.undertow"});
        AREAS.put("Netty", new String[] {"io.netty"});
        AREAS.put("logging", new String[] {"org.jboss.logmanager", "java.util.logging"});
    }

    private JfrTop() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int top = args.getInt("top", 25);
        Instant from = args.get("from", "").isEmpty() ? Instant.MIN : Instant.parse(args.get("from"));
        Instant to = args.get("to", "").isEmpty() ? Instant.MAX : Instant.parse(args.get("to"));
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> herald = new HashMap<>();
        String inclusive = args.get("inclusive", "org.herald.");
        String callersOf = args.get("callers-of", "");
        Map<String, Integer> callers = new HashMap<>();
        Map<String, Integer> areas = new HashMap<>();
        Map<String, long[]> forces = new HashMap<>();
        Map<String, long[]> monitors = new HashMap<>();
        Map<String, long[]> alloc = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args.get("jfr")))) {
            if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                continue;
            }
            String type = e.getEventType().getName();
            RecordedStackTrace stack = e.getStackTrace();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = stack.getFrames();
                    self.merge(name(frames.get(0)), 1, Integer::sum);
                    String area = "other (JDK, server plumbing)";
                    outer:
                    for (RecordedFrame f : frames) {
                        String n = name(f);
                        for (Map.Entry<String, String[]> a : AREAS.entrySet()) {
                            for (String prefix : a.getValue()) {
                                if (n.startsWith(prefix)) {
                                    area = a.getKey();
                                    break outer;
                                }
                            }
                        }
                    }
                    areas.merge(area, 1, Integer::sum);
                    for (RecordedFrame f : frames) {
                        String n = name(f);
                        if (n.startsWith(inclusive)) {
                            herald.merge(n, 1, Integer::sum);
                        }
                    }
                    if (!callersOf.isEmpty()) {
                        for (int i = 0; i < frames.size(); i++) {
                            if (name(frames.get(i)).startsWith(callersOf)) {
                                StringBuilder chain = new StringBuilder();
                                for (int k = i + 1; k < Math.min(frames.size(), i + 12); k++) {
                                    chain.append("\n          <- ").append(name(frames.get(k)));
                                }
                                callers.merge(chain.toString(), 1, Integer::sum);
                                break;
                            }
                        }
                    }
                }
                case "jdk.FileForce" -> {
                    String where =
                            stack == null ? "?" : firstMatching(stack, "org.apache.activemq", "com.arjuna", "org.h2");
                    long[] v = forces.computeIfAbsent(where, k -> new long[2]);
                    v[0]++;
                    v[1] += e.getDuration().toNanos();
                }
                case "jdk.JavaMonitorEnter" -> {
                    String cls = e.getClass("monitorClass") == null
                            ? "?"
                            : e.getClass("monitorClass").getName();
                    long[] v = monitors.computeIfAbsent(
                            cls + " @ "
                                    + (stack == null
                                            ? "?"
                                            : name(stack.getFrames().get(0))),
                            k -> new long[2]);
                    v[0]++;
                    v[1] += e.getDuration().toNanos();
                }
                case "jdk.ObjectAllocationSample" -> {
                    if (stack == null) {
                        continue;
                    }
                    String where = firstMatching(
                            stack,
                            "org.herald",
                            "org.eclipse.persistence",
                            "org.apache.activemq",
                            "com.arjuna",
                            "org.h2",
                            "org.eclipse.yasson",
                            "org.eclipse.parsson",
                            "io.undertow",
                            "org.jboss.resteasy");
                    long[] v = alloc.computeIfAbsent(where, k -> new long[2]);
                    v[0]++;
                    v[1] += e.getLong("weight");
                }
                default -> {}
            }
        }
        System.out.printf(
                "CPU samples: %d%n%n== cost centres (first matching frame from the top of each sample) ==%n", samples);
        print(areas, samples, top);
        System.out.printf("%n== hottest methods (self) ==%n");
        print(self, samples, top);
        System.out.printf("%n== frames of %s (inclusive) ==%n", inclusive);
        print(herald, samples, top);
        if (!callersOf.isEmpty()) {
            System.out.printf("%n== callers of %s ==%n", callersOf);
            print(callers, samples, 8);
        }
        System.out.printf("%n== file forces (fsync): count, total ms, mean ms ==%n");
        forces.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(top)
                .forEach(en -> System.out.printf(
                        "%8d %10.1f %8.2f  %s%n",
                        en.getValue()[0],
                        en.getValue()[1] / 1e6,
                        en.getValue()[1] / 1e6 / en.getValue()[0],
                        en.getKey()));
        System.out.printf("%n== contended monitors: count, total ms ==%n");
        monitors.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(15)
                .forEach(en ->
                        System.out.printf("%8d %10.1f  %s%n", en.getValue()[0], en.getValue()[1] / 1e6, en.getKey()));
        System.out.printf("%n== allocation (sampled weight MB) by first app frame ==%n");
        alloc.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(15)
                .forEach(en -> System.out.printf("%10.1f  %s%n", en.getValue()[1] / 1e6, en.getKey()));
    }

    private static String firstMatching(RecordedStackTrace stack, String... prefixes) {
        for (RecordedFrame f : stack.getFrames()) {
            String n = name(f);
            for (String p : prefixes) {
                if (n.startsWith(p)) {
                    return n;
                }
            }
        }
        return stack.getFrames().isEmpty() ? "?" : name(stack.getFrames().get(0));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(Map<String, Integer> counts, int total, int top) {
        List<Map.Entry<String, Integer>> list = new ArrayList<>(counts.entrySet());
        list.sort((a, b) -> b.getValue() - a.getValue());
        for (Map.Entry<String, Integer> en : list.subList(0, Math.min(top, list.size()))) {
            System.out.printf(
                    "%6d %5.1f%%  %s%n", en.getValue(), 100.0 * en.getValue() / Math.max(1, total), en.getKey());
        }
    }
}
