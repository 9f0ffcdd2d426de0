package org.nocturne.solver.builtin;

import java.time.Duration;

/**
 * The time and the permission one solve attempt has: the search loops call {@link #check} often, which throws
 * {@link Stopped} once the attempt is cancelled or its time limit has passed. {@link #cancel} may be called from any
 * thread; the other methods belong to the attempt's thread.
 */
final class Budget {

    /** Thrown by {@link #check} to unwind a search that must stop. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    private final Duration limit;
    private volatile boolean cancelled;

    Budget(Duration limit) {
        this.limit = limit;
        this.deadlineNanos = startNanos + Math.min(limit.toNanos(), Long.MAX_VALUE / 4);
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    boolean timedOut() {
        return System.nanoTime() - deadlineNanos > 0;
    }

    /** @throws Stopped when the attempt is cancelled or out of time */
    void check() {
        if (cancelled || timedOut()) {
            throw new Stopped();
        }
    }

    Duration limit() {
        return limit;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
