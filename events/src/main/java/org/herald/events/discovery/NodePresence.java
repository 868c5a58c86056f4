package org.herald.events.discovery;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herald.events.lease.Lease;
import org.herald.events.lease.Term;
import org.herald.events.store.HeraldDatabase;
import org.herald.events.work.Worker;

/**
 * Which Herald nodes are alive: each holds a lease of its own, {@code
 * node:<name>}, in the shared database, renewed every third of {@code
 * herald.relay.lease-ms}. A node that stops gives its lease up; one that dies
 * drops out of {@link #alive} when the lease expires. Two nodes of one name
 * share one lease: the second is not listed while the first lives, and logs it.
 */
@ApplicationScoped
public class NodePresence {

    private static final Logger LOG = Logger.getLogger(NodePresence.class.getName());
    private static final String PREFIX = "node:";

    @Inject
    Node node;

    @Inject
    @ConfigProperty(name = "herald.relay.lease-ms", defaultValue = "5000")
    long leaseMillis;

    private final Worker worker = new Worker("herald-presence", LOG, this::work);
    private volatile Lease lease;
    private volatile Term term;

    /** Starts renewing this node's lease on a thread of {@code threads}; a second call does nothing. */
    public void start(ThreadFactory threads) {
        if (lease == null) {
            lease = new Lease(new HeraldDatabase(), PREFIX + node.name(), Duration.ofMillis(leaseMillis));
        }
        worker.start(threads);
    }

    /** Gives this node's lease up, so that the others stop listing it at once. */
    @PreDestroy
    public void stop() {
        worker.stop(Duration.ofSeconds(5));
        Term last = term;
        term = null;
        if (last != null) {
            try {
                lease.release(last);
            } catch (RuntimeException e) {
                LOG.fine(() -> "Node lease not released, it expires by itself: " + e);
            }
        }
    }

    /** The names of the nodes alive now, in order. */
    public List<String> alive() {
        return Lease.held(new HeraldDatabase(), PREFIX).keySet().stream()
                .map(name -> name.substring(PREFIX.length()))
                .toList();
    }

    private void work(Worker worker) {
        String owner = node.name() + "/" + UUID.randomUUID().toString().substring(0, 8);
        long refusedSince = 0;
        boolean warned = false;
        while (worker.running()) {
            Term current = term;
            if (current == null || lease.due(current)) {
                term = current == null
                        ? lease.acquire(owner).orElse(null)
                        : lease.renew(current).orElse(null);
                // refused at first after a kill -9 and restart too, until the old lease expires
                long now = System.nanoTime();
                refusedSince = term != null ? 0 : refusedSince == 0 ? now : refusedSince;
                if (refusedSince != 0 && now - refusedSince > 2 * leaseMillis * 1_000_000 && !warned) {
                    LOG.warning(() -> "Another node named " + node.name() + " is alive: give each node its own"
                            + " herald.node.name; this one is not listed while the other lives");
                    warned = true;
                }
            }
            worker.recovered();
            worker.await(Duration.ofMillis(Math.max(1, leaseMillis / 6)));
        }
    }
}
