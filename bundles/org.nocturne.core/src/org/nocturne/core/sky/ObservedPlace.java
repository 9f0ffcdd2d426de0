package org.nocturne.core.sky;

/**
 * Where a body stands for an observer at one instant.
 *
 * @param apparent apparent place, equinox-based ("JNow"), as seen from the site (for a star the same as the
 *            geocentric one to a fraction of an arc-second): what a mount that works in JNow expects
 * @param hourAngleHours local hour angle of the apparent place, in hours (−12, 12]; negative east of the meridian
 * @param altitudeDegrees observed altitude above the horizon, refraction included, in degrees
 * @param azimuthDegrees observed azimuth, north through east, in degrees [0, 360)
 */
public record ObservedPlace(Equatorial apparent, double hourAngleHours, double altitudeDegrees, double azimuthDegrees) {

    /** Ratio of a mean solar day to a mean sidereal day. */
    private static final double SIDEREAL_PER_SOLAR = 1.00273790935;

    /** Clock (solar) hours until the body next crosses the meridian, 0 when it is on it. */
    public double hoursToMeridian() {
        double siderealHours = hourAngleHours <= 0 ? -hourAngleHours : 24.0 - hourAngleHours;
        return siderealHours / SIDEREAL_PER_SOLAR;
    }
}
