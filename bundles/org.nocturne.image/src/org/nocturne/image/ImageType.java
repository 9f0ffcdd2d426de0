package org.nocturne.image;

import java.util.Locale;

/** What a frame is for, as the FITS keyword {@code IMAGETYP} says. */
public enum ImageType {
    LIGHT("LIGHT"), DARK("DARK"), BIAS("BIAS"), FLAT("FLAT"), DARK_FLAT("DARKFLAT"), SNAPSHOT("SNAPSHOT");

    private final String keyword;

    ImageType(String keyword) {
        this.keyword = keyword;
    }

    /** The value written to {@code IMAGETYP}. */
    public String keyword() {
        return keyword;
    }

    /**
     * Reads the {@code IMAGETYP} values other programs write ("LIGHT", "Light Frame", "Dark Frame", "Bias Frame",
     * "Flat Field", "DARKFLAT", "Dark Flat"); unknown values read as {@link #LIGHT}.
     */
    public static ImageType parse(String value) {
        String v = value == null ? "" : value.toUpperCase(Locale.ROOT).replace(" ", "").replace("_", "");
        if (v.startsWith("DARKFLAT") || v.startsWith("FLATDARK")) {
            return DARK_FLAT;
        }
        if (v.startsWith("DARK")) {
            return DARK;
        }
        if (v.startsWith("BIAS") || v.startsWith("OFFSET") || v.startsWith("ZERO")) {
            return BIAS;
        }
        if (v.startsWith("FLAT")) {
            return FLAT;
        }
        return v.startsWith("SNAP") ? SNAPSHOT : LIGHT;
    }
}
