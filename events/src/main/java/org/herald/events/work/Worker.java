package org.herald.events.work;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A long-running loop on a container-managed thread: the relay and each
 * subscription run one. Its {@link Body} runs until it throws or the worker
 * stops; after a failure the worker waits (1 s, doubling to 30 s), logs once
 * per outage, and starts over with fresh resources.
 */
public final class Worker {

    /** What the worker does: runs while {@link Worker#running()}, throws to back off and start over. */
    @FunctionalInterface
    public interface Body {
        void run(Worker worker) throws Exception;
    }

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final String name;
    private final Logger log;
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile String failure;
    private final Body body;

    public Worker(String name, Logger log, Body body) {
        this.name = name;
        this.log = log;
        this.body = body;
    }

    public synchronized void start(ThreadFactory threads) {
        if (thread != null) {
            return;
        }
        running = true;
        thread = threads.newThread(this::loop);
        thread.setName(name);
        thread.start();
    }

    /** Stops the loop and waits for it to leave, at most {@code timeout}. */
    public synchronized void stop(Duration timeout) {
        Thread current = thread;
        if (current == null) {
            return;
        }
        running = false;
        wake();
        try {
            current.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (current.isAlive()) {
            log.warning(() -> name + " did not stop within " + timeout.toMillis() + " ms");
        }
        thread = null;
    }

    public boolean running() {
        return running;
    }

    /** Why the last round failed, while the worker waits to retry; {@code null} when it works. */
    public String failure() {
        return failure;
    }

    /** Wakes the loop if it waits in {@link #await}. */
    public void wake() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /**
     * Waits until woken or {@code timeout} passes. A timeout under a
     * millisecond waits one: {@code Object.wait(0)} would wait for ever (a
     * standing-by relay did, until some commit woke it).
     */
    public void await(Duration timeout) {
        synchronized (signal) {
            if (!signalled && running) {
                try {
                    signal.wait(Math.max(1, timeout.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            signalled = false;
        }
    }

    /**
     * Marks the worker as failing for {@code why} while it retries in place;
     * logged (with the cause) when it starts failing or fails for another reason.
     */
    public void failing(String why, Throwable cause) {
        if (!why.equals(failure)) {
            log.log(Level.WARNING, name + " failing, retrying in place: " + why, cause);
        }
        failure = why;
    }

    /** Marks a successful round: a worker that had failed logs that it recovered. */
    public void recovered() {
        if (failure != null) {
            failure = null;
            log.info(() -> name + " works again");
        }
    }

    private void loop() {
        Duration retry = FIRST_RETRY;
        log.info(() -> name + " started");
        while (running) {
            try {
                body.run(this);
                retry = FIRST_RETRY;
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                if (failure == null) {
                    log.log(
                            Level.WARNING,
                            name + " failed, retrying every " + retry.toSeconds() + " s or more: " + e,
                            e);
                }
                failure = String.valueOf(e.getMessage());
                await(retry);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
        log.info(() -> name + " stopped");
    }
}
