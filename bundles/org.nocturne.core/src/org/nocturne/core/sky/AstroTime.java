package org.nocturne.core.sky;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.jastronomy.jsofa.JSOFA;
import org.jastronomy.jsofa.JSOFA.JulianDate;
import org.jastronomy.jsofa.JSOFAIllegalParameter;
import org.jastronomy.jsofa.JSOFAInternalError;

/**
 * One instant in the time scales that astrometry needs, each as a two-part Julian Date (SOFA's convention: the sum of
 * the parts is the date; the split keeps precision).
 *
 * <p>UT1 is taken equal to UTC: |UT1 − UTC| stays below 0.9 s by definition, so sidereal time may be off by up to
 * 13.5″ (0.9 s of time) until IERS values are fed in. TT follows from the leap-second table of jsofa.
 *
 * @param instant the instant, as the system clock gives it (UTC, no leap seconds)
 */
public record AstroTime(Instant instant, double utc1, double utc2, double tt1, double tt2, double ut11, double ut12) {

    /** The instant in UTC, TT and UT1. */
    public static AstroTime of(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        try {
            JulianDate utcDate = JSOFA.jauDtf2d("UTC", utc.getYear(), utc.getMonthValue(), utc.getDayOfMonth(),
                    utc.getHour(), utc.getMinute(), utc.getSecond() + utc.getNano() * 1e-9);
            JulianDate tai = JSOFA.jauUtctai(utcDate.djm0, utcDate.djm1);
            JulianDate tt = JSOFA.jauTaitt(tai.djm0, tai.djm1);
            JulianDate ut1 = JSOFA.jauUtcut1(utcDate.djm0, utcDate.djm1, 0.0);
            return new AstroTime(instant, utcDate.djm0, utcDate.djm1, tt.djm0, tt.djm1, ut1.djm0, ut1.djm1);
        } catch (JSOFAIllegalParameter | JSOFAInternalError e) {
            throw new IllegalArgumentException("Cannot convert " + instant + " to astronomical time scales: " + e.getMessage(), e);
        }
    }

    /** Greenwich apparent sidereal time (IAU 2006/2000A), in radians [0, 2π). */
    public double greenwichApparentSiderealTime() {
        return JSOFA.jauGst06a(ut11, ut12, tt1, tt2);
    }
}
