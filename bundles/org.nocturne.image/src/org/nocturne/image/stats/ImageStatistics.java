package org.nocturne.image.stats;

import org.nocturne.image.Frame;

/**
 * Whole-frame statistics, all exact (no sampling): mean, standard deviation, median, median absolute deviation and the
 * robust sigma derived from it, minimum, maximum, and how many pixels are at or above the saturation level.
 *
 * @param mean arithmetic mean, ADU
 * @param standardDeviation population standard deviation, ADU
 * @param median exact median, ADU
 * @param medianAbsoluteDeviation exact MAD, ADU
 * @param min smallest value
 * @param max largest value
 * @param saturated count of pixels at or above {@code saturationLevel}
 * @param saturationLevel the level used for {@code saturated}
 * @param histogram the full 16-bit histogram
 */
public record ImageStatistics(double mean, double standardDeviation, double median, double medianAbsoluteDeviation,
        int min, int max, long saturated, int saturationLevel, Histogram histogram) {

    /** MAD to the standard deviation of a normal distribution. */
    public static final double MAD_TO_SIGMA = 1.4826;

    /** Statistics of every pixel, counting 65535 as saturated. */
    public static ImageStatistics of(Frame frame) {
        return of(frame, 65535);
    }

    /** Statistics of every pixel, counting values at or above {@code saturationLevel} as saturated. */
    public static ImageStatistics of(Frame frame, int saturationLevel) {
        return of(Histogram.of(frame.pixels()), saturationLevel);
    }

    /** Statistics from a histogram (of a whole frame, or of one Bayer channel). */
    public static ImageStatistics of(Histogram histogram, int saturationLevel) {
        double sum = 0;
        double sumSquares = 0;
        int min = -1;
        int max = 0;
        long saturated = 0;
        for (int v = 0; v < Histogram.BINS; v++) {
            long c = histogram.count(v);
            if (c == 0) {
                continue;
            }
            if (min < 0) {
                min = v;
            }
            max = v;
            sum += (double) c * v;
            sumSquares += (double) c * v * v;
            if (v >= saturationLevel) {
                saturated += c;
            }
        }
        long n = histogram.total();
        double mean = sum / n;
        double variance = Math.max(0, sumSquares / n - mean * mean);
        return new ImageStatistics(mean, Math.sqrt(variance), histogram.median(), histogram.medianAbsoluteDeviation(),
                Math.max(min, 0), max, saturated, saturationLevel, histogram);
    }

    /** The robust noise estimate: MAD × 1.4826. */
    public double sigma() {
        return medianAbsoluteDeviation * MAD_TO_SIGMA;
    }
}
