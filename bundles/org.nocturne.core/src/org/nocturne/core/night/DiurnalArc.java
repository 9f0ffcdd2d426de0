package org.nocturne.core.night;

/**
 * The daily circle of a fixed object above one site, in closed form: sin(altitude) = sin φ sin δ + cos φ cos δ cos H,
 * with the hour angle H growing at the sidereal rate from one upper transit. Over a night the apparent place of a fixed
 * object moves by less than 1″ and sidereal time runs at a constant rate to a millisecond, so this is as exact as
 * sampling and costs a few trigonometric calls. Altitudes here are geometric (no refraction). Times are epoch
 * milliseconds. Immutable and thread-safe.
 */
final class DiurnalArc {

    /** Mean sidereal day, ms of UT1 (86 164.0905 s). */
    static final double SIDEREAL_DAY_MILLIS = 86_400_000.0 / 1.00273790935;
    /** Rate of the hour angle, radians per ms. */
    static final double RADIANS_PER_MILLI = 2.0 * Math.PI / SIDEREAL_DAY_MILLIS;

    private final double sinLatitudeSinDeclination;
    private final double cosLatitudeCosDeclination;
    private final long transitMillis;

    /**
     * @param sinLatitudeSinDeclination sin φ sin δ (geodetic latitude, apparent declination)
     * @param cosLatitudeCosDeclination cos φ cos δ, not negative
     * @param transitMillis one upper transit, epoch ms
     */
    DiurnalArc(double sinLatitudeSinDeclination, double cosLatitudeCosDeclination, long transitMillis) {
        this.sinLatitudeSinDeclination = sinLatitudeSinDeclination;
        this.cosLatitudeCosDeclination = cosLatitudeCosDeclination;
        this.transitMillis = transitMillis;
    }

    long transitMillis() {
        return transitMillis;
    }

    /** Sine of the geometric altitude at an instant. */
    double sinAltitudeAt(long millis) {
        return sinLatitudeSinDeclination + cosLatitudeCosDeclination * Math.cos((millis - transitMillis) * RADIANS_PER_MILLI);
    }

    /**
     * Half the time per sidereal day that the object spends above a geometric altitude, ms: 0 when it never gets there,
     * half a sidereal day when it never drops below.
     */
    double halfTimeAbove(double sinAltitude) {
        double cosHourAngle = (sinAltitude - sinLatitudeSinDeclination) / cosLatitudeCosDeclination;
        if (!(cosHourAngle < 1.0)) {
            return 0.0;
        }
        if (cosHourAngle <= -1.0) {
            return SIDEREAL_DAY_MILLIS / 2.0;
        }
        return Math.acos(cosHourAngle) / RADIANS_PER_MILLI;
    }

    /** The instant of highest altitude within [start, end]: a transit if one falls inside, else the higher end. */
    long highestWithin(long start, long end) {
        long transit = transitMillis + Math.round(Math.ceil((start - transitMillis) / SIDEREAL_DAY_MILLIS) * SIDEREAL_DAY_MILLIS);
        if (transit <= end) {
            return Math.max(transit, start);
        }
        return sinAltitudeAt(start) >= sinAltitudeAt(end) ? start : end;
    }

    /** How long, in ms, the object stands above a geometric altitude within [start, end]. */
    long millisAboveWithin(double sinAltitude, long start, long end) {
        double half = halfTimeAbove(sinAltitude);
        if (half <= 0.0) {
            return 0;
        }
        if (half >= SIDEREAL_DAY_MILLIS / 2.0) {
            return end - start;
        }
        double total = 0.0;
        for (double k = Math.floor((start - transitMillis - half) / SIDEREAL_DAY_MILLIS);; k++) {
            double centre = transitMillis + k * SIDEREAL_DAY_MILLIS;
            if (centre - half > end) {
                return Math.round(total);
            }
            total += Math.max(0.0, Math.min(end, centre + half) - Math.max(start, centre - half));
        }
    }
}
