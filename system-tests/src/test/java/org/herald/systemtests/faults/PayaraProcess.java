package org.herald.systemtests.faults;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Herald on the Payara Server domain {@value #DOMAIN} that server-config
 * provisions, with the standalone broker the build starts for the Payara
 * runtime (payara.sh start). The test restarts the domain with its own
 * environment and deploys herald.ear once; the deployment survives restarts.
 * The server JVM is known by the pid the domain writes ({@code config/pid});
 * a clean stop is {@code asadmin stop-domain}, then SIGKILL to that pid.
 */
final class PayaraProcess extends HeraldServer {

    static final String DOMAIN = "herald";
    private static final Duration ASADMIN_TIMEOUT = Duration.ofSeconds(240);

    private final Path payaraHome;
    private final Path domain;
    private final Path ear;
    private final Path output;
    private boolean deployed;

    private PayaraProcess(Path payaraHome, Path ear, Path output) {
        this.payaraHome = payaraHome;
        this.domain = payaraHome.resolve("glassfish/domains/" + DOMAIN);
        this.ear = ear;
        this.output = output;
    }

    /**
     * The provisioned domain, stopped (the build started it for the Arquillian suites,
     * without Herald deployed); its installation is the one server-config's {@code payara.sh}
     * names ({@code payara.sh home}); asadmin's output goes to {@code output}.
     */
    static PayaraProcess prepare(Path payaraScript, Path ear, Path output) throws Exception {
        Process home = new ProcessBuilder("bash", payaraScript.toString(), "home").start();
        Path payaraHome = Path.of(new String(home.getInputStream().readAllBytes()).trim());
        if (home.waitFor() != 0) {
            throw new IllegalStateException(payaraScript + " home failed");
        }
        if (!Files.isDirectory(payaraHome.resolve("glassfish/domains/" + DOMAIN))) {
            throw new IllegalStateException("No provisioned Payara domain in " + payaraHome
                    + " (build server-config with -Dherald.runtime=payara first)");
        }
        if (!Files.isRegularFile(ear)) {
            throw new IllegalStateException("No EAR at " + ear);
        }
        Files.createDirectories(output);
        PayaraProcess process = new PayaraProcess(payaraHome, ear, output);
        process.asadmin("stop-domain", DOMAIN);
        StandaloneBroker.drainOrderSubscription();
        return process;
    }

    @Override
    URI http() {
        return URI.create("http://127.0.0.1:8080");
    }

    @Override
    Path configuration() {
        return domain.resolve("config/domain.xml");
    }

    @Override
    Path h2Database() {
        // the pool's URL in server-config/pom.xml: ${project.build.directory}/payara-data/herald
        return payaraHome.resolveSibling("payara-data/herald");
    }

    @Override
    Duration start() throws IOException, InterruptedException {
        if (jvm != null && jvm.isAlive()) {
            throw new IllegalStateException("Herald is already running as pid " + jvm.pid());
        }
        long launched = System.nanoTime();
        Path pidFile = domain.resolve("config/pid");
        Files.deleteIfExists(pidFile);
        asadmin("start-domain", DOMAIN);
        jvm = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                .orElseThrow(() -> new IllegalStateException("No Payara JVM with the pid in " + pidFile));
        if (!deployed) {
            asadmin("deploy", "--force=true", "--name", "herald", ear.toString());
            deployed = true;
        }
        awaitReady(launched, () -> {});
        return Duration.ofNanos(System.nanoTime() - launched);
    }

    @Override
    void stop() {
        if (jvm != null && jvm.isAlive()) {
            try {
                asadmin("stop-domain", DOMAIN);
            } catch (IOException | RuntimeException e) {
                // the pid below is the last word
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            terminate(jvm);
        }
    }

    @Override
    List<Path> logs() throws IOException {
        return oldestFirst(domain.resolve("logs"), "server.log");
    }

    /**
     * Runs asadmin; fails unless it succeeds ({@code stop-domain} of a stopped domain counts as
     * success). The server inherits this environment: the hashing cost below reaches Herald
     * through MicroProfile Config's environment variables.
     */
    private void asadmin(String... arguments) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(payaraHome.resolve("bin/asadmin").toString()));
        command.addAll(List.of(arguments));
        Path log = output.resolve("asadmin-" + arguments[0] + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // MicroProfile Config's environment form of each key: herald.password.memory-kib is HERALD_PASSWORD_MEMORY_KIB
        CHEAP_HASHING.forEach((key, value) ->
                builder.environment().put(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value));
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(ASADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + arguments[0] + " did not finish within " + ASADMIN_TIMEOUT);
        }
        if (process.exitValue() != 0 && !arguments[0].equals("stop-domain")) {
            throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " failed (exit "
                    + process.exitValue() + "); see " + log);
        }
    }
}
