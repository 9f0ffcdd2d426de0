package org.nocturne.device.core.profile;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The file a new profile is saved in, derived from its name so that a person browsing the folder recognises it, and
 * safe on every platform: "Rig #2 (Été)" becomes {@code rig-2-ete.json}; lower case ASCII letters, digits and dashes
 * only, at most {@value #MAX_STEM} characters before the extension, never a name Windows reserves ({@code con},
 * {@code aux}, {@code com1}, ...). Different names can give the same stem, so {@link #candidate} numbers the
 * alternatives; the store keeps the profile's real name inside the file.
 */
record ProfileFileName(String stem) {

    static final String EXTENSION = ".json";

    private static final int MAX_STEM = 48;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
    private static final Pattern WINDOWS_RESERVED = Pattern.compile("con|prn|aux|nul|com[0-9]|lpt[0-9]");

    static ProfileFileName of(String profileName) {
        String ascii = MARKS.matcher(Normalizer.normalize(profileName, Normalizer.Form.NFKD)).replaceAll("");
        String stem = trimDashes(NOT_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-"));
        if (stem.length() > MAX_STEM) {
            stem = trimDashes(stem.substring(0, MAX_STEM));
        }
        if (stem.isEmpty()) {
            stem = "profile";
        }
        if (WINDOWS_RESERVED.matcher(stem).matches()) {
            stem = stem + "-profile";
        }
        return new ProfileFileName(stem);
    }

    /** The {@code n}th choice of file name, from 1: {@code rig.json}, {@code rig-2.json}, {@code rig-3.json}, ... */
    String candidate(int n) {
        return (n == 1 ? stem : stem + "-" + n) + EXTENSION;
    }

    private static String trimDashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }
}
