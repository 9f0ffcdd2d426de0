package org.nocturne.device.lx200;

/**
 * The mechanics behind the test responder: a mount pointing in JNow that slews at a finite speed axis by axis, tracks
 * (its RA and declination stay put) or not (its RA runs with the sky), moves at hand-controller speeds, and follows
 * guide pulses at its guide rate, all in real time. Thread-safe (every method synchronized).
 */
final class SimulatedLx200Mount {

    static final double SIDEREAL_DEGREES_PER_SECOND = 15.041 / 3600;

    private final double slewDegreesPerSecond;
    private final double guideRateSidereal;
    private double raDegrees;
    private double decDegrees;
    private boolean tracking = true;
    private boolean parked;
    private boolean parking;
    private Double targetRa;
    private Double targetDec;
    private double[] slewTo;
    private double raAxisRate;
    private double decAxisRate;
    private double moveRate;
    private double pulseRa;
    private double pulseDec;
    private long pulseEndNanos;
    private long lastNanos = System.nanoTime();

    SimulatedLx200Mount(double raHours, double decDegrees, double slewDegreesPerSecond, double guideRateSidereal) {
        this.raDegrees = raHours * 15;
        this.decDegrees = decDegrees;
        this.slewDegreesPerSecond = slewDegreesPerSecond;
        this.guideRateSidereal = guideRateSidereal;
        this.moveRate = slewDegreesPerSecond;
    }

    /** Brings the position up to now. */
    private void advance() {
        long now = System.nanoTime();
        double seconds = (now - lastNanos) / 1e9;
        if (pulseEndNanos > lastNanos) {
            double pulseSeconds = (Math.min(now, pulseEndNanos) - lastNanos) / 1e9;
            raDegrees += pulseRa * pulseSeconds / Math.cos(Math.toRadians(decDegrees));
            decDegrees = clampDec(decDegrees + pulseDec * pulseSeconds);
        }
        lastNanos = now;
        if (slewTo != null) {
            double step = slewDegreesPerSecond * seconds;
            double raLeft = Math.IEEEremainder(slewTo[0] - raDegrees, 360);
            double decLeft = slewTo[1] - decDegrees;
            raDegrees += Math.copySign(Math.min(step, Math.abs(raLeft)), raLeft);
            decDegrees += Math.copySign(Math.min(step, Math.abs(decLeft)), decLeft);
            if (Math.abs(raLeft) <= step && Math.abs(decLeft) <= step) {
                raDegrees = slewTo[0];
                decDegrees = slewTo[1];
                slewTo = null;
                if (parking) {
                    parking = false;
                    parked = true;
                    tracking = false;
                } else {
                    tracking = true;
                }
            }
        } else {
            raDegrees += raAxisRate * seconds;
            decDegrees = clampDec(decDegrees + decAxisRate * seconds);
        }
        if (!tracking) {
            raDegrees += seconds * 15 * 1.00273790935 / 3600;
        }
        raDegrees = ((raDegrees % 360) + 360) % 360;
    }

    private static double clampDec(double value) {
        return Math.max(-90, Math.min(90, value));
    }

    synchronized double raHours() {
        advance();
        return raDegrees / 15;
    }

    synchronized double decDegrees() {
        advance();
        return decDegrees;
    }

    synchronized void setTargetRa(double hours) {
        targetRa = hours * 15;
    }

    synchronized void setTargetDec(double degrees) {
        targetDec = degrees;
    }

    /** Starts a slew to the target; false when no target was set. */
    synchronized boolean slewToTarget() {
        if (targetRa == null || targetDec == null) {
            return false;
        }
        advance();
        slewTo = new double[] {targetRa, targetDec};
        return true;
    }

    synchronized Double targetDec() {
        return targetDec;
    }

    synchronized void syncToTarget() {
        advance();
        raDegrees = targetRa;
        decDegrees = targetDec;
    }

    synchronized boolean slewing() {
        advance();
        return slewTo != null;
    }

    synchronized void stop() {
        advance();
        slewTo = null;
        parking = false;
        raAxisRate = 0;
        decAxisRate = 0;
        pulseEndNanos = 0;
    }

    synchronized void setMoveRate(double degreesPerSecond) {
        moveRate = degreesPerSecond;
    }

    /**
     * Moves an axis at the move rate toward a point of the compass, as the hand controller's buttons do: 'n' and 's'
     * raise and lower the declination, 'e' moves the pointing east (its right ascension rises), 'w' west (it falls).
     */
    synchronized void move(char direction) {
        advance();
        switch (direction) {
            case 'n' -> decAxisRate = moveRate;
            case 's' -> decAxisRate = -moveRate;
            case 'e' -> raAxisRate = moveRate;
            case 'w' -> raAxisRate = -moveRate;
            default -> throw new IllegalArgumentException("direction " + direction);
        }
    }

    /** Stops the axis moving in a direction. */
    synchronized void stopMove(char direction) {
        advance();
        if (direction == 'n' || direction == 's') {
            decAxisRate = 0;
        } else {
            raAxisRate = 0;
        }
    }

    synchronized double raAxisRate() {
        return raAxisRate;
    }

    synchronized double decAxisRate() {
        return decAxisRate;
    }

    /** Starts a guide pulse at the guide rate. */
    synchronized void pulse(char direction, int millis) {
        advance();
        double rate = guideRateSidereal * SIDEREAL_DEGREES_PER_SECOND;
        pulseRa = direction == 'e' ? rate : direction == 'w' ? -rate : 0;
        pulseDec = direction == 'n' ? rate : direction == 's' ? -rate : 0;
        pulseEndNanos = System.nanoTime() + millis * 1_000_000L;
    }

    synchronized void setTracking(boolean on) {
        advance();
        tracking = on;
    }

    synchronized boolean tracking() {
        advance();
        return tracking;
    }

    /** Slews to the park position, the pole, and parks there. */
    synchronized void park() {
        advance();
        parking = true;
        slewTo = new double[] {raDegrees, 90};
    }

    /** Parked where it stands, as a 10Micron is after power-on. */
    synchronized void parkHere() {
        advance();
        parked = true;
        tracking = false;
    }

    synchronized void unpark() {
        advance();
        parked = false;
        tracking = true;
    }

    synchronized boolean parked() {
        advance();
        return parked;
    }

    synchronized boolean parking() {
        advance();
        return parking;
    }
}
