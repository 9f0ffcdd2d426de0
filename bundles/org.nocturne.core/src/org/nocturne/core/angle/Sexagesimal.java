package org.nocturne.core.angle;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats and parses angles written in sexagesimal notation, the way astronomers type and read them.
 *
 * <p>Right ascension and hour angles are shown in hours ({@code 05h 35m 17.3s}); declination, latitude and longitude
 * in signed degrees ({@code -05° 23′ 28″}). The parser accepts the forms users paste from catalogs and planetarium
 * programs: {@code 5 35 17.3}, {@code 05:35:17.3}, {@code 5h35m17.3s}, {@code -05°23'28"}, {@code -0 30 00} (the sign
 * of a zero degree field is kept) and plain decimals such as {@code 83.82}. Stateless and thread-safe.
 */
public final class Sexagesimal {

    private static final Pattern SEXAGESIMAL = Pattern.compile(
            "([+\\-−]?)\\s*(\\d+(?:\\.\\d+)?)\\s*(?:[hHdD°:\\s]\\s*)"
                    + "(?:(\\d+(?:\\.\\d+)?)\\s*(?:[mM'′:\\s]\\s*)?)?"
                    + "(?:(\\d+(?:\\.\\d+)?)\\s*(?:[sS\"″]|'')?)?");
    private static final Pattern DECIMAL = Pattern.compile("([+\\-−]?)\\s*(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*[hH°dD]?");

    private Sexagesimal() {
    }

    /** Hours normalised to [0, 24) as {@code 05h 35m 17.3s}, rounded to a tenth of a second of time. */
    public static String formatHours(double hours) {
        double normalized = ((hours % 24.0) + 24.0) % 24.0;
        long tenths = Math.round(normalized * 36000.0) % (24L * 36000L);
        return String.format(Locale.ROOT, "%02dh %02dm %04.1fs", tenths / 36000, (tenths / 600) % 60,
                (tenths % 600) / 10.0);
    }

    /** Signed degrees as {@code +89° 15′ 51″}, rounded to a whole arc-second; the sign is always shown. */
    public static String formatDegrees(double degrees) {
        long arcseconds = Math.round(Math.abs(degrees) * 3600.0);
        char sign = degrees < 0 && arcseconds != 0 ? '-' : '+';
        return String.format(Locale.ROOT, "%c%02d° %02d′ %02d″", sign, arcseconds / 3600, (arcseconds / 60) % 60,
                arcseconds % 60);
    }

    /**
     * Unsigned degrees with a hemisphere letter, as {@code 51° 28′ 37″ N} or {@code 0° 00′ 02″ W}, rounded to a whole
     * arc-second; {@code positive} names the hemisphere of positive values ("N" or "E").
     */
    public static String formatDegrees(double degrees, String positive, String negative) {
        long arcseconds = Math.round(Math.abs(degrees) * 3600.0);
        String hemisphere = degrees < 0 && arcseconds != 0 ? negative : positive;
        return String.format(Locale.ROOT, "%d° %02d′ %02d″ %s", arcseconds / 3600, (arcseconds / 60) % 60, arcseconds % 60,
                hemisphere);
    }

    /**
     * Parses a sexagesimal or decimal angle in the units the text is written in (hours for {@code 5h35m}, degrees for
     * {@code -5°23′}; the caller decides which the field means).
     *
     * @param text the user's text
     * @param what what the field is, for the error message (for example "Right ascension")
     * @throws IllegalArgumentException naming {@code what} and the offending text, when the text is not an angle or a
     *             minutes or seconds field is 60 or more
     */
    public static double parse(String text, String what) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty: type for example 05 35 17.3 or 83.82");
        }
        Matcher decimal = DECIMAL.matcher(trimmed);
        if (decimal.matches()) {
            return sign(decimal.group(1)) * Double.parseDouble(decimal.group(2));
        }
        Matcher sexagesimal = SEXAGESIMAL.matcher(trimmed);
        if (!sexagesimal.matches()) {
            throw new IllegalArgumentException(what + " \"" + trimmed
                    + "\" is not an angle: type for example 05 35 17.3, 05:35:17.3, -05°23'28\" or 83.82");
        }
        double whole = Double.parseDouble(sexagesimal.group(2));
        double minutes = field(sexagesimal.group(3), "minutes", what, trimmed);
        double seconds = field(sexagesimal.group(4), "seconds", what, trimmed);
        if ((sexagesimal.group(3) != null && sexagesimal.group(2).contains("."))
                || (sexagesimal.group(4) != null && sexagesimal.group(3).contains("."))) {
            throw new IllegalArgumentException(what + " \"" + trimmed + "\": only the last field may have decimals");
        }
        return sign(sexagesimal.group(1)) * (whole + minutes / 60.0 + seconds / 3600.0);
    }

    private static double field(String digits, String name, String what, String text) {
        if (digits == null) {
            return 0.0;
        }
        double value = Double.parseDouble(digits);
        if (value >= 60.0) {
            throw new IllegalArgumentException(what + " \"" + text + "\": " + name + " must be below 60");
        }
        return value;
    }

    private static double sign(String sign) {
        return sign.isEmpty() || sign.equals("+") ? 1.0 : -1.0;
    }
}
