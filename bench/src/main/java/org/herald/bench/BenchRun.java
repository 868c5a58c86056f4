package org.herald.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One bench run, every phase in order ({@code bench/run} builds, then calls
 * this): its own WildFly with a base directory and port offset of its own,
 * the bench resources, the probe, the raw broker, Herald's spine, HTTP, the
 * report. Each phase runs in a JVM of its own, as a client would; the server
 * it starts is stopped by its process id on every exit, Ctrl-C included.
 */
final class BenchRun {

    /** How long and how hard, by {@code --quick} (the default) or {@code --full}. */
    record Mode(
            String name,
            int rawWarmup,
            int rawDuration,
            int drain,
            int pipeSeconds,
            int orderSubjects,
            int orderEach,
            int killRounds,
            int killEvents,
            int hashingWarmupSeconds,
            int hashingPipeSeconds,
            int httpSeconds,
            String httpLowRates,
            String httpProdRates) {
        // the hashing comparison's warm-up may take 240 s in quick too: at 90 s the server's JIT still compiled
        // 18-46 % of the time, and that, not the hashing, moved the pipeline's latency (docs/performance.md)
        static final Mode QUICK =
                new Mode("quick", 2, 6, 20_000, 6, 1000, 10, 3, 5000, 240, 20, 6, "50,100,200", "2,5");
        static final Mode FULL = new Mode(
                "full", 5, 30, 100_000, 30, 1000, 10, 5, 20_000, 300, 30, 30, "50,100,200,400", "1,2,3,4,5,6,8,10,12");
    }

    private static final Set<String> OPTIONS = Set.of(
            "quick",
            "full",
            "offset",
            "jfr",
            "patch",
            "server-opts",
            "jvm-opts",
            "ear",
            "label",
            "no-results",
            "only",
            "postgres");
    // Argon2id: lowered (1 pass over 64 KiB) for the pipeline phases, OWASP's 19 MiB and 2 passes for production
    private static final int LOW_ITERATIONS = 1;
    private static final int LOW_MEMORY_KIB = 64;
    private static final int PROD_ITERATIONS = 2;
    private static final int PROD_MEMORY_KIB = 19456;
    // clients logging in flat out while the pipeline runs at a rate it sustains inside the core hashing
    // leaves: at 100/s a trickle alone cost more than a core (docs/performance.md)
    private static final int LOGIN_FLOOD = 8;
    private static final int HASHING_PIPE_RATE = 30;
    private static final String USER = "herald-bench";
    private static final String PASSWORD = "herald-bench-1";
    private static final String PG_DATABASE = "herald_bench";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);
    /** In server.log: the server came up, but a deployment or a service failed. */
    private static final Pattern STARTED_WITH_ERRORS = Pattern.compile("WFLYCTL0186|WFLYSRV0026.*with errors");
    /** The client libraries' start-up lines (java.util.logging's header and INFO lines, SLF4J's notices). */
    private static final Pattern NOISE = Pattern.compile("INFO: .*|SLF4J.*|[A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d.*");

    private final Args args;
    private final Mode mode;
    private final Path bench;
    private final Path target;
    private final Path wildfly;
    private final Path base;
    private final Path run;
    private final Properties versions = new Properties();
    private final int offset;
    private final String db;
    private final String label;
    private final long started = System.nanoTime();
    private final HttpClient http = HttpClient.newHttpClient();
    private Process serverScript;
    private long serverPid;
    private int servers;

    private BenchRun(Args args, Path bench) throws IOException {
        for (String key : args.keys()) {
            if (!OPTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + " (bench/run --help)");
            }
        }
        this.args = args;
        this.bench = bench;
        this.mode = args.has("full") ? Mode.FULL : Mode.QUICK;
        this.target = bench.resolve("target");
        try (var in = Files.newInputStream(target.resolve("classes/versions.properties"))) {
            versions.load(in);
        }
        this.wildfly = target.resolve("wildfly-" + versions.getProperty("wildfly.version"));
        this.offset = args.getInt("offset", 100);
        // concurrent runs need distinct offsets and bases
        this.base = target.resolve(offset == 100 ? "wildfly-base" : "wildfly-base-" + offset);
        this.run = target.resolve("runs/" + STAMP.format(Instant.now()));
        this.db = args.has("postgres") ? "postgres" : "h2";
        this.label = args.get("label", args.has("postgres") ? "postgres" : "");
    }

    /** The run, with the bench's project directory (its {@code target/} holds what {@code bench/run} built). */
    static void run(Args args, Path benchDir) throws Exception {
        BenchRun bench = new BenchRun(args, benchDir);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopServer, "stop-bench-server"));
        bench.phases();
    }

    private void phases() throws Exception {
        Files.createDirectories(run.resolve("phases"));
        log(
                "mode %s, offset %d (HTTP %d, management %d, broker %d), run dir %s",
                mode.name(), offset, port(8080), port(9990), port(61616), run);
        stopLeftover();
        for (int port : List.of(port(8080), port(9990), port(61616))) {
            check(
                    !listening(port),
                    "port " + port + " is already in use: is another bench server running? (choose --offset)");
        }
        prepareBase();
        startServer(LOW_ITERATIONS, LOW_MEMORY_KIB);
        applyBenchResources();

        log("probe: one real registration, its user.registered and order.created");
        phase("probe", "probe", common("--server-pid", serverPid), false);
        String eventSize =
                Files.readString(run.resolve("phases/event-size.txt")).trim();
        log("a real user.registered is %s bytes on the broker", eventSize);
        phase("facts", "facts", server());

        if (on("raw")) {
            rawPerf("max", eventSize, "--max-pending", "100");
        }
        if (on("two-hop")) {
            log(
                    "two-hop raw: %d messages pre-loaded, artemis transfer (commit every 100) to a second topic",
                    mode.drain());
            phase("two-hop", "two-hop", server("--count", mode.drain(), "--artemis", artemis()));
        }
        if (on("drain")) {
            log(
                    "drain: subscription paused (JMX), %d user.registered pre-loaded, resumed, timed to the last order.created",
                    mode.drain());
            phase("drain", "drain", server("--count", mode.drain()));
        }
        if (on("pipeline") && phaseFile("drain-rate.txt")) {
            log("pipeline: open loop at half the drain's rate, publish -> order.created latency");
            phase("pipeline", "pipeline", server("--seconds", mode.pipeSeconds()));
        }
        if (on("raw") && phaseFile("pipeline-rate.txt")) {
            String rate =
                    Files.readString(run.resolve("phases/pipeline-rate.txt")).trim();
            rawPerf("rate", eventSize, "--max-pending", "100", "--rate", rate);
        }
        if (on("order")) {
            log(
                    "order: %d sequenced user.registered for each of %d users, interleaved",
                    mode.orderEach(), mode.orderSubjects());
            phase("order", "order", server("--subjects", mode.orderSubjects(), "--per-subject", mode.orderEach()));
        }
        if (on("http-low")) {
            http("http-low", LOW_ITERATIONS, mode.httpLowRates());
        }
        if (on("kill")) {
            for (int round = 1; round <= mode.killRounds(); round++) {
                log(
                        "kill -9 round %d/%d: %d user.registered pre-loaded, SIGKILL to pid %d mid-drain",
                        round, mode.killRounds(), mode.killEvents(), serverPid);
                phase("kill-round-" + round, "kill-round", server("--round", round, "--count", mode.killEvents()));
                awaitServerGone();
                startServer(LOW_ITERATIONS, LOW_MEMORY_KIB);
            }
            log("kill -9: verifying (durable subscriber, relay backlog, each user's orders over HTTP)");
            phase("kill-verify", "kill-verify", server());
        }
        if (on("http-prod")) {
            stopServer();
            startServer(PROD_ITERATIONS, PROD_MEMORY_KIB);
            if (phaseFile("drain-rate.txt")) {
                hashingBesidePipeline();
            }
            http("http-prod", PROD_ITERATIONS, mode.httpProdRates());
        }
        stopServer();
        report();
    }

    /**
     * The pipeline's latency on the production-hashing server, idle and then
     * while logins keep hashing busy, at a rate the pipeline sustains, so
     * that only the hashing differs. A restarted server is cold (its JIT took
     * 50-100 % of a core for over a minute of pipeline and logins), so both
     * code paths first run unreported until the JIT settles.
     */
    private void hashingBesidePipeline() throws Exception {
        log(
                "pipeline at production hashing, %d/s, idle, then under %d clients logging in flat out",
                HASHING_PIPE_RATE, LOGIN_FLOOD);
        int rate = HASHING_PIPE_RATE;
        int seconds = mode.hashingPipeSeconds();
        int flood = LOGIN_FLOOD;
        phase(
                "pipeline-warm-up",
                "pipeline",
                server(
                        "--until-jit-settles",
                        mode.hashingWarmupSeconds(),
                        "--name",
                        "pipeline-warm-up",
                        "--max-rate",
                        rate,
                        "--login-flood",
                        flood));
        phase("pipeline-prod", "pipeline", server("--seconds", seconds, "--name", "pipeline-prod", "--max-rate", rate));
        phase(
                "pipeline-hashing",
                "pipeline",
                server("--seconds", seconds, "--name", "pipeline-hashing", "--max-rate", rate, "--login-flood", flood));
    }

    private void http(String name, int iterations, String rates) throws Exception {
        log("end to end over HTTP, %s (Argon2id t=%d)", name, iterations);
        phase(
                name,
                "http",
                common(
                        "--server-pid",
                        serverPid,
                        "--name",
                        name,
                        "--iterations",
                        iterations,
                        "--rates",
                        rates,
                        "--seconds",
                        mode.httpSeconds(),
                        "--ramp",
                        "1"));
    }

    /** {@code artemis perf client}: the raw broker with messages of Herald's size, one durable subscription. */
    private void rawPerf(String variant, String eventSize, String... rateOptions) throws Exception {
        log("raw Artemis (%s): perf client, persistent %s-byte messages, one durable subscription", variant, eventSize);
        List<String> command = new ArrayList<>(List.of(
                artemis().toString(),
                "perf",
                "client",
                "--url",
                "tcp://127.0.0.1:" + port(61616),
                "--user",
                USER,
                "--password",
                PASSWORD,
                "--persistent",
                "--durable",
                "--clientID",
                "bench-raw-" + variant,
                "--consumers",
                "1",
                "--producers",
                "1",
                "--message-size",
                eventSize));
        command.addAll(List.of(rateOptions));
        Path phases = run.resolve("phases");
        command.addAll(List.of(
                "--warmup",
                Integer.toString(mode.rawWarmup()),
                "--duration",
                Integer.toString(mode.rawDuration()),
                "--json",
                phases.resolve("raw-" + variant + "-perf.json").toString(),
                "--hdr",
                phases.resolve("raw-" + variant + ".hdr").toString(),
                "--silent",
                "topic://jms.topic.bench.raw"));
        try (ProcSampler sampler = new ProcSampler(serverPid)) {
            int exit = runTo(
                    command,
                    Map.of(),
                    run.resolve("raw-" + variant + ".out"),
                    mode.rawWarmup() + mode.rawDuration() + 120);
            check(exit == 0, "artemis perf client exited " + exit + "; see " + run.resolve("raw-" + variant + ".out"));
            JsonFiles.write(phases.resolve("raw-" + variant + "-proc.json"), sampler.result());
        }
        RawImport.run(new Args(new String[] {
            "--run", run.toString(), "--variant", variant, "--options=" + String.join(" ", rateOptions)
        }));
    }

    // --- the server -------------------------------------------------------------------------------

    /** Our own base directory: the configured server's configuration, fresh data, the bench user, HeraldDS on db. */
    private void prepareBase() throws Exception {
        deleteTree(base);
        for (String dir : List.of("deployments", "data", "log")) {
            Files.createDirectories(base.resolve(dir));
        }
        Path configuration = base.resolve("configuration");
        try (Stream<Path> files = Files.walk(wildfly.resolve("standalone/configuration"))) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path relative = wildfly.resolve("standalone/configuration").relativize(from);
                if (!relative.startsWith("standalone_xml_history")) {
                    Files.copy(from, configuration.resolve(relative.toString()));
                }
            }
        }
        // an application user that may send to the bench topics and user.events, in this copy only
        exec(
                List.of(
                        wildfly.resolve("bin/add-user.sh").toString(),
                        "-sc",
                        configuration.toString(),
                        "-a",
                        "-u",
                        USER,
                        "-p",
                        PASSWORD,
                        "-g",
                        USER,
                        "-s"),
                Map.of(),
                "add-user");
        log("HeraldDS on %s in the bench's configuration (server-config's datasource-%s.cli)", db, db);
        exec(
                List.of(
                        wildfly.resolve("bin/jboss-cli.sh").toString(),
                        "--file=" + wildfly.resolve("bin/herald/datasource-" + db + ".cli")),
                Map.of("JAVA_OPTS", "-Djboss.server.base.dir=" + base),
                "datasource");
        if (db.equals("postgres")) {
            // a database of its own, empty: the system tests use 'test'
            exec(
                    List.of(
                            "psql",
                            "-h",
                            "127.0.0.1",
                            "-U",
                            "postgres",
                            "-d",
                            "postgres",
                            "-qc",
                            "DROP DATABASE IF EXISTS " + PG_DATABASE,
                            "-c",
                            "CREATE DATABASE " + PG_DATABASE),
                    Map.of(),
                    "create-database");
        }
        Path ear = args.has("ear") ? Path.of(args.get("ear")).toAbsolutePath() : target.resolve("herald.ear");
        Files.copy(ear, run.resolve("herald.ear"));
        Files.copy(ear, base.resolve("deployments/herald.ear"));
    }

    private void startServer(int iterations, int memoryKib) throws Exception {
        servers++;
        Path pidFile = base.resolve("server.pid");
        Files.deleteIfExists(pidFile);
        Path log = base.resolve("log/server.log");
        if (Files.exists(log)) { // a restart reads only its own log for readiness
            Files.move(log, base.resolve("log/server-before-" + servers + ".log"));
        }
        // the run command's sizing and collector (herald.server.java-opts in the parent POM)
        String javaOpts =
                versions.getProperty("server.java-opts") + " -Djava.awt.headless=true " + args.get("jvm-opts", "");
        if (args.has("jfr")) {
            javaOpts += " -XX:StartFlightRecording=filename=" + run.resolve("server-" + servers + ".jfr")
                    + ",settings=profile,dumponexit=true";
        }
        log("starting WildFly #%d (Argon2id t=%d m=%dKiB)", servers, iterations, memoryKib);
        List<String> command = new ArrayList<>(List.of(
                wildfly.resolve("bin/standalone.sh").toString(),
                "-c",
                "standalone-full.xml",
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset,
                "-Dherald.password.iterations=" + iterations,
                "-Dherald.password.memory-kib=" + memoryKib));
        command.addAll(words(args.get("server-opts", "")));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(run.resolve("server-" + servers + ".out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment()
                .putAll(Map.of(
                        "HERALD_DB_NAME",
                        PG_DATABASE,
                        "LAUNCH_JBOSS_IN_BACKGROUND",
                        "1",
                        "JBOSS_PIDFILE",
                        pidFile.toString(),
                        "JAVA_OPTS",
                        javaOpts));
        serverScript = builder.start();
        serverPid = 0;
        LogTail tail = new LogTail(log);
        boolean deployed = false;
        long began = System.nanoTime();
        while (System.nanoTime() - began < TimeUnit.SECONDS.toNanos(180)) {
            check(
                    serverScript.isAlive(),
                    "server exited during start; see " + run.resolve("server-" + servers + ".out"));
            if (serverPid == 0 && Files.exists(pidFile) && Files.size(pidFile) > 0) {
                serverPid = Long.parseLong(Files.readString(pidFile).trim());
            }
            String appended = tail.appended();
            check(!STARTED_WITH_ERRORS.matcher(appended).find(), "server started with errors; see " + log);
            deployed |= appended.contains("WFLYSRV0010: Deployed \"herald.ear\"");
            if (serverPid != 0 && deployed && ready()) {
                log("server up in %d s, pid %d", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began), serverPid);
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("server not ready within 180 s; see " + log);
    }

    /** TERM to the server's JVM (WildFly shuts down in order), KILL after a minute. Idempotent. */
    private synchronized void stopServer() {
        if (serverScript == null) {
            return;
        }
        log("stopping WildFly #%d", servers);
        ProcessHandle.of(serverPid).ifPresent(server -> stop(server, Duration.ofMinutes(1)));
        serverScript.destroy();
        waitFor(serverScript, 30);
        serverScript = null;
    }

    /** After a kill -9 of the server (by the kill-round tool): its start script exits with it. */
    private void awaitServerGone() {
        check(waitFor(serverScript, 60), "server start script still running after the kill");
        serverScript = null;
    }

    /** A server left behind by a bench run that was killed: ours only if its command line names our base. */
    private void stopLeftover() throws IOException {
        Path pidFile = base.resolve("server.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                .filter(p -> p.info().commandLine().orElse("").contains("-Djboss.server.base.dir=" + base))
                .ifPresent(left -> {
                    log("stopping a bench server left running by an earlier run (pid %d)", left.pid());
                    stop(left, Duration.ofSeconds(30));
                });
    }

    /** TERM (WildFly shuts down in order), then KILL if it still runs after {@code grace}. */
    private static void stop(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            log("pid %d still alive after %d s: KILL", process.pid(), grace.toSeconds());
            process.destroyForcibly();
        }
    }

    /** The whole lines appended to a log since the last call: a line still being written waits for the next. */
    private static final class LogTail {
        private final Path file;
        private long position;

        LogTail(Path file) {
            this.file = file;
        }

        String appended() throws IOException {
            if (!Files.exists(file)) {
                return "";
            }
            try (SeekableByteChannel channel = Files.newByteChannel(file)) {
                ByteBuffer bytes = ByteBuffer.allocate((int) Math.max(0, channel.size() - position));
                channel.position(position);
                while (bytes.hasRemaining() && channel.read(bytes) > 0) {}
                int end = bytes.position();
                while (end > 0 && bytes.get(end - 1) != '\n') {
                    end--;
                }
                position += end;
                return new String(bytes.array(), 0, end, StandardCharsets.UTF_8);
            }
        }
    }

    /** The bench's topics and rights (bench/server/bench-resources.cli), and the --patch under test. */
    private void applyBenchResources() throws Exception {
        log("bench resources on our own server (bench/server/bench-resources.cli)");
        String out = cli("bench-resources", "--file=" + bench.resolve("server/bench-resources.cli"));
        if (args.has("patch")) {
            Path patch = Path.of(args.get("patch")).toAbsolutePath();
            log("applying patch %s to our own server", patch);
            out += cli("patch", "--file=" + patch);
            Files.copy(patch, run.resolve("patch.cli"));
        }
        if (out.contains("restart-required")) {
            log("a setting needs a restart");
            stopServer();
            startServer(LOW_ITERATIONS, LOW_MEMORY_KIB);
        } else if (out.contains("reload-required")) {
            log("reloading");
            cli("reload", "--command=reload");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!ready() && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
        }
    }

    private String cli(String name, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(wildfly.resolve("bin/jboss-cli.sh").toString(), "-c", "--controller=127.0.0.1:" + port(9990)));
        command.addAll(List.of(arguments));
        exec(command, Map.of(), name);
        return Files.readString(run.resolve(name + ".out"));
    }

    /** Whether the server's readiness check says UP. */
    private boolean ready() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(9990) + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // --- phases and processes ---------------------------------------------------------------------

    /** {@code Bench command arguments} in a JVM of its own; its output to {@code name.out}, the gist to stderr. */
    private void phase(String name, String command, List<String> arguments) throws Exception {
        phase(name, command, arguments, true);
    }

    private void phase(String name, String command, List<String> arguments, boolean echo) throws Exception {
        List<String> java = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xms128m",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                Bench.class.getName(),
                command));
        java.addAll(arguments);
        Path file = run.resolve(name + ".out");
        Process process = new ProcessBuilder(java).redirectErrorStream(true).start();
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter copy = new PrintWriter(Files.newBufferedWriter(file))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                copy.println(line);
                if (echo && !NOISE.matcher(line).matches()) {
                    System.err.println(line);
                }
            }
        }
        if (!waitFor(process, 900) || process.exitValue() != 0) {
            System.err.print(echo ? "" : Files.readString(file));
            throw new IllegalStateException("phase " + name + " failed; see " + file);
        }
    }

    /** The phase arguments every phase takes, then {@code more} (option names and values, any type). */
    private List<String> common(Object... more) {
        List<String> list = new ArrayList<>(List.of(
                "--http",
                "http://127.0.0.1:" + port(8080),
                "--broker",
                "tcp://127.0.0.1:" + port(61616),
                "--run",
                run.toString()));
        Stream.of(more).map(String::valueOf).forEach(list::add);
        return list;
    }

    /** What the phases that publish, pause (JMX) or watch the server need, then {@code more}. */
    private List<String> server(Object... more) {
        List<String> list = common(
                "--server-pid",
                serverPid,
                "--management-port",
                port(9990),
                "--jboss-client",
                wildfly.resolve("bin/client/jboss-client.jar"),
                "--user",
                USER,
                "--password",
                PASSWORD);
        Stream.of(more).map(String::valueOf).forEach(list::add);
        return list;
    }

    /** Runs a tool to completion (at most two minutes), its output to {@code name.out}; fails the run if it fails. */
    private void exec(List<String> command, Map<String, String> env, String name) throws Exception {
        Path out = run.resolve(name + ".out");
        int exit = runTo(command, env, out, 120);
        check(exit == 0, name + " failed (exit " + exit + "); see " + out);
    }

    private static int runTo(List<String> command, Map<String, String> env, Path out, long seconds) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        return waitFor(process, seconds) ? process.exitValue() : -1;
    }

    /** Waits for {@code process} to end, at most {@code seconds}; then kills it (and says it did not end). */
    private static boolean waitFor(Process process, long seconds) {
        try {
            if (process.waitFor(seconds, TimeUnit.SECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return false;
    }

    private void report() throws Exception {
        List<String> report = new ArrayList<>(List.of(
                "--run",
                run.toString(),
                "--mode",
                mode.name(),
                "--offset",
                Integer.toString(offset),
                "--git",
                git(),
                "--patch=" + args.get("patch", ""),
                "--server-opts=" + args.get("server-opts", ""),
                "--jvm-opts=" + args.get("jvm-opts", ""),
                "--ear=" + args.get("ear", ""),
                "--label=" + label,
                "--jfr",
                args.has("jfr") ? "1" : "0",
                "--elapsed",
                Long.toString(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started))));
        if (!args.has("no-results")) {
            report.addAll(List.of("--results", bench.resolve("results").toString()));
        }
        Report.run(new Args(report.toArray(String[]::new)));
        log("done in %d s", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    }

    private String git() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .directory(bench.toFile())
                    .start();
            String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? head : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    // --- small helpers ------------------------------------------------------------------------------

    private boolean on(String phase) {
        return !args.has("only") || Arrays.asList(args.get("only").split(",")).contains(phase);
    }

    private boolean phaseFile(String name) {
        return Files.exists(run.resolve("phases").resolve(name));
    }

    private Path artemis() {
        return target.resolve("apache-artemis-" + versions.getProperty("artemis.version") + "/bin/artemis");
    }

    private int port(int standard) {
        return standard + offset;
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split("\\s+"));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }

    static void log(String format, Object... values) {
        System.err.printf("[bench %s] %s%n", CLOCK.format(LocalTime.now()), String.format(format, values));
    }
}
