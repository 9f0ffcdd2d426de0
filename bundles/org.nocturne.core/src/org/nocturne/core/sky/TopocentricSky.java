package org.nocturne.core.sky;

import org.jastronomy.jsofa.JSOFA;
import org.jastronomy.jsofa.JSOFA.ObservedPosition;
import org.jastronomy.jsofa.JSOFA.ObservedPositionEO;
import org.jastronomy.jsofa.JSOFA.SphericalCoordinate;
import org.jastronomy.jsofa.JSOFA.SphericalCoordinateEO;
import org.jastronomy.jsofa.JSOFAIllegalParameter;
import org.jastronomy.jsofa.JSOFAInternalError;

/**
 * The sky as seen from one observing site: sidereal time, where a catalog star stands, where the Sun stands.
 * All astrometry is IAU SOFA (through jsofa): ICRS → apparent place with precession-nutation IAU 2006/2000A,
 * aberration and light deflection; observed place with refraction for a standard atmosphere at the site's elevation.
 *
 * <p>Accuracy: stars to well under an arc-second apart from UT1 = UTC (see {@link AstroTime}, up to 13.5″ in hour
 * angle) and polar motion taken as zero; the Sun to about 30″ (its annual aberration is not applied).
 * Immutable and thread-safe; each call costs some tens of microseconds.
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

    /**
     * Where a star of the ICRS (J2000) catalog stands now, assuming no proper motion or parallax.
     */
    public ObservedPlace observe(Equatorial icrs, AstroTime time) {
        SphericalCoordinateEO cirs = JSOFA.jauAtci13(icrs.raRadians(), icrs.decRadians(), 0, 0, 0, 0, time.tt1(), time.tt2());
        Equatorial apparent = new Equatorial(JSOFA.jauAnp(cirs.pos.alpha - cirs.eo), cirs.pos.delta);
        ObservedPositionEO observed;
        try {
            observed = JSOFA.jauAtco13(icrs.raRadians(), icrs.decRadians(), 0, 0, 0, 0, time.utc1(), time.utc2(), 0.0,
                    longitudeRadians, latitudeRadians, site.elevationMeters(), 0, 0, pressureHectopascals,
                    TEMPERATURE_CELSIUS, RELATIVE_HUMIDITY, WAVELENGTH_MICRONS);
        } catch (JSOFAIllegalParameter | JSOFAInternalError e) {
            throw new IllegalArgumentException("Cannot compute the observed place at " + time.instant() + ": " + e.getMessage(), e);
        }
        return place(apparent, observed.op, time);
    }

    /**
     * Where the Sun stands now. The geocentric direction comes from jsofa's Earth ephemeris (EPV00) and is turned into
     * the observed frame without the light-deflection step, which is undefined for the Sun itself.
     */
    public ObservedPlace observeSun(AstroTime time) {
        double[][] heliocentricEarth = new double[2][3];
        double[][] barycentricEarth = new double[2][3];
        JSOFA.jauEpv00(time.tt1(), time.tt2(), heliocentricEarth, barycentricEarth);
        double[] towardsSun = { -heliocentricEarth[0][0], -heliocentricEarth[0][1], -heliocentricEarth[0][2] };
        double[] cirsVector = JSOFA.jauRxp(JSOFA.jauC2i06a(time.tt1(), time.tt2()), towardsSun);
        SphericalCoordinate cirs = JSOFA.jauC2s(cirsVector);
        double equationOfOrigins = JSOFA.jauEo06a(time.tt1(), time.tt2());
        Equatorial apparent = new Equatorial(JSOFA.jauAnp(cirs.alpha - equationOfOrigins), cirs.delta);
        ObservedPosition observed;
        try {
            observed = JSOFA.jauAtio13(JSOFA.jauAnp(cirs.alpha), cirs.delta, time.utc1(), time.utc2(), 0.0,
                    longitudeRadians, latitudeRadians, site.elevationMeters(), 0, 0, pressureHectopascals,
                    TEMPERATURE_CELSIUS, RELATIVE_HUMIDITY, WAVELENGTH_MICRONS);
        } catch (JSOFAIllegalParameter | JSOFAInternalError e) {
            throw new IllegalArgumentException("Cannot compute the Sun's place at " + time.instant() + ": " + e.getMessage(), e);
        }
        return place(apparent, observed, time);
    }

    private ObservedPlace place(Equatorial apparent, ObservedPosition observed, AstroTime time) {
        double hourAngle = JSOFA.jauAnpm(localSiderealTimeHours(time) * Math.PI / 12.0 - apparent.raRadians());
        return new ObservedPlace(apparent, hourAngle * 12.0 / Math.PI, 90.0 - Math.toDegrees(observed.zob),
                Math.toDegrees(JSOFA.jauAnp(observed.aob)));
    }
}
