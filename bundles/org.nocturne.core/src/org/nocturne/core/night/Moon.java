package org.nocturne.core.night;

import org.jastronomy.jsofa.JSOFA;
import org.jastronomy.jsofa.JSOFA.SphericalCoordinate;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObserverSite;

/**
 * The Moon at one instant, seen from the centre of the Earth; {@link #seenFrom(ObserverSite)} gives the place from a
 * site, where the parallax (up to 1°) matters for the altitude.
 *
 * <p>Astronomy: the Moon's position is SOFA's {@code jauMoon98} (Meeus' truncated ELP-2000/82, good to about 10″ and a
 * few kilometres), the Sun's is SOFA's {@code jauEpv00} with aberration, and the apparent place uses the IAU 2000B
 * precession–nutation (within 1 mas of 2000A). The Moon needs no aberration of its own: it moves with the Earth; its
 * light time (1.3 s, under 1″) is left out, as in Meeus. Good to about 10″ in position, far better than the 0.1° that
 * a separation needs.
 *
 * <p>Immutable and thread-safe. One instance costs about 0.1 ms.
 */
public final class Moon {

    /** Mean radius of the Moon, km (IAU). */
    static final double RADIUS_KM = 1737.4;
    /** IAU 2006 obliquity of the ecliptic at J2000.0, radians. */
    private static final double OBLIQUITY_J2000 = 84381.406 * JSOFA.DAS2R;
    private static final double[] ECLIPTIC_POLE = { 0.0, -Math.sin(OBLIQUITY_J2000), Math.cos(OBLIQUITY_J2000) };

    private final AstroTime time;
    private final EarthOrientation earth;
    private final GeocentricEphemeris ephemeris;

    private Moon(AstroTime time, EarthOrientation earth, GeocentricEphemeris ephemeris) {
        this.time = time;
        this.earth = earth;
        this.ephemeris = ephemeris;
    }

    /** The Moon at the given instant. */
    public static Moon at(AstroTime time) {
        return new Moon(time, EarthOrientation.at(time), GeocentricEphemeris.at(time));
    }

    public AstroTime time() {
        return time;
    }

    /** Geocentric direction on ICRS (GCRS) axes: the astrometric place, for comparing with catalog positions. */
    public Equatorial geocentricIcrs() {
        return toEquatorial(ephemeris.moonAu());
    }

    /** Geocentric apparent place, true equator and equinox of date ("JNow"), as almanacs tabulate it. */
    public Equatorial geocentricApparent() {
        return toEquatorial(earth.toTrueOfDate(ephemeris.moonAu()));
    }

    /** Distance between the centres of the Earth and the Moon, km. */
    public double distanceKm() {
        return JSOFA.jauPm(ephemeris.moonAu()) * JSOFA.DAU / 1000.0;
    }

    /** Geocentric angle between the Sun and the Moon, degrees [0, 180]. */
    public double elongationDegrees() {
        return Math.toDegrees(JSOFA.jauSepp(ephemeris.sunAu(), ephemeris.moonAu()));
    }

    /** Angle Sun–Moon–Earth, degrees [0, 180]: 0 at full Moon, 180 at new Moon. */
    public double phaseAngleDegrees() {
        double[] moonToSun = JSOFA.jauPmp(ephemeris.sunAu(), ephemeris.moonAu());
        double[] moonToEarth = JSOFA.jauSxp(-1.0, ephemeris.moonAu());
        return Math.toDegrees(JSOFA.jauSepp(moonToSun, moonToEarth));
    }

    /** Illuminated fraction of the disk, (1 + cos i) / 2 with i the phase angle (Meeus, eq. 48.1): 0 new, 1 full. */
    public double illuminatedFraction() {
        return (1.0 + Math.cos(Math.toRadians(phaseAngleDegrees()))) / 2.0;
    }

    /** True while the Moon stands east of the Sun in ecliptic longitude (from new to full Moon). */
    public boolean isWaxing() {
        return JSOFA.jauPdp(JSOFA.jauPxp(ephemeris.sunAu(), ephemeris.moonAu()), ECLIPTIC_POLE) > 0;
    }

    /** Angle between the Moon's centre seen from the geocentre and a direction given on ICRS axes, degrees. */
    public double separationDegrees(Equatorial icrs) {
        return Math.toDegrees(JSOFA.jauSepp(ephemeris.moonAu(), JSOFA.jauS2c(icrs.raRadians(), icrs.decRadians())));
    }

    /** The Moon as seen from a site: topocentric place, altitude with parallax and refraction, azimuth. */
    public TopocentricMoon seenFrom(ObserverSite site) {
        double[] fromSite = JSOFA.jauPmp(ephemeris.moonAu(), earth.sitePositionAu(site));
        double distanceKm = JSOFA.jauPm(fromSite) * JSOFA.DAU / 1000.0;
        Equatorial apparent = toEquatorial(earth.toTrueOfDate(fromSite));
        double hourAngle = JSOFA.jauAnpm(earth.localSiderealRadians(site) - apparent.raRadians());
        double latitude = Math.toRadians(site.latitudeDegrees());
        double dec = apparent.decRadians();
        double sinAltitude = Math.sin(latitude) * Math.sin(dec) + Math.cos(latitude) * Math.cos(dec) * Math.cos(hourAngle);
        double geometricAltitude = Math.toDegrees(Math.asin(Math.max(-1.0, Math.min(1.0, sinAltitude))));
        double azimuth = Math.atan2(-Math.cos(dec) * Math.sin(hourAngle),
                Math.sin(dec) * Math.cos(latitude) - Math.cos(dec) * Math.cos(hourAngle) * Math.sin(latitude));
        return new TopocentricMoon(toEquatorial(fromSite), apparent, distanceKm, Math.toDegrees(hourAngle) / 15.0, geometricAltitude,
                new Refraction(site).observedFromGeometric(geometricAltitude), Math.toDegrees(JSOFA.jauAnp(azimuth)),
                Math.toDegrees(Math.asin(RADIUS_KM / distanceKm)));
    }

    private static Equatorial toEquatorial(double[] vector) {
        SphericalCoordinate spherical = JSOFA.jauC2s(vector);
        return new Equatorial(JSOFA.jauAnp(spherical.alpha), spherical.delta);
    }
}
