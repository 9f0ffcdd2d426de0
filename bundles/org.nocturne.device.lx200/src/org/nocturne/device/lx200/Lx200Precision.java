package org.nocturne.device.lx200;

/**
 * How finely an LX200 mount writes and reads coordinates.
 * <ul>
 * <li>{@link #LOW}: HH:MM.T (a tenth of a minute of time, 6 s) and sDD*MM (1′), the classic default.</li>
 * <li>{@link #HIGH}: HH:MM:SS (1 s of time, 15″ on the equator) and sDD*MM:SS (1″), after :U#.</li>
 * <li>{@link #ULTRA}: HH:MM:SS.SS (0.01 s) and sDD*MM:SS.S (0.1″), the 10Micron extension after :U2#.</li>
 * </ul>
 */
enum Lx200Precision {
    LOW(3, 30),
    HIGH(0.5, 0.5),
    ULTRA(0.005, 0.05);

    private final double raHalfStepSeconds;
    private final double decHalfStepArcsec;

    Lx200Precision(double raHalfStepSeconds, double decHalfStepArcsec) {
        this.raHalfStepSeconds = raHalfStepSeconds;
        this.decHalfStepArcsec = decHalfStepArcsec;
    }

    /** The largest rounding error of a right ascension in this precision, in seconds of time. */
    double raRoundingSeconds() {
        return raHalfStepSeconds;
    }

    /** The largest rounding error of a declination in this precision, in arc-seconds. */
    double decRoundingArcsec() {
        return decHalfStepArcsec;
    }
}
