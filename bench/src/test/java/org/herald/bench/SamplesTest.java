package org.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void emptyIsAllZero() {
        Samples samples = new Samples();
        assertEquals(0, samples.percentile(50));
        assertEquals(0, samples.max());
        assertEquals(0.0, samples.mean());
        assertEquals(0, samples.summary().getInt("samples"));
    }

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        Samples samples = new Samples();
        for (int v = 100; v >= 1; v--) {
            samples.add(v); // more than the initial capacity, in reverse order
        }
        assertEquals(50, samples.percentile(50));
        assertEquals(90, samples.percentile(90));
        assertEquals(99, samples.percentile(99));
        assertEquals(100, samples.percentile(100));
        assertEquals(1, samples.percentile(0.1));
        assertEquals(50.5, samples.mean());
        JsonObject summary = samples.summary();
        assertEquals(1, summary.getInt("min"));
        assertEquals(100, summary.getInt("max"));
        assertEquals(100, summary.getInt("samples"));
    }

    @Test
    void batchSizesOfADrain() {
        Samples samples = new Samples();
        for (long v : new long[] {500, 500, 500, 37, 500}) {
            samples.add(v);
        }
        assertEquals(500, samples.percentile(50));
        assertEquals(407.4, samples.mean(), 1e-9);
    }
}
