package org.nocturne.image.stars;

import org.nocturne.image.Frame;

/**
 * The pixels a detection runs on, read straight from the frame without a copy: the frame itself when mono, the sums
 * of its 2×2 colour cells when Bayer (so a star is not broken up by the colour filters). Knows how to turn
 * measurements back into frame pixels. Immutable; safe for many threads.
 */
final class DetectionGrid {

    final int width;
    final int height;
    /** 1 for mono, 4 for Bayer cells (a cell sums four pixels). */
    final int cellsPerPixel;
    private final int scale;
    private final Frame frame;
    private final short[] pixels;
    private final int frameWidth;
    private final int saturationLevel;

    private DetectionGrid(Frame frame, int scale, int saturationLevel) {
        this.frame = frame;
        this.pixels = frame.pixels();
        this.frameWidth = frame.width();
        this.scale = scale;
        this.cellsPerPixel = scale * scale;
        this.width = frame.width() / scale;
        this.height = frame.height() / scale;
        this.saturationLevel = saturationLevel;
    }

    static DetectionGrid of(Frame frame, int saturationLevel) {
        return new DetectionGrid(frame, frame.isBayer() ? 2 : 1, saturationLevel);
    }

    /** The value of grid pixel (x, y). */
    float value(int x, int y) {
        if (scale == 1) {
            return pixels[y * frameWidth + x] & 0xFFFF;
        }
        int top = 2 * y * frameWidth + 2 * x;
        int bottom = top + frameWidth;
        return (pixels[top] & 0xFFFF) + (pixels[top + 1] & 0xFFFF) + (pixels[bottom] & 0xFFFF) + (pixels[bottom + 1] & 0xFFFF);
    }

    /** Fills {@code out} with grid row {@code y}. */
    void row(int y, float[] out) {
        int offset = y * scale * frameWidth;
        if (scale == 1) {
            for (int x = 0; x < width; x++) {
                out[x] = pixels[offset + x] & 0xFFFF;
            }
            return;
        }
        int below = offset + frameWidth;
        for (int x = 0; x < width; x++) {
            int i = 2 * x;
            out[x] = (pixels[offset + i] & 0xFFFF) + (pixels[offset + i + 1] & 0xFFFF) + (pixels[below + i] & 0xFFFF)
                    + (pixels[below + i + 1] & 0xFFFF);
        }
    }

    /**
     * Puts the grid values of every {@code step}-th pixel of every {@code step}-th row of [x0, x1) × [y0, y1) into
     * {@code out} (which must hold them all); returns how many.
     */
    int sample(int x0, int x1, int y0, int y1, int step, int[] out) {
        int n = 0;
        for (int y = y0; y < y1; y += step) {
            if (scale == 1) {
                int offset = y * frameWidth;
                for (int x = x0; x < x1; x += step) {
                    out[n++] = pixels[offset + x] & 0xFFFF;
                }
            } else {
                int top = 2 * y * frameWidth;
                int bottom = top + frameWidth;
                for (int x = x0; x < x1; x += step) {
                    int i = 2 * x;
                    out[n++] = (pixels[top + i] & 0xFFFF) + (pixels[top + i + 1] & 0xFFFF) + (pixels[bottom + i] & 0xFFFF)
                            + (pixels[bottom + i + 1] & 0xFFFF);
                }
            }
        }
        return n;
    }

    /**
     * Reads one frame pixel per 64-byte cache line under the grid box [x0, x1] × [y0, y1] (which must lie in the grid),
     * in a loop so short that the processor has all those lines in flight at once, instead of one row after another
     * as a measurement's longer loop over the same box would; returns the sum of what it read, which the caller must
     * keep somewhere the JIT cannot prove dead, or the reads would be dropped.
     */
    int touch(int x0, int y0, int x1, int y1) {
        final int shortsPerLine = 32;
        int sum = 0;
        int from = x0 * scale;
        int to = x1 * scale + scale - 1;
        for (int y = y0 * scale; y < (y1 + 1) * scale; y++) {
            int offset = y * frameWidth;
            for (int x = from; x < to; x += shortsPerLine) {
                sum += pixels[offset + x];
            }
            sum += pixels[offset + to];
        }
        return sum;
    }

    /** True when a frame pixel under the 3×3 grid pixels around (x, y) reaches the saturation level. */
    boolean saturatedNear(int x, int y) {
        int x0 = Math.max((x - 1) * scale, 0);
        int y0 = Math.max((y - 1) * scale, 0);
        int x1 = Math.min((x + 2) * scale, frame.width());
        int y1 = Math.min((y + 2) * scale, frame.height());
        for (int yy = y0; yy < y1; yy++) {
            for (int xx = x0; xx < x1; xx++) {
                if (frame.value(xx, yy) >= saturationLevel) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A star measured on the grid, in frame pixels and per-pixel ADU. */
    Star toFramePixels(Star s) {
        if (scale == 1) {
            return s;
        }
        return new Star(s.x() * scale + (scale - 1) / 2.0, s.y() * scale + (scale - 1) / 2.0, s.flux(), s.peak() / cellsPerPixel,
                s.background() / cellsPerPixel, s.snr(), s.hfr() * scale, s.fwhm() * scale, s.eccentricity());
    }

    double toFrameLevel(double gridLevel) {
        return gridLevel / cellsPerPixel;
    }

    /** Noise of a cell sum (four independent pixels) is twice that of one pixel. */
    double toFrameNoise(double gridNoise) {
        return gridNoise / scale;
    }
}
