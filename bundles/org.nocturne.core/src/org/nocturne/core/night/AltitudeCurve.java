package org.nocturne.core.night;

import java.time.Instant;

/**
 * Observed altitudes of one fixed object at the samples of a {@link NightSky} (see {@link NightSky#samples()}), from
 * sunset to sunrise. Immutable and thread-safe.
 */
public final class AltitudeCurve {

    private final long[] epochMillis;
    private final double[] altitudesDegrees;

    /** Both arrays are kept as they are: the caller hands them over and never writes to them again. */
    AltitudeCurve(long[] epochMillis, double[] altitudesDegrees) {
        this.epochMillis = epochMillis;
        this.altitudesDegrees = altitudesDegrees;
    }

    public int size() {
        return altitudesDegrees.length;
    }

    public Instant time(int index) {
        return Instant.ofEpochMilli(epochMillis[index]);
    }

    /** Observed altitude at one sample, refraction included, degrees. */
    public double altitudeDegrees(int index) {
        return altitudesDegrees[index];
    }

    /** All altitudes, in sample order, degrees (a copy). */
    public double[] altitudesDegrees() {
        return altitudesDegrees.clone();
    }
}
