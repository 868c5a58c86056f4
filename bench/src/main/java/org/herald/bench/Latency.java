package org.herald.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.HdrHistogram.Histogram;

/** Latency histograms in microseconds, summarised in milliseconds. */
final class Latency {

    /** Percentiles of every summary and of the charted curves. */
    static final double[] CURVE = {0, 10, 25, 50, 75, 90, 95, 98, 99, 99.5, 99.8, 99.9, 99.95, 99.99, 100};

    private Latency() {}

    static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3);
    }

    static void recordNanos(Histogram histogram, long nanos) {
        histogram.recordValue(Math.max(1, Math.min(nanos / 1000, 3_600_000_000L)));
    }

    static JsonObject summary(Histogram h) {
        JsonArrayBuilder curve = Json.createArrayBuilder();
        if (h.getTotalCount() > 0) {
            for (double p : CURVE) {
                curve.add(Json.createObjectBuilder().add("percentile", p).add("ms", ms(h.getValueAtPercentile(p))));
            }
        }
        boolean empty = h.getTotalCount() == 0;
        return Json.createObjectBuilder()
                .add("unit", "ms")
                .add("count", h.getTotalCount())
                .add("mean", empty ? 0 : ms(h.getMean()))
                .add("p50", empty ? 0 : ms(h.getValueAtPercentile(50)))
                .add("p90", empty ? 0 : ms(h.getValueAtPercentile(90)))
                .add("p99", empty ? 0 : ms(h.getValueAtPercentile(99)))
                .add("p99_9", empty ? 0 : ms(h.getValueAtPercentile(99.9)))
                .add("max", empty ? 0 : ms(h.getMaxValue()))
                .add("curve", curve)
                .build();
    }

    static double ms(double micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
