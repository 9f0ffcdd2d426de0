package org.nocturne.image.stars;

import org.nocturne.image.Frame;

/**
 * The pixels a detection runs on, as floats: the frame itself when mono, the sums of its 2×2 colour cells when Bayer
 * (so a star is not broken up by the colour filters). Knows how to turn measurements back into frame pixels.
 */
final class DetectionGrid {

    final float[] values;
    final int width;
    final int height;
    /** 1 for mono, 4 for Bayer cells (a cell sums four pixels). */
    final int cellsPerPixel;
    private final int scale;
    private final Frame frame;
    private final int saturationLevel;

    private DetectionGrid(Frame frame, float[] values, int width, int height, int scale, int saturationLevel) {
        this.frame = frame;
        this.values = values;
        this.width = width;
        this.height = height;
        this.scale = scale;
        this.cellsPerPixel = scale * scale;
        this.saturationLevel = saturationLevel;
    }

    static DetectionGrid of(Frame frame, int saturationLevel) {
        short[] pixels = frame.pixels();
        if (!frame.isBayer()) {
            float[] values = new float[pixels.length];
            int fw = frame.width();
            java.util.stream.IntStream.range(0, frame.height()).parallel().forEach(y -> {
                for (int i = y * fw; i < (y + 1) * fw; i++) {
                    values[i] = pixels[i] & 0xFFFF;
                }
            });
            return new DetectionGrid(frame, values, frame.width(), frame.height(), 1, saturationLevel);
        }
        int w = frame.width() / 2;
        int h = frame.height() / 2;
        float[] values = new float[w * h];
        int fw = frame.width();
        for (int y = 0; y < h; y++) {
            int top = 2 * y * fw;
            int bottom = top + fw;
            for (int x = 0; x < w; x++) {
                values[y * w + x] = (pixels[top + 2 * x] & 0xFFFF) + (pixels[top + 2 * x + 1] & 0xFFFF)
                        + (pixels[bottom + 2 * x] & 0xFFFF) + (pixels[bottom + 2 * x + 1] & 0xFFFF);
            }
        }
        return new DetectionGrid(frame, values, w, h, 2, saturationLevel);
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
