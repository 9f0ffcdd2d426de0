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
}
