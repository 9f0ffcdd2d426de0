package org.nocturne.core.sky;

/**
 * The star near each celestial pole that a polar scope is aligned on, and where it shows around the pole.
 *
 * <p>Clock positions are as on a watch face seen by the user: 12 is up (towards the zenith), 3 is right. Facing the
 * pole with the naked eye, stars turn anticlockwise around the north pole and clockwise around the south pole; a polar
 * scope that inverts the image turns every position by six hours.
 */
public enum PoleStar {
    /** α UMi, ICRS position from Hipparcos (HIP 11767). */
    POLARIS("Polaris", Equatorial.ofHoursDegrees(2.0 + 31.0 / 60 + 49.09 / 3600, 89.0 + 15.0 / 60 + 50.79 / 3600), false),
    /** σ Oct, ICRS position from Hipparcos (HIP 104382). */
    SIGMA_OCTANTIS("σ Octantis", Equatorial.ofHoursDegrees(21.0 + 8.0 / 60 + 46.86 / 3600, -(88.0 + 57.0 / 60 + 23.4 / 3600)), true);

    private final String label;
    private final Equatorial icrs;
    private final boolean southern;

    PoleStar(String label, Equatorial icrs, boolean southern) {
        this.label = label;
        this.icrs = icrs;
        this.southern = southern;
    }

    /** The pole star for an observer's hemisphere. */
    public static PoleStar forSite(ObserverSite site) {
        return site.isSouthern() ? SIGMA_OCTANTIS : POLARIS;
    }

    public String label() {
        return label;
    }

    /** ICRS (J2000) position. */
    public Equatorial icrs() {
        return icrs;
    }

    /**
     * Clock position of the star around the pole, for the naked eye facing the pole, in hours [0, 12): at hour
     * angle 0 the star stands above the pole (12 o'clock).
     */
    public double nakedEyeClock(double hourAngleHours) {
        double turn = southern ? hourAngleHours / 2.0 : -hourAngleHours / 2.0;
        return ((turn % 12.0) + 12.0) % 12.0;
    }

    /** Clock position in a polar scope that inverts the image (most do): the naked-eye position turned by six hours. */
    public double invertedScopeClock(double hourAngleHours) {
        return (nakedEyeClock(hourAngleHours) + 6.0) % 12.0;
    }
}
