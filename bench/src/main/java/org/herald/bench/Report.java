package org.herald.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Gathers the phases of one run into {@code bench/results/<date>.json},
 * draws the charts with XChart and prints the summary table.
 */
final class Report {

    private Report() {}

    static void run(Args args) throws Exception {
        Path run = Path.of(args.get("run"));
        Path phases = run.resolve("phases");
        String stamp = run.getFileName().toString();
        String results = args.get("results", "");
        Path outDir = results.isEmpty() ? run : Path.of(results);
        String label = args.get("label", "");
        String base = stamp + (label.isEmpty() ? "" : "-" + label);

        JsonObject probe = read(phases, "probe.json");
        JsonObject server = read(phases, "server.json");
        JsonObject rawMax = read(phases, "raw-max.json");
        JsonObject rawRate = read(phases, "raw-rate.json");
        JsonObject twoHop = read(phases, "two-hop.json");
        JsonObject drain = read(phases, "drain.json");
        JsonObject pipeline = read(phases, "pipeline.json");
        JsonObject order = read(phases, "order.json");
        JsonObject kill = killResult(phases);
        JsonObject httpLow = read(phases, "http-low.json");
        JsonObject httpProd = read(phases, "http-prod.json");
        JsonObject pipelineProd = read(phases, "pipeline-prod.json");
        JsonObject pipelineHashing = read(phases, "pipeline-hashing.json");

        double oneHop = num(rawMax, "throughput_msgs_per_s");
        double twoHopRate = num(twoHop, "msgs_per_s");
        double drainRate = num(drain, "events_per_s_first_to_last_arrival");
        double ratio = twoHopRate > 0 ? drainRate / twoHopRate : 0;

        List<String> charts = new ArrayList<>();
        if (httpLow != null) {
            charts.add(latencyChart(
                    httpLow,
                    "End to end over HTTP, hashing lowered (" + httpLow.getInt("password_iterations")
                            + " Argon2id passes): registration -> order.created",
                    outDir,
                    base + "-http-lowered-latency"));
        }
        if (httpProd != null) {
            charts.add(latencyChart(
                    httpProd,
                    "End to end over HTTP, production hashing (" + httpProd.getInt("password_iterations")
                            + " Argon2id passes): registration -> order.created",
                    outDir,
                    base + "-http-production-latency"));
        }
        if (pipeline != null || rawRate != null) {
            charts.add(pipelineVsRawChart(pipeline, rawRate, outDir, base + "-pipeline-vs-raw-latency"));
        }
        charts.add(throughputChart(oneHop, twoHopRate, drainRate, httpLow, httpProd, outDir, base + "-throughput"));

        double maxRss = 0;
        for (JsonObject phase : new JsonObject[] {rawMax, rawRate, twoHop, drain, pipeline, httpLow, httpProd}) {
            maxRss = Math.max(maxRss, maxRss(phase));
        }
        JsonObject at200 = rateStep(httpLow, 200);
        double drainCpu = num(drain, "server_cpu_ms_per_event");
        double pipelineP99 = pipeline == null ? 0 : num(pipeline.getJsonObject("latency"), "p99");
        JsonObjectBuilder targets = Json.createObjectBuilder()
                .add("drain_over_two_hop_raw", target(ratio, ">= 0.5 (first milestone: 2,500 events/s)", ratio >= 0.5))
                .add("drain_server_cpu_ms_per_event", target(drainCpu, "<= 0.5 ms", drain != null && drainCpu <= 0.5))
                .add(
                        "pipeline_p99_ms_at_half_drain",
                        target(pipelineP99, "<= 15 ms", pipeline != null && pipelineP99 <= 15))
                .add(
                        "http_lowered_p99_at_200_per_s_ms",
                        at200 == null
                                ? Json.createObjectBuilder()
                                        .add("value", JsonValue.NULL)
                                        .add("target", "<= 20 ms with 0 errors")
                                        .add("met", false)
                                        .add(
                                                "note",
                                                "200/s not run: "
                                                        + (httpLow == null
                                                                ? "phase skipped"
                                                                : httpLow.getString("ramp_result", "?")))
                                        .build()
                                : target(
                                        num(at200.getJsonObject("end_to_end"), "p99"),
                                        "<= 20 ms with 0 errors",
                                        num(at200.getJsonObject("end_to_end"), "p99") <= 20
                                                && at200.getInt("errors") == 0))
                .add("server_rss_max_mb", target(maxRss, "<= 600 MB", maxRss <= 600))
                .add("order_per_subject", order == null ? JsonValue.NULL : order.get("in_order"))
                .add("kill_9_no_loss_no_duplicate", kill == null ? JsonValue.NULL : kill.get("passed"));

        JsonObjectBuilder json = Json.createObjectBuilder()
                .add(
                        "benchmark",
                        "Herald issue #9: the spine (event store, relay, batched subscriptions) against the"
                                + " raw broker, one hop and two hops, on one machine in one run")
                .add("run", stamp)
                .add("label", label)
                .add("mode", args.get("mode", "?"))
                .add("elapsed_seconds", args.getInt("elapsed", 0))
                .add(
                        "caveat",
                        "2-core machine shared with other test runs: see each phase's loadavg_start/loadavg_end;"
                                + " figures are noisy unless the load average stayed well below the core count")
                .add("machine", machine())
                .add("versions", versions())
                .add("server", orNull(server))
                .add(
                        "herald",
                        Json.createObjectBuilder()
                                .add("git", args.get("git", "?"))
                                .add("ear_sha256", sha256(run.resolve("herald.ear")))
                                .add("port_offset", args.getInt("offset", 100))
                                .add("extra_server_opts", args.get("server-opts", ""))
                                .add("extra_jvm_opts", args.get("jvm-opts", ""))
                                .add("ear_override", args.get("ear", ""))
                                .add("patch_cli", args.get("patch", ""))
                                .add("jfr", "1".equals(args.get("jfr", "0"))))
                .add("event", probe == null ? JsonValue.NULL : probe)
                .add(
                        "raw_artemis",
                        Json.createObjectBuilder()
                                .add("one_hop_max", orNull(rawMax))
                                .add("one_hop_at_pipeline_rate", orNull(rawRate))
                                .add("two_hop", orNull(twoHop)))
                .add("drain", orNull(drain))
                .add("ratio_drain_over_two_hop_raw", ProcSampler.round(ratio * 1000) / 1000)
                .add(
                        "ratio_drain_over_one_hop_raw",
                        oneHop > 0 ? ProcSampler.round(drainRate / oneHop * 1000) / 1000 : 0)
                .add(
                        "ratio_basis",
                        "events or messages per second from the first to the last arrival at the external"
                                + " subscriber, both at message_bytes of the drain's user.registered")
                .add("pipeline_fixed_rate", orNull(pipeline))
                .add("order", orNull(order))
                .add("kill_9", orNull(kill))
                .add("http_lowered_hashing", orNull(httpLow))
                .add("http_production_hashing", orNull(httpProd))
                .add(
                        "pipeline_production_hashing",
                        Json.createObjectBuilder()
                                .add("idle", orNull(pipelineProd))
                                .add("while_logins_hash_flat_out", orNull(pipelineHashing)))
                .add("targets_reported_not_asserted", targets);
        JsonArrayBuilder chartNames = Json.createArrayBuilder();
        charts.forEach(chartNames::add);
        json.add("charts", chartNames);
        Path out = outDir.resolve(base + ".json");
        JsonFiles.write(out, json.build());

        Summary.print(server, rawMax, rawRate, twoHop, drain, pipeline, order, kill, httpLow, httpProd, ratio, maxRss);
        Summary.printHashing(pipelineProd, pipelineHashing);
        System.out.println("results: " + out);
        charts.forEach(c -> System.out.println("chart:   " + outDir.resolve(c)));
    }

    /** The kill -9 rounds and their verdict, if they ran. */
    private static JsonObject killResult(Path phases) throws IOException {
        JsonObject verify = read(phases, "kill-verify.json");
        if (verify == null) {
            return null;
        }
        JsonArrayBuilder rounds = Json.createArrayBuilder();
        for (int round = 1; Files.exists(phases.resolve("kill-round-" + round + ".json")); round++) {
            rounds.add(read(phases, "kill-round-" + round + ".json"));
        }
        return Json.createObjectBuilder(verify).add("rounds", rounds).build();
    }

    /** The versions the bench was built against (resource filtering of the build). */
    private static JsonObject versions() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Report.class.getResourceAsStream("/versions.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        properties.stringPropertyNames().stream().sorted().forEach(k -> json.add(k, properties.getProperty(k)));
        return json.build();
    }

    // --- charts -------------------------------------------------------------------

    /** Percentiles on the x axis of the latency charts, evenly spaced as categories. */
    private static final double[] CHART_PERCENTILES = {50, 75, 90, 95, 99, 99.5, 99.9, 99.99, 100};

    private static CategoryChart percentileChart(String title) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(1000)
                .height(600)
                .title(title)
                .xAxisTitle("percentile")
                .yAxisTitle("latency (ms, log scale)")
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setPlotGridLinesVisible(true);
        return chart;
    }

    private static void addCurve(CategoryChart chart, String name, JsonObject latency) {
        List<String> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (double p : CHART_PERCENTILES) {
            for (JsonValue v : latency.getJsonArray("curve")) {
                JsonObject point = v.asJsonObject();
                if (num(point, "percentile") == p) {
                    xs.add(p == 100 ? "max" : (p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p)) + "%");
                    ys.add(Math.max(0.01, num(point, "ms")));
                }
            }
        }
        if (!xs.isEmpty()) {
            chart.addSeries(name, xs, ys).setMarker(SeriesMarkers.CIRCLE);
        }
    }

    private static String latencyChart(JsonObject http, String title, Path dir, String name) throws IOException {
        CategoryChart chart = percentileChart(title);
        for (JsonValue v : http.getJsonArray("rates")) {
            JsonObject step = v.asJsonObject();
            addCurve(
                    chart,
                    fmt(num(step, "rate_per_s")) + "/s"
                            + (step.getInt("errors") > 0 ? " (" + step.getInt("errors") + " errors)" : ""),
                    step.getJsonObject("end_to_end"));
        }
        return save(chart, dir, name);
    }

    private static String pipelineVsRawChart(JsonObject pipeline, JsonObject rawRate, Path dir, String name)
            throws IOException {
        CategoryChart chart =
                percentileChart("Publish -> effect latency at one fixed rate: raw Artemis vs Herald's pipeline");
        if (rawRate != null) {
            addCurve(
                    chart,
                    "raw Artemis, " + fmt(rateOf(rawRate)) + " msgs/s (send -> receive)",
                    rawRate.getJsonObject("latency"));
        }
        if (pipeline != null) {
            JsonObject fixed = pipeline;
            addCurve(
                    chart,
                    "pipeline, " + fmt(num(fixed, "rate_events_per_s"))
                            + " events/s (user.registered -> order.created)",
                    fixed.getJsonObject("latency"));
        }
        return save(chart, dir, name);
    }

    private static String throughputChart(
            double oneHop, double twoHop, double drain, JsonObject httpLow, JsonObject httpProd, Path dir, String name)
            throws IOException {
        CategoryChart chart = new CategoryChartBuilder()
                .width(1000)
                .height(600)
                .title("Throughput: raw Artemis (persistent) one hop and two hops vs Herald's drain")
                .yAxisTitle("per second")
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setSeriesColors(new Color[] {new Color(70, 110, 170)});
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        names.add("raw, one hop (perf client)");
        values.add(Math.max(0.1, oneHop));
        names.add("raw, two hops (transfer)");
        values.add(Math.max(0.1, twoHop));
        names.add("Herald drain events/s");
        values.add(Math.max(0.1, drain));
        if (httpLow != null) {
            names.add("HTTP sustained, " + httpLow.getInt("password_iterations") + " passes");
            values.add(Math.max(0.1, num(httpLow, "sustained_max_per_s")));
        }
        if (httpProd != null) {
            names.add("HTTP sustained, " + httpProd.getInt("password_iterations") + " passes");
            values.add(Math.max(0.1, num(httpProd, "sustained_max_per_s")));
        }
        chart.addSeries("throughput", names, values);
        return save(chart, dir, name);
    }

    private static String save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path dir, String name)
            throws IOException {
        Files.createDirectories(dir);
        BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        return name + ".png";
    }

    // --- helpers ------------------------------------------------------------------

    private static JsonObject read(Path phases, String file) throws IOException {
        Path path = phases.resolve(file);
        return Files.exists(path) ? JsonFiles.read(path) : null;
    }

    private static JsonValue orNull(JsonObject o) {
        return o == null ? JsonValue.NULL : o;
    }

    static double num(JsonObject o, String key) {
        if (o == null || !(o.get(key) instanceof JsonNumber n)) {
            return 0;
        }
        return n.doubleValue();
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    static double rateOf(JsonObject raw) {
        String[] options = raw.getString("options", "").split("\\s+");
        for (int i = 0; i + 1 < options.length; i++) {
            if (options[i].equals("--rate")) {
                return Double.parseDouble(options[i + 1]);
            }
        }
        return 0;
    }

    private static JsonObject rateStep(JsonObject http, double rate) {
        if (http == null) {
            return null;
        }
        for (JsonValue v : http.getJsonArray("rates")) {
            if (num(v.asJsonObject(), "rate_per_s") == rate) {
                return v.asJsonObject();
            }
        }
        return null;
    }

    private static double maxRss(JsonObject phase) {
        if (phase == null) {
            return 0;
        }
        double max = 0;
        for (var entry : phase.entrySet()) {
            JsonValue v = entry.getValue();
            if (entry.getKey().equals("rss_max_mb") && v instanceof JsonNumber n) {
                max = Math.max(max, n.doubleValue());
            } else if (v instanceof JsonObject o) {
                max = Math.max(max, maxRss(o));
            } else if (v.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue item : v.asJsonArray()) {
                    if (item instanceof JsonObject o) {
                        max = Math.max(max, maxRss(o));
                    }
                }
            }
        }
        return max;
    }

    private static JsonObject target(double value, String goal, boolean met) {
        return Json.createObjectBuilder()
                .add("value", ProcSampler.round(value))
                .add("target", goal)
                .add("met", met)
                .build();
    }

    private static JsonObject machine() throws IOException {
        long memKb = 0;
        for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (l.startsWith("MemTotal:")) {
                memKb = Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        String cpu = "?";
        for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (l.startsWith("model name")) {
                cpu = l.substring(l.indexOf(':') + 1).trim();
                break;
            }
        }
        return Json.createObjectBuilder()
                .add("cores", Runtime.getRuntime().availableProcessors())
                .add("cpu", cpu)
                .add("memory_mb", memKb / 1024)
                .add("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"))
                .add("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .add("loadavg_at_report", ProcSampler.loadAverage())
                .build();
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            return "unknown";
        }
    }
}
