package org.nocturne.image;

/**
 * The colour filter array of a one-shot-colour sensor, named by its top-left 2×2 cell read row by row, as the FITS
 * keyword {@code BAYERPAT} does. The cell repeats over the frame; {@link #colorAt} gives the filter over any pixel.
 */
public enum BayerPattern {
    RGGB(Channel.RED, Channel.GREEN, Channel.GREEN, Channel.BLUE),
    BGGR(Channel.BLUE, Channel.GREEN, Channel.GREEN, Channel.RED),
    GRBG(Channel.GREEN, Channel.RED, Channel.BLUE, Channel.GREEN),
    GBRG(Channel.GREEN, Channel.BLUE, Channel.RED, Channel.GREEN);

    /** A colour channel of the filter array. */
    public enum Channel {
        RED, GREEN, BLUE
    }

    private final Channel[] cell;

    BayerPattern(Channel topLeft, Channel topRight, Channel bottomLeft, Channel bottomRight) {
        this.cell = new Channel[] { topLeft, topRight, bottomLeft, bottomRight };
    }

    /** The filter over pixel (x, y), with (0, 0) the first pixel of the first row. */
    public Channel colorAt(int x, int y) {
        return cell[((y & 1) << 1) | (x & 1)];
    }

    /** The pattern seen when the frame is read from pixel (dx, dy) on: FITS {@code XBAYROFF}/{@code YBAYROFF}, or a flip. */
    public BayerPattern shifted(int dx, int dy) {
        for (BayerPattern candidate : values()) {
            if (candidate.colorAt(0, 0) == colorAt(dx, dy) && candidate.colorAt(1, 0) == colorAt(dx + 1, dy)
                    && candidate.colorAt(0, 1) == colorAt(dx, dy + 1)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no pattern for " + this + " shifted by " + dx + "," + dy);
    }

    /** Parses a {@code BAYERPAT} value (case and spaces ignored), or throws naming the value. */
    public static BayerPattern parse(String value) {
        String name = value == null ? "" : value.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        for (BayerPattern pattern : values()) {
            if (pattern.name().equals(name)) {
                return pattern;
            }
        }
        throw new IllegalArgumentException("Bayer pattern \"" + value + "\" is not one of RGGB, BGGR, GRBG, GBRG");
    }
}
