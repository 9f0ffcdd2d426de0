package org.nocturne.core.night;

import org.jastronomy.jsofa.JSOFA;
import org.jastronomy.jsofa.JSOFAIllegalParameter;
import org.jastronomy.jsofa.JSOFAInternalError;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.ObserverSite;

/**
 * How the Earth is turned at one instant: the bias–precession–nutation matrix that takes vectors on ICRS (GCRS) axes
 * to the true equator and equinox of date, IAU 2000B (within 1 mas of IAU 2006/2000A and a tenth of its cost), and
 * Greenwich apparent sidereal time. As in {@link AstroTime}, UT1 is taken equal to UTC and polar motion as zero.
 *
 * <p>Immutable and thread-safe: the matrix never leaves this class.
 */
final class EarthOrientation {

    private final double[][] precessionNutation;
    private final double greenwichSiderealRadians;

    private EarthOrientation(double[][] precessionNutation, double greenwichSiderealRadians) {
        this.precessionNutation = precessionNutation;
        this.greenwichSiderealRadians = greenwichSiderealRadians;
    }

    static EarthOrientation at(AstroTime time) {
        double[][] matrix = JSOFA.jauPnm00b(time.tt1(), time.tt2());
        return new EarthOrientation(matrix, JSOFA.jauGst06(time.ut11(), time.ut12(), time.tt1(), time.tt2(), matrix));
    }

    /** Local apparent sidereal time of the site, in radians [0, 2π). */
    double localSiderealRadians(ObserverSite site) {
        return JSOFA.jauAnp(greenwichSiderealRadians + Math.toRadians(site.longitudeDegrees()));
    }

    /** A vector on ICRS axes, expressed in the true equator and equinox of date (a new array). */
    double[] toTrueOfDate(double[] icrs) {
        return JSOFA.jauRxp(precessionNutation, icrs);
    }

    /** Unit vector towards the site's zenith (the normal to the WGS84 ellipsoid), on ICRS axes. */
    double[] zenith(ObserverSite site) {
        double localSidereal = localSiderealRadians(site);
        double latitude = Math.toRadians(site.latitudeDegrees());
        double[] ofDate = { Math.cos(latitude) * Math.cos(localSidereal), Math.cos(latitude) * Math.sin(localSidereal), Math.sin(latitude) };
        return JSOFA.jauTrxp(precessionNutation, ofDate);
    }

    /** Position of the site seen from the centre of the Earth, in au, on ICRS axes. */
    double[] sitePositionAu(ObserverSite site) {
        try {
            double[][] ofDate = JSOFA.jauPvtob(Math.toRadians(site.longitudeDegrees()), Math.toRadians(site.latitudeDegrees()),
                    site.elevationMeters(), 0, 0, 0, greenwichSiderealRadians);
            return JSOFA.jauTrxp(precessionNutation, JSOFA.jauSxp(1.0 / JSOFA.DAU, ofDate[0]));
        } catch (JSOFAIllegalParameter | JSOFAInternalError e) {
            throw new IllegalArgumentException("Cannot place " + site.name() + " on the WGS84 ellipsoid: " + e.getMessage(), e);
        }
    }
}
