package org.nocturne.device.lx200;

/**
 * The four manual-motion speeds of an LX200 hand controller, chosen with :RG#, :RC#, :RM# and :RS# before a :Mn#,
 * :Ms#, :Me# or :Mw#. The protocol cannot read what they are on a given mount; the figures here are nominal (guide:
 * the guide rate setting; centering 16× sidereal; find 1°/s; slew 4°/s), and {@link #nearest} picks the one
 * nearest a requested rate on a logarithmic scale (so 0.03°/s is centering, 0.5°/s find). One speed applies to both
 * axes: moving the second axis at another speed would change the first's, so the driver refuses that.
 */
enum Lx200MoveRate {
    GUIDE(":RG#"), CENTERING(":RC#"), FIND(":RM#"), SLEW(":RS#");

    /** The sidereal rate in degrees per second. */
    static final double SIDEREAL_DEGREES_PER_SECOND = 15.041 / 3600;

    private final String command;

    Lx200MoveRate(String command) {
        this.command = command;
    }

    /** The command that selects this speed; answers nothing. */
    String command() {
        return command;
    }

    /** Nominal speed in degrees per second, for a mount whose guide rate is {@code guideRateSidereal}. */
    double degreesPerSecond(double guideRateSidereal) {
        return switch (this) {
            case GUIDE -> guideRateSidereal * SIDEREAL_DEGREES_PER_SECOND;
            case CENTERING -> 16 * SIDEREAL_DEGREES_PER_SECOND;
            case FIND -> 1.0;
            case SLEW -> 4.0;
        };
    }

    /** The speed nearest {@code degreesPerSecond} (positive) on a logarithmic scale. */
    static Lx200MoveRate nearest(double degreesPerSecond, double guideRateSidereal) {
        Lx200MoveRate best = GUIDE;
        double bestDistance = Double.MAX_VALUE;
        for (Lx200MoveRate rate : values()) {
            double distance = Math.abs(Math.log(degreesPerSecond / rate.degreesPerSecond(guideRateSidereal)));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = rate;
            }
        }
        return best;
    }
}
