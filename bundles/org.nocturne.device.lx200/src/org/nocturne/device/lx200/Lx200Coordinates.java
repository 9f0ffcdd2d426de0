package org.nocturne.device.lx200;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Right ascension and declination as LX200 text, both ways. Formatting rounds to the precision's last digit
 * (23:59:59.7 in {@link Lx200Precision#HIGH} is 00:00:00; a declination that rounds to zero is "+00*00:00"); parsing
 * accepts every precision and the degree signs mounts use ('*', the Meade 0xDF character, '°', ':').
 * Pure functions; thread-safe.
 */
final class Lx200Coordinates {

    private static final Pattern RA = Pattern.compile("(\\d{1,2}):(\\d{2})(?:\\.(\\d)|:(\\d{2})(?:\\.(\\d{1,4}))?)");
    private static final Pattern DEC = Pattern.compile("([+-]?)(\\d{1,2})[*\u00df\u00b0:](\\d{2})(?:[:'](\\d{2})(?:\\.(\\d{1,3}))?)?");

    private Lx200Coordinates() {
    }

    /** Right ascension in hours (any value; wrapped into [0, 24)) as the mount expects it. */
    static String formatRa(double hours, Lx200Precision precision) {
        double wrapped = ((hours % 24) + 24) % 24;
        return switch (precision) {
            case LOW -> {
                long tenths = Math.round(wrapped * 600) % (24 * 600);
                yield String.format(Locale.ROOT, "%02d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
            }
            case HIGH -> {
                long seconds = Math.round(wrapped * 3600) % (24 * 3600);
                yield String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
            }
            case ULTRA -> {
                long centis = Math.round(wrapped * 360_000) % (24L * 360_000);
                yield String.format(Locale.ROOT, "%02d:%02d:%02d.%02d", centis / 360_000, centis / 6000 % 60, centis / 100 % 60,
                        centis % 100);
            }
        };
    }

    /** Declination in degrees (clamped to ±90) as the mount expects it, with '*' as the degree sign. */
    static String formatDec(double degrees, Lx200Precision precision) {
        double clamped = Math.max(-90, Math.min(90, degrees));
        double magnitude = Math.abs(clamped);
        return switch (precision) {
            case LOW -> {
                long minutes = Math.round(magnitude * 60);
                yield String.format(Locale.ROOT, "%c%02d*%02d", sign(clamped, minutes), minutes / 60, minutes % 60);
            }
            case HIGH -> {
                long seconds = Math.round(magnitude * 3600);
                yield String.format(Locale.ROOT, "%c%02d*%02d:%02d", sign(clamped, seconds), seconds / 3600, seconds / 60 % 60,
                        seconds % 60);
            }
            case ULTRA -> {
                long tenths = Math.round(magnitude * 36_000);
                yield String.format(Locale.ROOT, "%c%02d*%02d:%02d.%d", sign(clamped, tenths), tenths / 36_000, tenths / 600 % 60,
                        tenths / 10 % 60, tenths % 10);
            }
        };
    }

    private static char sign(double value, long roundedMagnitude) {
        return value < 0 && roundedMagnitude > 0 ? '-' : '+';
    }

    /** The precision a :GR# answer (without its '#') is written in. */
    static Lx200Precision precisionOf(String raAnswer) {
        Matcher matcher = matchRa(raAnswer);
        if (matcher.group(3) != null) {
            return Lx200Precision.LOW;
        }
        return matcher.group(5) != null ? Lx200Precision.ULTRA : Lx200Precision.HIGH;
    }

    /**
     * Right ascension in hours from a :GR# answer without its '#'.
     *
     * @throws IllegalArgumentException quoting the text when it is no right ascension
     */
    static double parseRa(String text) {
        Matcher matcher = matchRa(text);
        int hours = Integer.parseInt(matcher.group(1));
        int minutes = Integer.parseInt(matcher.group(2));
        double seconds;
        if (matcher.group(3) != null) {
            seconds = Integer.parseInt(matcher.group(3)) * 6.0;
        } else {
            seconds = Integer.parseInt(matcher.group(4)) + fraction(matcher.group(5));
        }
        if (hours > 23 || minutes > 59 || seconds >= 60) {
            throw new IllegalArgumentException("\"" + text + "\" is not a right ascension (a field is out of range)");
        }
        return hours + minutes / 60.0 + seconds / 3600.0;
    }

    /**
     * Declination in degrees from a :GD# answer without its '#'; the sign is read from the text, so "-00*30" is −0.5°.
     *
     * @throws IllegalArgumentException quoting the text when it is no declination
     */
    static double parseDec(String text) {
        Matcher matcher = DEC.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a declination (sDD*MM or sDD*MM:SS)");
        }
        int degrees = Integer.parseInt(matcher.group(2));
        int minutes = Integer.parseInt(matcher.group(3));
        double seconds = matcher.group(4) == null ? 0 : Integer.parseInt(matcher.group(4)) + fraction(matcher.group(5));
        double magnitude = degrees + minutes / 60.0 + seconds / 3600.0;
        if (minutes > 59 || seconds >= 60 || magnitude > 90) {
            throw new IllegalArgumentException("\"" + text + "\" is not a declination (a field is out of range)");
        }
        return matcher.group(1).equals("-") ? -magnitude : magnitude;
    }

    private static Matcher matchRa(String text) {
        Matcher matcher = RA.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a right ascension (HH:MM.T or HH:MM:SS)");
        }
        return matcher;
    }

    private static double fraction(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits) / Math.pow(10, digits.length());
    }
}
