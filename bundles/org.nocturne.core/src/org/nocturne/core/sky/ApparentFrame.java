package org.nocturne.core.sky;

import org.jastronomy.jsofa.JSOFA;
import org.jastronomy.jsofa.JSOFA.SphericalCoordinate;

/**
 * Converts between ICRS (J2000) places and geocentric apparent places of date, equinox-based ("JNow": what mounts
 * that work in JNow and the local apparent sidereal time use), with SOFA: precession-nutation IAU 2006/2000A,
 * aberration and light deflection (jauAtci13 / jauAtic13 and the equation of the origins). A star's place is taken
 * without proper motion or parallax. About 1 ms a call; immutable helpers, thread-safe.
 */
public final class ApparentFrame {

    private ApparentFrame() {
    }

    /** The apparent place of date of an ICRS direction. */
    public static Equatorial fromIcrs(Equatorial icrs, AstroTime time) {
        JSOFA.SphericalCoordinateEO cirs = JSOFA.jauAtci13(icrs.raRadians(), icrs.decRadians(), 0, 0, 0, 0, time.tt1(), time.tt2());
        return new Equatorial(JSOFA.jauAnp(cirs.pos.alpha - cirs.eo), cirs.pos.delta);
    }

    /** The ICRS direction whose apparent place of date is {@code apparent}. */
    public static Equatorial toIcrs(Equatorial apparent, AstroTime time) {
        double equationOfOrigins = JSOFA.jauEo06a(time.tt1(), time.tt2());
        SphericalCoordinate icrs = JSOFA.jauAtic13(JSOFA.jauAnp(apparent.raRadians() + equationOfOrigins), apparent.decRadians(),
                time.tt1(), time.tt2()).pos;
        return new Equatorial(JSOFA.jauAnp(icrs.alpha), icrs.delta);
    }
}
