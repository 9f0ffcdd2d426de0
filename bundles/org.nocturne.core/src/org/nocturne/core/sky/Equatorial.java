package org.nocturne.core.sky;

/**
 * A direction in equatorial coordinates. The frame (ICRS/J2000 or apparent "JNow") is stated where a value is
 * produced or consumed; this record only carries the two angles.
 *
 * @param raRadians right ascension in radians, [0, 2π)
 * @param decRadians declination in radians, [-π/2, π/2]
 */
public record Equatorial(double raRadians, double decRadians) {

    /** @throws IllegalArgumentException when the declination is outside ±90° or a value is not finite */
    public Equatorial {
        if (!Double.isFinite(raRadians) || !Double.isFinite(decRadians)) {
            throw new IllegalArgumentException("Coordinates must be finite numbers");
        }
        if (Math.abs(decRadians) > Math.PI / 2 + 1e-12) {
            throw new IllegalArgumentException("Declination " + Math.toDegrees(decRadians) + "° is outside ±90°");
        }
        raRadians = ((raRadians % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    }

    /** From right ascension in hours and declination in degrees. */
    public static Equatorial ofHoursDegrees(double raHours, double decDegrees) {
        return new Equatorial(raHours * Math.PI / 12.0, Math.toRadians(decDegrees));
    }

    public double raHours() {
        return raRadians * 12.0 / Math.PI;
    }

    public double decDegrees() {
        return Math.toDegrees(decRadians);
    }

    /** The angle on the sky between this direction and {@code other}, in degrees (Vincenty's formula: exact at 0° and 180°). */
    public double separationDegrees(Equatorial other) {
        double deltaRa = other.raRadians - raRadians;
        double sin1 = Math.sin(decRadians);
        double cos1 = Math.cos(decRadians);
        double sin2 = Math.sin(other.decRadians);
        double cos2 = Math.cos(other.decRadians);
        double a = cos2 * Math.sin(deltaRa);
        double b = cos1 * sin2 - sin1 * cos2 * Math.cos(deltaRa);
        double c = sin1 * sin2 + cos1 * cos2 * Math.cos(deltaRa);
        return Math.toDegrees(Math.atan2(Math.hypot(a, b), c));
    }
}
