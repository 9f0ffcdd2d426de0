package org.nocturne.device.alpaca.server;

/**
 * Something that moves at a finite speed from one position to another (a focuser's draw tube, a wheel, a rotator,
 * a cover): where it is at any moment, in real time. Thread-safe.
 */
final class Travel {

    private final double speedPerSecond;
    private double from;
    private double to;
    private long startNanos;

    Travel(double position, double speedPerSecond) {
        this.from = position;
        this.to = position;
        this.speedPerSecond = speedPerSecond;
        this.startNanos = System.nanoTime();
    }

    synchronized double position() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double travelled = seconds * speedPerSecond;
        double distance = to - from;
        return Math.abs(distance) <= travelled ? to : from + Math.signum(distance) * travelled;
    }

    synchronized boolean moving() {
        return position() != to;
    }

    synchronized double target() {
        return to;
    }

    synchronized void moveTo(double target) {
        from = position();
        to = target;
        startNanos = System.nanoTime();
    }

    synchronized void halt() {
        from = position();
        to = from;
        startNanos = System.nanoTime();
    }

    /** Sets the position at once (a sync). */
    synchronized void set(double position) {
        from = position;
        to = position;
        startNanos = System.nanoTime();
    }
}
