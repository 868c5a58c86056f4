package org.herald.systemtests.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Herald on a WildFly of its own: the provisioned server (server-config) with
 * a fresh base directory, herald.ear in its {@code deployments/}, ports
 * shifted by {@value #PORT_OFFSET} (or another offset, for a second node).
 * The server JVM is the java child of {@code standalone.sh}, known by the pid
 * file the script writes.
 */
final class WildFlyProcess extends HeraldServer {

    static final int PORT_OFFSET = 200;
    /** The embedded broker's port for external clients, at the default offset. */
    static final int BROKER_PORT = 61616 + PORT_OFFSET;

    /** The run command's sizing and collector (server-config/pom.xml, run-wildfly), as bench/run uses them. */
    private static final String JAVA_OPTS = "-Xms64m -Xmx512m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m"
            + " -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman"
            + " -Djava.awt.headless=true";

    private final Path wildflyHome;
    private final Path base;
    private final Map<String, String> environment;
    private final int offset;
    private final String nodeName;
    private Process shell;
    private int starts;

    private WildFlyProcess(Path wildflyHome, Path base, Map<String, String> environment, int offset, String nodeName) {
        this.wildflyHome = wildflyHome;
        this.base = base;
        this.environment = environment;
        this.offset = offset;
        this.nodeName = nodeName;
    }

    /**
     * A fresh base directory: the provisioned {@code standalone/} without its data, logs and
     * deployments, then the EAR. Stops first a server an earlier, interrupted run left on this
     * base directory (found by the pid file and its own command line, nothing else).
     */
    static WildFlyProcess prepare(Path wildflyHome, Path ear, Path base, Map<String, String> environment) {
        return prepare(wildflyHome, ear, base, environment, PORT_OFFSET, null);
    }

    /**
     * The same, as one node of several: its own port offset and node name (which is also its
     * transaction node identifier, {@code jboss.tx.node.id}: at most 23 bytes).
     */
    static WildFlyProcess prepare(
            Path wildflyHome, Path ear, Path base, Map<String, String> environment, int offset, String nodeName) {
        Path standalone = wildflyHome.resolve("standalone");
        if (!Files.isExecutable(wildflyHome.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException(
                    "No provisioned WildFly at " + wildflyHome + " (build server-config first)");
        }
        if (!Files.isRegularFile(ear)) {
            throw new IllegalStateException("No EAR at " + ear);
        }
        WildFlyProcess process = new WildFlyProcess(wildflyHome, base, environment, offset, nodeName);
        process.stopLeftover();
        try {
            deleteTree(base);
            Files.createDirectories(base);
            try (Stream<Path> files = Files.walk(standalone)) {
                for (Path from : (Iterable<Path>) files::iterator) {
                    Path relative = standalone.relativize(from);
                    if (relative.getNameCount() > 0
                                    && List.of("data", "log", "tmp", "deployments")
                                            .contains(relative.getName(0).toString())
                            || relative.toString().startsWith("configuration/standalone_xml_history")) {
                        continue;
                    }
                    Path to = base.resolve(relative.toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            Files.createDirectories(base.resolve("deployments"));
            Files.copy(ear, base.resolve("deployments/herald.ear"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return process;
    }

    /** Applies a CLI script offline to this node's own configuration (not the provisioned one). */
    void configure(Path script, Path properties) throws IOException, InterruptedException {
        ProcessBuilder cli = new ProcessBuilder(
                        wildflyHome.resolve("bin/jboss-cli.sh").toString(),
                        "--resolve-parameter-values",
                        "--properties=" + properties,
                        "--file=" + script)
                .redirectErrorStream(true)
                .redirectOutput(
                        base.resolve("cli-" + script.getFileName() + ".out").toFile());
        cli.environment().put("JAVA_OPTS", "-Djboss.server.base.dir=" + base);
        Process process = cli.start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    script.getFileName() + " failed; see " + base.resolve("cli-" + script.getFileName() + ".out"));
        }
    }

    @Override
    Path configuration() {
        return base.resolve("configuration/standalone-full.xml");
    }

    @Override
    Path h2Database() {
        return base.resolve("data/herald/herald"); // datasource-h2.cli: ${jboss.server.data.dir}/herald/herald
    }

    @Override
    URI http() {
        return URI.create("http://127.0.0.1:" + (8080 + offset));
    }

    /** The management interface, where WildFly serves {@code /health}. */
    URI management() {
        return URI.create("http://127.0.0.1:" + (9990 + offset));
    }

    @Override
    Duration start() throws IOException, InterruptedException {
        if (jvm != null && jvm.isAlive()) {
            throw new IllegalStateException("Herald is already running as pid " + jvm.pid());
        }
        for (int port : new int[] {8080 + offset, 9990 + offset}) {
            if (listening(port)) {
                throw new IllegalStateException("Port " + port + " is in use: another server runs on offset " + offset);
            }
        }
        starts++;
        Path pidFile = base.resolve("server.pid");
        Files.deleteIfExists(pidFile);
        Path log = base.resolve("log/server.log");
        if (Files.exists(log)) { // each start reads and keeps its own log
            Files.move(
                    log,
                    base.resolve("log/server-before-start-" + starts + ".log"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Path console = base.resolve("console-" + starts + ".out");
        List<String> command = new ArrayList<>(List.of(
                wildflyHome.resolve("bin/standalone.sh").toString(),
                "-c",
                "standalone-full.xml",
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset));
        if (nodeName != null) {
            command.add("-Djboss.node.name=" + nodeName);
            command.add("-Djboss.tx.node.id=" + nodeName);
        }
        CHEAP_HASHING.forEach((key, value) -> command.add("-D" + key + "=" + value));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_OPTS", JAVA_OPTS);
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.environment().put("JBOSS_PIDFILE", pidFile.toString());
        long launched = System.nanoTime();
        shell = builder.start();
        shell.getOutputStream().close();
        jvm = awaitJvm(pidFile, console, launched);
        awaitReady(launched, () -> {
            failIfShellExited(console);
            if (startedWithErrors(console)) {
                throw new IllegalStateException("WildFly started with errors; see " + console);
            }
        });
        return Duration.ofNanos(System.nanoTime() - launched);
    }

    /** SIGKILL to the server JVM, then waits until it and its start script are gone. */
    @Override
    void killNine() throws InterruptedException {
        super.killNine();
        if (!shell.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("standalone.sh still running after its JVM was killed");
        }
    }

    /** SIGTERM to the server JVM (a clean shutdown), SIGKILL if it has not exited in time. Safe to repeat. */
    @Override
    void stop() {
        terminate(jvm);
        if (shell != null && shell.isAlive()) {
            shell.destroy();
            awaitExit(shell.toHandle(), Duration.ofSeconds(10));
        }
    }

    @Override
    List<Path> logs() throws IOException {
        return oldestFirst(base.resolve("log"), "server");
    }

    private ProcessHandle awaitJvm(Path pidFile, Path console, long launched) throws IOException, InterruptedException {
        long deadline = launched + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            failIfShellExited(console);
            if (Files.isRegularFile(pidFile)) {
                String text = Files.readString(pidFile).trim();
                if (!text.isEmpty()) {
                    long pid = Long.parseLong(text);
                    Optional<ProcessHandle> child =
                            shell.descendants().filter(h -> h.pid() == pid).findFirst();
                    if (child.isPresent()) {
                        return child.get();
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("No server JVM pid in " + pidFile + " within " + READY_TIMEOUT);
    }

    private static boolean startedWithErrors(Path console) throws IOException {
        return Files.isRegularFile(console)
                && new String(Files.readAllBytes(console), StandardCharsets.ISO_8859_1)
                        .lines()
                        .anyMatch(line -> line.contains("WFLYSRV0026") && line.contains("with errors"));
    }

    private void failIfShellExited(Path console) {
        if (!shell.isAlive()) {
            throw new IllegalStateException(
                    "standalone.sh exited with " + shell.exitValue() + " during start; see " + console);
        }
    }

    /** A server an earlier run started on this base directory and could not stop (its JVM was killed). */
    private void stopLeftover() {
        Path pidFile = base.resolve("server.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            String ours = "-Djboss.server.base.dir=" + base;
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                    .filter(h -> h.info()
                            .arguments()
                            .map(a -> List.of(a).contains(ours))
                            .orElse(false))
                    .ifPresent(HeraldServer::terminate);
        } catch (IOException | NumberFormatException e) {
            // no readable pid: nothing of ours to stop
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
