package org.nocturne.core.sky;

/**
 * How dark the sky is, from the Sun's altitude, with the usual almanac limits (the centre of the Sun, refraction
 * included). Imaging of faint targets wants {@link #NIGHT}; flats at dusk want {@link #CIVIL_TWILIGHT}.
 */
public enum TwilightPhase {
    /** Sun above −0.833° (its upper limb above the horizon). */
    DAY("Day"),
    /** Sun between −0.833° and −6°. */
    CIVIL_TWILIGHT("Civil twilight"),
    /** Sun between −6° and −12°. */
    NAUTICAL_TWILIGHT("Nautical twilight"),
    /** Sun between −12° and −18°. */
    ASTRONOMICAL_TWILIGHT("Astronomical twilight"),
    /** Sun below −18°: astronomical darkness. */
    NIGHT("Astronomical darkness");

    private final String label;

    TwilightPhase(String label) {
        this.label = label;
    }

    /** The phase for a Sun altitude in degrees. */
    public static TwilightPhase of(double sunAltitudeDegrees) {
        if (sunAltitudeDegrees > -0.833) {
            return DAY;
        }
        if (sunAltitudeDegrees > -6.0) {
            return CIVIL_TWILIGHT;
        }
        if (sunAltitudeDegrees > -12.0) {
            return NAUTICAL_TWILIGHT;
        }
        return sunAltitudeDegrees > -18.0 ? ASTRONOMICAL_TWILIGHT : NIGHT;
    }

    /** A label for the user, for example "Nautical twilight". */
    public String label() {
        return label;
    }
}
