package org.nocturne.core.night;

import org.jastronomy.jsofa.JSOFA;
import org.nocturne.core.sky.Equatorial;

/**
 * The Moon as seen from one site at one instant (see {@link Moon#seenFrom}). Parallax is included (it lowers the Moon
 * by up to 1° near the horizon); the accuracy is that of {@link Moon}, about 10″, plus refraction in
 * {@link #altitudeDegrees}.
 *
 * @param icrs direction from the site on ICRS (GCRS) axes, for separations from catalog positions
 * @param apparent topocentric apparent place, true equator and equinox of date
 * @param distanceKm distance from the site to the Moon's centre, km
 * @param hourAngleHours local hour angle of the apparent place, hours (−12, 12], negative east of the meridian
 * @param geometricAltitudeDegrees altitude of the centre without refraction, degrees
 * @param altitudeDegrees observed altitude of the centre, refraction for a standard atmosphere included, degrees
 * @param azimuthDegrees azimuth, north through east, degrees [0, 360)
 * @param semidiameterDegrees apparent radius of the disk from the site, degrees (about 0.25°)
 */
public record TopocentricMoon(Equatorial icrs, Equatorial apparent, double distanceKm, double hourAngleHours,
        double geometricAltitudeDegrees, double altitudeDegrees, double azimuthDegrees, double semidiameterDegrees) {

    /** Angle between the Moon's centre seen from the site and a direction given on ICRS axes, degrees [0, 180]. */
    public double separationDegrees(Equatorial other) {
        return Math.toDegrees(JSOFA.jauSeps(icrs.raRadians(), icrs.decRadians(), other.raRadians(), other.decRadians()));
    }
}
