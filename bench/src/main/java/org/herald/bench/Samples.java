package org.herald.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Arrays;

/** Sampled values (batch sizes, lags): count, min, mean, percentiles, max. Not thread-safe. */
final class Samples {

    private long[] values = new long[64];
    private int count;

    void add(long value) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = value;
    }

    int count() {
        return count;
    }

    long max() {
        return count == 0 ? 0 : sorted()[count - 1];
    }

    double mean() {
        return count == 0 ? 0 : Arrays.stream(values, 0, count).average().orElse(0);
    }

    /** Nearest-rank percentile (0 < p <= 100); 0 when empty. */
    long percentile(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = sorted();
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }

    JsonObject summary() {
        return Json.createObjectBuilder()
                .add("samples", count)
                .add("min", count == 0 ? 0 : sorted()[0])
                .add("mean", ProcSampler.round(mean()))
                .add("p50", percentile(50))
                .add("p90", percentile(90))
                .add("p99", percentile(99))
                .add("max", max())
                .build();
    }

    private long[] sorted() {
        long[] copy = Arrays.copyOf(values, count);
        Arrays.sort(copy);
        return copy;
    }
}
