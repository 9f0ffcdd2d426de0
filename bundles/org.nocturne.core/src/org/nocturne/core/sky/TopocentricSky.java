package org.nocturne.core.sky;

import org.jastronomy.jsofa.JSOFA;
import org.jastronomy.jsofa.JSOFA.Astrom;
import org.jastronomy.jsofa.JSOFA.ObservedPosition;
import org.jastronomy.jsofa.JSOFA.SphericalCoordinate;
import org.jastronomy.jsofa.JSOFAIllegalParameter;
import org.jastronomy.jsofa.JSOFAInternalError;

/**
 * The sky as seen from one observing site: sidereal time, where a catalog star stands, where the Sun stands.
 * All astrometry is IAU SOFA (through jsofa): ICRS → apparent place with precession-nutation IAU 2006/2000A,
 * aberration and light deflection; observed place with refraction for a standard atmosphere at the site's elevation.
 *
 * <p>Accuracy: stars to well under an arc-second apart from UT1 = UTC (see {@link AstroTime}: up to 13.5″ in hour
 * angle) and polar motion taken as zero; the Sun, whose place is topocentric (parallax up to 8.8″ included), to an
 * arc-second or two.
 * Immutable and thread-safe. Each call builds SOFA's star-independent context once (one IAU 2000A nutation series,
 * about 1.3 ms on a 2-core CI machine, timed in a loop); code that places many stars at one instant should share
 * that context instead.
 */
public final class TopocentricSky {

    private static final double TEMPERATURE_CELSIUS = 10.0;
    private static final double RELATIVE_HUMIDITY = 0.5;
    private static final double WAVELENGTH_MICRONS = 0.55;

    private final ObserverSite site;
    private final double longitudeRadians;
    private final double latitudeRadians;
    private final double pressureHectopascals;

    public TopocentricSky(ObserverSite site) {
        this.site = site;
        this.longitudeRadians = Math.toRadians(site.longitudeDegrees());
        this.latitudeRadians = Math.toRadians(site.latitudeDegrees());
        // Standard atmosphere scaled to the site's elevation, as in SOFA's astrometry cookbook.
        this.pressureHectopascals = 1013.25 * Math.exp(-site.elevationMeters() / (29.3 * (TEMPERATURE_CELSIUS + 273.15)));
    }

    public ObserverSite site() {
        return site;
    }

    /** Local apparent sidereal time in hours [0, 24). */
    public double localSiderealTimeHours(AstroTime time) {
        return JSOFA.jauAnp(time.greenwichApparentSiderealTime() + longitudeRadians) * 12.0 / Math.PI;
    }

    /** Where a star of the ICRS (J2000) catalog stands now, assuming no proper motion or parallax. */
    public ObservedPlace observe(Equatorial icrs, AstroTime time) {
        Astrom astrom = new Astrom();
        double equationOfOrigins = context(time, astrom);
        SphericalCoordinate cirs = JSOFA.jauAtciq(icrs.raRadians(), icrs.decRadians(), 0, 0, 0, 0, astrom);
        return place(cirs, equationOfOrigins, astrom, time);
    }

    /**
     * Where the Sun stands now: its direction from the observer (SOFA's Earth ephemeris, EPV00, so parallax is
     * included) with aberration, rotated into the intermediate frame. SOFA's light-deflection step is skipped: it is undefined for the
     * Sun itself.
     */
    public ObservedPlace observeSun(AstroTime time) {
        Astrom astrom = new Astrom();
        double equationOfOrigins = context(time, astrom);
        double[] towardsSun = { -astrom.eh[0], -astrom.eh[1], -astrom.eh[2] };
        double[] aberrated = JSOFA.jauAb(towardsSun, astrom.v, astrom.em, astrom.bm1);
        SphericalCoordinate cirs = JSOFA.jauC2s(JSOFA.jauRxp(astrom.bpn, aberrated));
        return place(cirs, equationOfOrigins, astrom, time);
    }

    /** Fills SOFA's star-independent context for this site and instant; returns the equation of the origins. */
    private double context(AstroTime time, Astrom astrom) {
        try {
            return JSOFA.jauApco13(time.utc1(), time.utc2(), 0.0, longitudeRadians, latitudeRadians, site.elevationMeters(),
                    0, 0, pressureHectopascals, TEMPERATURE_CELSIUS, RELATIVE_HUMIDITY, WAVELENGTH_MICRONS, astrom);
        } catch (JSOFAIllegalParameter | JSOFAInternalError e) {
            throw new IllegalArgumentException("Cannot compute sky positions at " + time.instant() + ": " + e.getMessage(), e);
        }
    }

    private ObservedPlace place(SphericalCoordinate cirs, double equationOfOrigins, Astrom astrom, AstroTime time) {
        Equatorial apparent = new Equatorial(JSOFA.jauAnp(cirs.alpha - equationOfOrigins), cirs.delta);
        ObservedPosition observed = JSOFA.jauAtioq(JSOFA.jauAnp(cirs.alpha), cirs.delta, astrom);
        double hourAngle = JSOFA.jauAnpm(localSiderealTimeHours(time) * Math.PI / 12.0 - apparent.raRadians());
        return new ObservedPlace(apparent, hourAngle * 12.0 / Math.PI, 90.0 - Math.toDegrees(observed.zob),
                Math.toDegrees(JSOFA.jauAnp(observed.aob)));
    }
}
