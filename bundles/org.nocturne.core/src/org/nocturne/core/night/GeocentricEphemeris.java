package org.nocturne.core.night;

import org.jastronomy.jsofa.JSOFA;
import org.nocturne.core.sky.AstroTime;

/**
 * Where the Moon and the Sun are from the centre of the Earth at one instant, on ICRS (GCRS) axes, in au, from IAU
 * SOFA through jsofa:
 * <ul>
 * <li>the Moon from {@code jauMoon98} (Meeus' truncated ELP-2000/82 series, geometric; about 10″ and a few km);</li>
 * <li>the Sun from {@code jauEpv00} with annual aberration, i.e. the direction in which it is seen (20″ from the
 * geometric one); its topocentric parallax, 8.8″ at most, is left out;</li>
 * <li>the Earth's barycentric velocity, which gives fixed objects their annual aberration.</li>
 * </ul>
 * TT stands in for TDB (they differ by under 2 ms). Immutable: the arrays never leave this package, and nothing here
 * writes to them after construction.
 */
final class GeocentricEphemeris {

    private final double[] moonAu;
    private final double[] sunAu;
    private final double[] earthVelocityOverLight;
    private final double sunDistanceAu;
    private final double inverseLorentzFactor;

    private GeocentricEphemeris(double[] moonAu, double[] sunAu, double[] earthVelocityOverLight) {
        this.moonAu = moonAu;
        this.sunAu = sunAu;
        this.earthVelocityOverLight = earthVelocityOverLight;
        this.sunDistanceAu = JSOFA.jauPm(sunAu);
        this.inverseLorentzFactor = Math.sqrt(1.0 - JSOFA.jauPdp(earthVelocityOverLight, earthVelocityOverLight));
    }

    static GeocentricEphemeris at(AstroTime time) {
        double[][] heliocentricEarth = new double[2][3];
        double[][] barycentricEarth = new double[2][3];
        JSOFA.jauEpv00(time.tt1(), time.tt2(), heliocentricEarth, barycentricEarth);
        double[] velocity = JSOFA.jauSxp(1.0 / JSOFA.DC, barycentricEarth[1]);
        double[] geometricSun = JSOFA.jauSxp(-1.0, heliocentricEarth[0]);
        double distance = JSOFA.jauPm(geometricSun);
        double inverseLorentz = Math.sqrt(1.0 - JSOFA.jauPdp(velocity, velocity));
        double[] seenSun = JSOFA.jauAb(JSOFA.jauSxp(1.0 / distance, geometricSun), velocity, distance, inverseLorentz);
        double[] moon = JSOFA.jauMoon98(time.tt1(), time.tt2())[0];
        return new GeocentricEphemeris(moon, JSOFA.jauSxp(distance, seenSun), velocity);
    }

    /** Geometric position of the Moon from the geocentre, in au (the array itself: do not modify). */
    double[] moonAu() {
        return moonAu;
    }

    /** Position of the Sun as seen from the geocentre (aberration included), in au (the array itself: do not modify). */
    double[] sunAu() {
        return sunAu;
    }

    /**
     * The direction in which a fixed object of the given ICRS unit vector is seen from the geocentre: annual
     * aberration (up to 20.5″) applied, with SOFA's {@code jauAb}. A new unit vector.
     */
    double[] aberrate(double[] icrsUnit) {
        return JSOFA.jauAb(icrsUnit, earthVelocityOverLight, sunDistanceAu, inverseLorentzFactor);
    }
}
