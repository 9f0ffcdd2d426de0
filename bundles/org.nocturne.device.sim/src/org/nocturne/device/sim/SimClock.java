package org.nocturne.device.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's clock: simulated time runs {@link #scale()} times faster than real time (1 = real time), so a
 * night fits in a test. Thread-safe.
 */
public final class SimClock {

    private Instant anchorSimulated;
    private long anchorNanos;
    private double scale;

    /**
     * @param start the simulated instant now
     * @param scale simulated seconds per real second, at least 1e-3
     */
    public SimClock(Instant start, double scale) {
        this.anchorSimulated = start;
        this.anchorNanos = System.nanoTime();
        this.scale = checked(scale);
    }

    /** The simulated instant now. */
    public synchronized Instant now() {
        return anchorSimulated.plusNanos((long) ((System.nanoTime() - anchorNanos) * scale));
    }

    public synchronized double scale() {
        return scale;
    }

    /** Changes the speed from now on; simulated time stays continuous. */
    public synchronized void setScale(double newScale) {
        anchorSimulated = now();
        anchorNanos = System.nanoTime();
        scale = checked(newScale);
    }

    /** Sleeps for a simulated duration (real time: that divided by the scale). */
    public void sleep(Duration simulated) throws InterruptedException {
        long realNanos = (long) (simulated.toNanos() / scale());
        if (realNanos > 0) {
            Thread.sleep(realNanos / 1_000_000, (int) (realNanos % 1_000_000));
        } else if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    private static double checked(double scale) {
        if (!(scale >= 1e-3 && scale <= 1e6)) {
            throw new IllegalArgumentException("Time scale " + scale + " is outside 0.001 to 1000000");
        }
        return scale;
    }
}
