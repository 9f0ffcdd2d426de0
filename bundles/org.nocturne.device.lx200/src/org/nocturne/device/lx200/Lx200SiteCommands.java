package org.nocturne.device.lx200;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The commands that set a mount's site and clock, in Meade's conventions: longitude <b>west positive</b> in
 * [0, 360) (so 11° east is 349*00), the UTC offset as the hours to <b>add to local time to get UTC</b> (so UTC+1
 * is -01.0), the local time and the local date as MM/DD/YY. Each answers '1' (accepted) or '0'. Pure functions.
 */
final class Lx200SiteCommands {

    private Lx200SiteCommands() {
    }

    /** :StsDD*MM# from a latitude in degrees, north positive. */
    static String latitude(double degrees) {
        long minutes = Math.round(Math.abs(degrees) * 60);
        char sign = degrees < 0 && minutes > 0 ? '-' : '+';
        return String.format(Locale.ROOT, ":St%c%02d*%02d#", sign, minutes / 60, minutes % 60);
    }

    /** :SgDDD*MM# from a longitude in degrees, east positive (Nocturne's convention). */
    static String longitude(double eastDegrees) {
        long minutes = Math.round(((-eastDegrees % 360) + 360) % 360 * 60) % (360 * 60);
        return String.format(Locale.ROOT, ":Sg%03d*%02d#", minutes / 60, minutes % 60);
    }

    /**
     * The UTC offset as :SG# carries it: rounded to the nearest tenth of an hour (UTC+5:45 becomes UTC+5:48). The mount
     * takes this as the truth, so the local time it is sent must be reckoned with it (see {@link #mountLocalTime}).
     */
    static ZoneOffset carriedOffset(ZoneOffset offset) {
        long tenths = Math.round(offset.getTotalSeconds() / 360.0);
        return ZoneOffset.ofTotalSeconds((int) tenths * 360);
    }

    /** :SGsHH.H# from the local zone's offset, rounded to a tenth of an hour (UTC+1 gives -01.0). */
    static String utcOffset(ZoneOffset offset) {
        long tenthsToAdd = -Math.round(offset.getTotalSeconds() / 360.0);
        char sign = tenthsToAdd < 0 ? '-' : '+';
        long tenths = Math.abs(tenthsToAdd);
        return String.format(Locale.ROOT, ":SG%c%02d.%d#", sign, tenths / 10, tenths % 10);
    }

    /**
     * The local date and time to send so that the mount, which subtracts {@code carriedOffset}, keeps {@code now} as
     * UTC: {@code now} rounded to the nearest second, at that offset.
     */
    static LocalDateTime mountLocalTime(Instant now, ZoneOffset carriedOffset) {
        Instant rounded = now.plusMillis(500).truncatedTo(ChronoUnit.SECONDS);
        return LocalDateTime.ofInstant(rounded, carriedOffset);
    }

    /** :SLHH:MM:SS# with the local time (whole seconds; any fraction is dropped: round first). */
    static String localTime(LocalTime time) {
        return String.format(Locale.ROOT, ":SL%02d:%02d:%02d#", time.getHour(), time.getMinute(), time.getSecond());
    }

    /** :SCMM/DD/YY# with the local date. */
    static String localDate(LocalDate date) {
        return String.format(Locale.ROOT, ":SC%02d/%02d/%02d#", date.getMonthValue(), date.getDayOfMonth(), date.getYear() % 100);
    }
}
