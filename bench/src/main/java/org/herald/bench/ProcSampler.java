package org.herald.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples the server JVM from /proc: resident set size and CPU time, every
 * 250 ms, plus the machine's load average at start and end of a phase.
 */
final class ProcSampler implements AutoCloseable {

    /** Linux USER_HZ; /proc/pid/stat counts CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = Double.parseDouble(System.getProperty("bench.clk.tck", "100"));

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final long pid;
    private final Thread thread;
    private final String loadStart;
    private final long startNanos;
    private final long startTicks;
    private volatile boolean running = true;
    private long maxRssKb;
    private long sumRssKb;
    private int samples;
    private long lastTicks;
    private long lastNanos;
    private double peakCpu;

    ProcSampler(long pid) {
        this.pid = pid;
        this.loadStart = loadAverage();
        this.startNanos = System.nanoTime();
        this.startTicks = cpuTicks();
        this.lastTicks = startTicks;
        this.lastNanos = startNanos;
        this.thread = new Thread(this::loop, "proc-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            LockSupport.parkNanos(250_000_000L);
            long rss = rssKb();
            long ticks = cpuTicks();
            long now = System.nanoTime();
            synchronized (this) {
                if (rss > 0) {
                    maxRssKb = Math.max(maxRssKb, rss);
                    sumRssKb += rss;
                    samples++;
                }
                double seconds = (now - lastNanos) / 1e9;
                if (seconds > 0.9 && ticks >= 0) {
                    peakCpu = Math.max(peakCpu, (ticks - lastTicks) / TICKS_PER_SECOND / seconds * 100);
                    lastTicks = ticks;
                    lastNanos = now;
                }
            }
        }
    }

    /** Stops sampling and returns the phase's figures. */
    synchronized JsonObject result() {
        running = false;
        long ticks = cpuTicks();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("server_pid", pid)
                .add("seconds", round(seconds))
                .add("rss_max_mb", round(maxRssKb / 1024.0))
                .add("rss_avg_mb", round(samples == 0 ? 0 : sumRssKb / 1024.0 / samples))
                .add("cpu_avg_percent", round(ticks < 0 ? -1 : (ticks - startTicks) / TICKS_PER_SECOND / seconds * 100))
                .add("cpu_peak_percent_1s", round(peakCpu))
                .add("cpu_percent_basis", "100% = one core; machine has " + CORES + " cores")
                .add("loadavg_start", loadStart)
                .add("loadavg_end", loadAverage());
        return json.build();
    }

    @Override
    public void close() {
        running = false;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // process gone
        }
        return -1;
    }

    private long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields after the command name in parentheses: state is field 3, utime 14, stime 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** {@code sample --server-pid P --out file --seconds N}: samples until killed or N seconds, writes on exit. */
    static void runStandalone(Args args) throws Exception {
        ProcSampler sampler = new ProcSampler(Long.parseLong(args.get("server-pid")));
        Path out = Path.of(args.get("out"));
        Thread writer = new Thread(() -> {
            try {
                JsonFiles.write(out, sampler.result());
            } catch (IOException e) {
                e.printStackTrace();
            }
        });
        Runtime.getRuntime().addShutdownHook(writer);
        Thread.sleep(args.getInt("seconds", 60) * 1000L);
    }
}
