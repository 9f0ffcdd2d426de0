package org.nocturne.device.alpaca;

import org.nocturne.image.Frame;

/**
 * An Alpaca image turned into a 16-bit, row-major pixel buffer as {@link Frame} keeps it.
 *
 * <p>Alpaca sends the .NET array {@code [X, Y]} with Y varying fastest (each column contiguous); {@link #put} takes
 * pixels in that order and transposes them. Values beyond 16 bits: an Alpaca camera's image is an Int32 array even
 * when its MaxADU is 65535, so values are normally in 0..65535 and are taken as they are; negative values (a signed
 * Int16 transmission) clip to 0. A camera whose MaxADU is above 65535 (a few 18- and 20-bit sensors) has its values
 * scaled linearly by 65535 / MaxADU so that its full range fits; anything still above 65535 saturates.
 */
final class ImagePixels {

    private final int width;
    private final int height;
    private final short[] pixels;
    private final double scale;
    private long next;

    ImagePixels(int width, int height, long maxAdu) {
        this.width = width;
        this.height = height;
        this.pixels = new short[Math.multiplyExact(width, height)];
        this.scale = maxAdu > 65_535 ? 65_535.0 / maxAdu : 1.0;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The row-major buffer; hand it to {@link Frame#of}. */
    short[] pixels() {
        return pixels;
    }

    /** The number of values put so far. */
    long count() {
        return next;
    }

    /** Puts the next value in Alpaca order (column by column, Y fastest). */
    void put(double value) {
        int x = (int) (next / height);
        int y = (int) (next % height);
        double scaled = scale == 1.0 ? value : value * scale;
        long rounded = Math.round(scaled);
        pixels[y * width + x] = (short) (rounded < 0 ? 0 : rounded > 65_535 ? 65_535 : rounded);
        next++;
    }

    /** {@link #put(double)} for whole numbers, without the double round trip. */
    void put(long value) {
        if (scale != 1.0) {
            put((double) value);
            return;
        }
        int x = (int) (next / height);
        int y = (int) (next % height);
        pixels[y * width + x] = (short) (value < 0 ? 0 : value > 65_535 ? 65_535 : value);
        next++;
    }
}
