package org.herald.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * While a drain runs: the subscription's batch sizes and lag from its MBean
 * (every 20 ms, a batch size counted when the applied count moved), and the
 * relay's batch size and lag (age of the oldest unpublished event) from the
 * health check (every 250 ms, it queries the event store).
 */
final class DrainSampler implements AutoCloseable {

    private final SubscriptionControl subscription;
    private final Health health;
    private final Thread thread;
    private final Samples subscriptionBatches = new Samples();
    private final Samples subscriptionLagMs = new Samples();
    private final Samples relayBatches = new Samples();
    private final Samples relayLagMs = new Samples();
    private final Samples relayUnpublished = new Samples();
    private volatile boolean running = true;
    private String error;

    DrainSampler(SubscriptionControl subscription, Health health) {
        this.subscription = subscription;
        this.health = health;
        this.thread = new Thread(this::loop, "drain-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long applied = -1;
        long published = -1;
        long nextHealth = 0;
        while (running) {
            try {
                long now = System.nanoTime();
                long a = subscription.applied();
                if (applied >= 0 && a != applied) {
                    synchronized (this) {
                        subscriptionBatches.add(subscription.lastBatchSize());
                        subscriptionLagMs.add(subscription.lagMillis());
                    }
                }
                applied = a;
                if (now >= nextHealth) {
                    nextHealth = now + TimeUnit.MILLISECONDS.toNanos(250);
                    JsonObject relay = health.check("relay");
                    long p = Health.number(relay, "published");
                    synchronized (this) {
                        if (published >= 0 && p != published) {
                            relayBatches.add(Health.number(relay, "lastBatchSize"));
                        }
                        relayLagMs.add(Health.number(relay, "oldestUnpublishedAgeMs"));
                        relayUnpublished.add(Health.number(relay, "unpublished"));
                    }
                    published = p;
                }
            } catch (Exception e) {
                error = String.valueOf(e);
            }
            LockSupport.parkNanos(20_000_000L);
        }
    }

    /** Stops sampling; the figures so far. */
    synchronized JsonObject result() throws InterruptedException {
        running = false;
        return Json.createObjectBuilder()
                .add("subscription_batch_sizes", subscriptionBatches.summary())
                .add("subscription_lag_ms", subscriptionLagMs.summary())
                .add("relay_batch_sizes", relayBatches.summary())
                .add("relay_oldest_unpublished_age_ms", relayLagMs.summary())
                .add("relay_unpublished", relayUnpublished.summary())
                .add(
                        "sampling",
                        "subscription MBean every 20 ms (a batch counted when Applied moved: batches between"
                                + " two samples are not seen); relay from /health/ready every 250 ms"
                                + (error == null ? "" : "; last sampling error: " + error))
                .build();
    }

    @Override
    public void close() {
        running = false;
    }
}
