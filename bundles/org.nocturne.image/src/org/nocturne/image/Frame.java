package org.nocturne.image;

/**
 * A 16-bit frame from a camera: mono, or raw one-shot-colour with its {@link BayerPattern}, and the metadata that
 * travels with it.
 *
 * <p>Pixels are unsigned 16-bit values kept in a {@code short[]}, row by row, first row first, as the FITS file stores
 * them (no vertical flip). The array is shared, never copied: whoever hands it to {@link #of} gives it up, and whoever
 * reads {@link #pixels()} must not change it. That keeps a 100-megapixel frame at 200 MB with no copies on the way
 * from camera to disk to screen. Immutable in that sense, and so safe to share between threads.
 */
public final class Frame {

    /** The largest frame accepted, in pixels (a 150 MP sensor; arrays are indexed by int). */
    public static final long MAX_PIXELS = 150_000_000L;

    private final int width;
    private final int height;
    private final short[] pixels;
    private final BayerPattern bayerPattern;
    private final FrameMetadata metadata;

    private Frame(int width, int height, short[] pixels, BayerPattern bayerPattern, FrameMetadata metadata) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.bayerPattern = bayerPattern;
        this.metadata = metadata;
    }

    /**
     * Wraps pixels without copying them.
     *
     * @param bayerPattern the colour filter array, or null for a mono frame
     * @throws IllegalArgumentException when the size is not positive, too large, or does not match the array
     */
    public static Frame of(int width, int height, short[] pixels, BayerPattern bayerPattern, FrameMetadata metadata) {
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("Frame size " + width + "×" + height + " is not between 1×1 and " + MAX_PIXELS + " pixels");
        }
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("Frame " + width + "×" + height + " needs " + width * height + " pixels, got " + pixels.length);
        }
        return new Frame(width, height, pixels, bayerPattern, metadata == null ? FrameMetadata.EMPTY : metadata);
    }

    /** A mono frame. */
    public static Frame mono(int width, int height, short[] pixels, FrameMetadata metadata) {
        return of(width, height, pixels, null, metadata);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The backing array, unsigned 16-bit values row by row; read it, never write it. */
    public short[] pixels() {
        return pixels;
    }

    /** The value of pixel (x, y), 0 to 65535. */
    public int value(int x, int y) {
        return pixels[y * width + x] & 0xFFFF;
    }

    /** True for a raw one-shot-colour frame. */
    public boolean isBayer() {
        return bayerPattern != null;
    }

    /** The colour filter array, or null for mono. */
    public BayerPattern bayerPattern() {
        return bayerPattern;
    }

    public FrameMetadata metadata() {
        return metadata;
    }

    /** The same pixels (shared, not copied) with other metadata, for example a WCS after a solve. */
    public Frame withMetadata(FrameMetadata newMetadata) {
        return new Frame(width, height, pixels, bayerPattern, newMetadata);
    }

    @Override
    public String toString() {
        return "Frame " + width + "×" + height + (bayerPattern == null ? " mono" : " " + bayerPattern);
    }
}
