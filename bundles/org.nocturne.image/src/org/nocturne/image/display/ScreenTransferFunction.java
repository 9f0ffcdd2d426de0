package org.nocturne.image.display;

import org.nocturne.image.stats.Histogram;
import org.nocturne.image.stats.ImageStatistics;

/**
 * The automatic screen stretch of PixInsight's STF, as most imaging programs now do it: the black point sits
 * {@value #SHADOWS_CLIPPING_SIGMAS} robust sigmas below the median (shadows clipping), and a midtones transfer function
 * brings the median background to {@value #TARGET_BACKGROUND} of full scale. A display aid only: pixels are not
 * changed. Immutable; {@link #apply} is thread-safe.
 *
 * @param shadows black point, normalised [0, 1]
 * @param midtones midtones balance, (0, 1); 0.5 is linear
 */
public record ScreenTransferFunction(double shadows, double midtones) {

    /** How many robust sigmas below the median the black point goes. */
    public static final double SHADOWS_CLIPPING_SIGMAS = -2.8;
    /** Where the median background lands on screen, normalised. */
    public static final double TARGET_BACKGROUND = 0.25;

    /** The automatic stretch for one channel's statistics. */
    public static ScreenTransferFunction auto(ImageStatistics statistics) {
        return auto(statistics.median() / 65535.0, statistics.sigma() / 65535.0);
    }

    /** The automatic stretch for several channels at once (linked): the channels' medians and sigmas averaged. */
    public static ScreenTransferFunction autoLinked(ImageStatistics... channels) {
        double median = 0;
        double sigma = 0;
        for (ImageStatistics channel : channels) {
            median += channel.median() / 65535.0;
            sigma += channel.sigma() / 65535.0;
        }
        return auto(median / channels.length, sigma / channels.length);
    }

    /** From a normalised median and robust sigma. */
    public static ScreenTransferFunction auto(double median, double sigma) {
        double shadows = Math.min(Math.max(median + SHADOWS_CLIPPING_SIGMAS * sigma, 0.0), 1.0);
        double midtones = midtonesTransfer(TARGET_BACKGROUND, median - shadows);
        return new ScreenTransferFunction(shadows, Math.min(Math.max(midtones, 1e-6), 1 - 1e-6));
    }

    /** The midtones transfer function MTF(m, x) of PixInsight: 0 → 0, m → 0.5, 1 → 1. */
    public static double midtonesTransfer(double m, double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        return (m - 1) * x / ((2 * m - 1) * x - m);
    }

    /** The display value (0 to 255) of each 16-bit value. */
    public byte[] lookupTable() {
        byte[] lut = new byte[Histogram.BINS];
        double range = 1.0 - shadows;
        for (int v = 0; v < lut.length; v++) {
            double x = range <= 0 ? 0 : (v / 65535.0 - shadows) / range;
            lut[v] = (byte) Math.round(midtonesTransfer(midtones, x) * 255.0);
        }
        return lut;
    }

    /**
     * Stretches 16-bit pixels into 8-bit display values through {@code lut} (from {@link #lookupTable()}), in parallel
     * chunks on the common fork-join pool.
     */
    public static void apply(byte[] lut, short[] pixels, byte[] out) {
        int chunk = 1 << 20;
        java.util.stream.IntStream.range(0, (pixels.length + chunk - 1) / chunk).parallel().forEach(c -> {
            int end = Math.min(pixels.length, (c + 1) * chunk);
            for (int i = c * chunk; i < end; i++) {
                out[i] = lut[pixels[i] & 0xFFFF];
            }
        });
    }
}
