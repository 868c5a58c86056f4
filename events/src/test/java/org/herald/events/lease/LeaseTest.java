package org.herald.events.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.herald.events.store.HeraldDatabase;
import org.herald.events.store.MigratedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leases on a real H2 database ({@link MigratedDatabase}). */
class LeaseTest {

    private static final Duration LONG = Duration.ofMinutes(1);
    private static final Duration SHORT = Duration.ofMillis(300);

    private HeraldDatabase database;

    @BeforeEach
    void emptyDatabase() {
        database = MigratedDatabase.create();
    }

    @Test
    void theFirstToAskHoldsItAndTheOtherIsRefused() {
        Lease lease = new Lease(database, "relay", LONG);
        Term a = lease.acquire("node-a").orElseThrow();

        assertEquals(Optional.empty(), lease.acquire("node-b"));
        assertEquals(1, a.generation());
        assertTrue(a.valid());
        assertEquals("node-a", lease.holder().orElseThrow().owner());
    }

    @Test
    void askingAgainRenewsInTheSameGeneration() {
        Lease lease = new Lease(database, "relay", LONG);
        Term first = lease.acquire("node-a").orElseThrow();
        Term again = lease.acquire("node-a").orElseThrow();
        Term renewed = lease.renew(again).orElseThrow();

        assertEquals(first.generation(), again.generation());
        assertEquals(first.generation(), renewed.generation());
        assertFalse(renewed.expiresAt().isBefore(first.expiresAt()));
    }

    @Test
    void anExpiredLeaseGoesToTheNextAskerInANewGenerationAndTheOldHolderIsFencedOut() throws Exception {
        Lease lease = new Lease(database, "relay", SHORT);
        Term old = lease.acquire("node-a").orElseThrow();
        long start = System.nanoTime();

        Term taken = await(() -> lease.acquire("node-b"));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(waited.compareTo(SHORT.minusMillis(50)) >= 0, "taken over after only " + waited);
        assertFalse(old.valid(), "the old term is past its local deadline");
        assertEquals(old.generation() + 1, taken.generation());
        assertEquals(Optional.empty(), lease.renew(old), "the old holder cannot renew");
        try (Connection connection = database.source().getConnection()) {
            connection.setAutoCommit(false);
            assertFalse(lease.holds(connection, old), "the old holder's writes are fenced out");
            assertTrue(lease.holds(connection, taken));
            connection.rollback();
        }
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        Lease lease = new Lease(database, "relay", LONG);
        Term a = lease.acquire("node-a").orElseThrow();
        lease.release(a);

        Term b = lease.acquire("node-b").orElseThrow();
        assertEquals(a.generation() + 1, b.generation());
        lease.release(a); // a stale release changes nothing
        assertEquals("node-b", lease.holder().orElseThrow().owner());
    }

    @Test
    void leasesOfDifferentNamesAreIndependent() {
        Term relay = new Lease(database, "relay", LONG).acquire("node-a").orElseThrow();
        Term other = new Lease(database, "other", LONG).acquire("node-b").orElseThrow();

        assertEquals(1, relay.generation());
        assertEquals(1, other.generation());
    }

    @Test
    void ofManyNodesAskingAtOnceExactlyOneGetsIt() throws Exception {
        Lease lease = new Lease(database, "relay", LONG);
        int nodes = 8;
        CountDownLatch ready = new CountDownLatch(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<Optional<Term>>> answers = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                String owner = "node-" + n;
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return lease.acquire(owner);
                }));
            }
            List<Term> granted = new ArrayList<>();
            for (Future<Optional<Term>> answer : answers) {
                answer.get().ifPresent(granted::add);
            }
            assertEquals(1, granted.size(), "granted: " + granted);
            assertEquals(granted.get(0).owner(), lease.holder().orElseThrow().owner());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void heldListsTheLiveLeasesOfAPrefixOnly() throws Exception {
        Lease a = new Lease(database, "node:a", LONG);
        Lease b = new Lease(database, "node:b", SHORT);
        Lease released = new Lease(database, "node:c", LONG);
        a.acquire("a/1").orElseThrow();
        Term bTerm = b.acquire("b/1").orElseThrow();
        released.release(released.acquire("c/1").orElseThrow());
        new Lease(database, "relay", LONG).acquire("a/1").orElseThrow();
        new Lease(database, "nodeless", LONG).acquire("x").orElseThrow();

        assertEquals(
                List.of("node:a", "node:b"),
                List.copyOf(Lease.held(database, "node:").keySet()));
        assertEquals("a/1", Lease.held(database, "node:").get("node:a").owner());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (bTerm.valid() || Lease.held(database, "node:").containsKey("node:b")) { // b expires by itself
            assertTrue(System.nanoTime() < deadline, "node:b still held after 10 s");
            Thread.sleep(20);
        }
        assertEquals(
                List.of("node:a"), List.copyOf(Lease.held(database, "node:").keySet()));
        assertEquals(Map.of(), Lease.held(database, "node_"), "a prefix is literal: _ is no wildcard");
    }

    private static Term await(Callable<Optional<Term>> attempt) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Term> term = attempt.call();
            if (term.isPresent()) {
                return term.get();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("not granted within 10 s");
    }
}
