package org.herald.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Locale;

/** The summary table a run prints at its end. */
final class Summary {

    private static final String LINE = "-".repeat(122);

    private Summary() {}

    static void print(
            JsonObject server,
            JsonObject rawMax,
            JsonObject rawRate,
            JsonObject twoHop,
            JsonObject drain,
            JsonObject pipeline,
            JsonObject order,
            JsonObject kill,
            JsonObject httpLow,
            JsonObject httpProd,
            double ratio,
            double maxRss) {
        if (server != null) {
            System.out.println(
                    "server: " + server.getString("runtime") + " on " + server.getString("jvm") + "; database "
                            + server.getJsonObject("database").getString("driver") + " "
                            + server.getJsonObject("database").getString("connection_url"));
        }
        System.out.println(LINE);
        System.out.printf(
                Locale.ROOT,
                "%-48s %10s %9s %9s %9s %9s %7s %8s %8s%n",
                "phase",
                "offered/s",
                "done/s",
                "p50 ms",
                "p99 ms",
                "p99.9 ms",
                "errors",
                "RSS MB",
                "CPU ms/ev");
        System.out.println(LINE);
        if (rawMax != null) {
            row(
                    "raw Artemis, one hop (perf client, 100 in flight)",
                    "max",
                    Report.num(rawMax, "throughput_msgs_per_s"),
                    rawMax.getJsonObject("latency"),
                    0,
                    rawMax.getJsonObject("server"),
                    -1);
        }
        if (twoHop != null) {
            row(
                    "raw Artemis, two hops (transfer, commit 100)",
                    "max",
                    Report.num(twoHop, "msgs_per_s"),
                    null,
                    twoHop.getInt("messages") - twoHop.getInt("received"),
                    twoHop.getJsonObject("server"),
                    Report.num(twoHop, "server_cpu_ms_per_msg"));
        }
        if (drain != null) {
            row(
                    "Herald drain (" + drain.getInt("events") + " pre-loaded)",
                    "max",
                    Report.num(drain, "events_per_s_first_to_last_arrival"),
                    null,
                    drain.getJsonNumber("missing").longValue(),
                    drain.getJsonObject("server"),
                    Report.num(drain, "server_cpu_ms_per_event"));
        }
        if (rawRate != null) {
            row(
                    "raw Artemis, one hop, fixed rate",
                    Report.fmt(Report.rateOf(rawRate)),
                    Report.num(rawRate, "throughput_msgs_per_s"),
                    rawRate.getJsonObject("latency"),
                    0,
                    rawRate.getJsonObject("server"),
                    -1);
        }
        if (pipeline != null) {
            row(
                    "Herald pipeline, fixed rate (publish -> order.created)",
                    Report.fmt(Report.num(pipeline, "rate_events_per_s")),
                    Report.num(pipeline, "achieved_events_per_s"),
                    pipeline.getJsonObject("latency"),
                    pipeline.getJsonNumber("missing").longValue(),
                    pipeline.getJsonObject("server"),
                    Report.num(pipeline, "server_cpu_ms_per_event"));
        }
        for (JsonObject http : new JsonObject[] {httpLow, httpProd}) {
            if (http == null) {
                continue;
            }
            String what = "HTTP e2e, " + http.getInt("password_iterations") + " Argon2id passes";
            for (JsonValue v : http.getJsonArray("rates")) {
                JsonObject step = v.asJsonObject();
                row(
                        what,
                        Report.fmt(Report.num(step, "rate_per_s")),
                        Report.num(step, "completed_per_s"),
                        step.getJsonObject("end_to_end"),
                        step.getJsonNumber("errors").longValue(),
                        step.getJsonObject("server"),
                        Report.num(step, "server_cpu_ms_per_registration"));
            }
        }
        System.out.println(LINE);
        if (drain != null && twoHop != null) {
            JsonObject sampled = drain.getJsonObject("sampled");
            System.out.printf(
                    Locale.ROOT,
                    "drain / two-hop raw = %.3f (target >= 0.5), at %d-byte messages; drain server CPU"
                            + " %s ms/event (target <= 0.5), two-hop %s ms/msg%n",
                    ratio,
                    drain.getInt("message_bytes"),
                    drain.get("server_cpu_ms_per_event"),
                    twoHop.get("server_cpu_ms_per_msg"));
            System.out.printf(
                    Locale.ROOT,
                    "drain batches: subscription %s; relay %s; relay lag (oldest unpublished) %s ms%n",
                    Drain.brief(sampled.getJsonObject("subscription_batch_sizes")),
                    Drain.brief(sampled.getJsonObject("relay_batch_sizes")),
                    Drain.brief(sampled.getJsonObject("relay_oldest_unpublished_age_ms")));
        }
        if (order != null) {
            System.out.printf(
                    Locale.ROOT,
                    "order: %d subjects x %d, %d arrived, %d missing, %d out of order -> %s%n",
                    order.getInt("subjects"),
                    order.getInt("events_per_subject"),
                    order.getInt("arrived"),
                    order.getInt("missing"),
                    order.getInt("order_violations"),
                    order.getBoolean("in_order") ? "PASS" : "FAIL");
        }
        if (kill != null) {
            JsonObject outcome = kill.getJsonObject("outcome");
            System.out.printf(
                    Locale.ROOT,
                    "kill -9: %d rounds, %d user.registered, %d orders listed, %d lost, %d doubled,"
                            + " %d order.created not seen, relay backlog at end %d -> %s%n",
                    kill.getJsonArray("rounds").size(),
                    outcome.getInt("user_registered_published"),
                    outcome.getInt("orders_listed_by_server"),
                    outcome.getInt("lost_users_without_order"),
                    outcome.getInt("duplicated_users_with_several_orders"),
                    outcome.getInt("order_created_not_seen_by_subscriber"),
                    kill.getJsonNumber("relay_unpublished_at_end").longValue(),
                    kill.getBoolean("passed") ? "PASS" : "FAIL");
        }
        if (httpLow != null) {
            System.out.printf(
                    Locale.ROOT,
                    "sustained max, lowered hashing: %s/s; production hashing: %s/s (%s)%n",
                    httpLow.get("sustained_max_per_s"),
                    httpProd == null ? "-" : httpProd.get("sustained_max_per_s"),
                    httpLow.getString("sustained_rule"));
        }
        System.out.printf(Locale.ROOT, "server RSS max %.0f MB (target <= 600 MB)%n", maxRss);
    }

    private static void row(
            String what,
            String offered,
            double done,
            JsonObject latency,
            long errors,
            JsonObject server,
            double cpuPerEvent) {
        System.out.printf(
                Locale.ROOT,
                "%-48s %10s %9.1f %9s %9s %9s %7d %8.0f %9s%n",
                what,
                offered,
                done,
                ms(latency, "p50"),
                ms(latency, "p99"),
                ms(latency, "p99_9"),
                errors,
                server == null || !server.containsKey("rss_max_mb") ? 0 : Report.num(server, "rss_max_mb"),
                cpuPerEvent < 0 ? "-" : String.format(Locale.ROOT, "%.2f", cpuPerEvent));
    }

    private static String ms(JsonObject latency, String key) {
        return latency == null ? "-" : String.format(Locale.ROOT, "%.2f", Report.num(latency, key));
    }

    /** The pipeline's latency at production hashing, idle and while logins keep hashing busy, and the logins. */
    static void printHashing(JsonObject idle, JsonObject flooded) {
        if (idle == null || flooded == null) {
            return;
        }
        JsonObject logins = flooded.getJsonObject("login_flood");
        System.out.printf(
                Locale.ROOT,
                "pipeline at %s/s, production hashing: p99 %s ms idle, %s ms while %d clients log in"
                        + " (from the publisher's commit: %s / %s ms;"
                        + " %s logins/s, p50 %s ms, p99 %s ms, %d refused with 503)%n",
                Report.fmt(Report.num(idle, "rate_events_per_s")),
                idle.getJsonObject("latency").get("p99"),
                flooded.getJsonObject("latency").get("p99"),
                logins.getInt("clients"),
                idle.getJsonObject("latency_from_commit").get("p99"),
                flooded.getJsonObject("latency_from_commit").get("p99"),
                logins.get("logins_per_s"),
                logins.getJsonObject("latency_ok").get("p50"),
                logins.getJsonObject("latency_ok").get("p99"),
                logins.getJsonNumber("refused_503").longValue());
    }
}
