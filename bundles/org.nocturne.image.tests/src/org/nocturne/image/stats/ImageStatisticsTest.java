package org.nocturne.image.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;

class ImageStatisticsTest {

    @Test
    void medianAndMadAreExactForOddAndEvenCounts() {
        Random random = new Random(7);
        for (int n : new int[] { 1, 2, 7, 1000, 1001, 65537 }) {
            short[] pixels = new short[n];
            for (int i = 0; i < n; i++) {
                pixels[i] = (short) (1000 + random.nextGaussian() * 50 + (random.nextInt(20) == 0 ? 30000 : 0));
            }
            ImageStatistics stats = ImageStatistics.of(Frame.mono(n, 1, pixels, FrameMetadata.EMPTY));
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = pixels[i] & 0xFFFF;
            }
            double median = median(values);
            double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
            assertEquals(median, stats.median(), 0.0, "median of " + n);
            assertEquals(median(deviations), stats.medianAbsoluteDeviation(), 0.0, "MAD of " + n);
            assertEquals(Arrays.stream(values).average().orElseThrow(), stats.mean(), 1e-9);
            assertEquals((int) Arrays.stream(values).min().orElseThrow(), stats.min());
            assertEquals((int) Arrays.stream(values).max().orElseThrow(), stats.max());
        }
    }

    @Test
    void madIsExactAtTheEndsOfTheRangeAndForFlatFrames() {
        for (int[] values : new int[][] { { 0, 65535 }, { 0, 0, 65535 }, { 65535, 65535, 65535, 0 }, { 7, 7, 7, 7 },
                { 0, 1, 65534, 65535, 65535 }, { 100, 103, 103, 110, 40000 } }) {
            short[] pixels = new short[values.length];
            double[] asDoubles = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                pixels[i] = (short) values[i];
                asDoubles[i] = values[i];
            }
            double median = median(asDoubles);
            double[] deviations = Arrays.stream(asDoubles).map(v -> Math.abs(v - median)).toArray();
            ImageStatistics stats = ImageStatistics.of(Frame.mono(values.length, 1, pixels, FrameMetadata.EMPTY));
            assertEquals(median, stats.median(), 0.0, Arrays.toString(values));
            assertEquals(median(deviations), stats.medianAbsoluteDeviation(), 0.0, Arrays.toString(values));
        }
    }

    @Test
    void robustSigmaIgnoresSaturatedPixelsAndTheyAreCounted() {
        Random random = new Random(8);
        short[] pixels = new short[500_000];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) Math.round(2000 + random.nextGaussian() * 25);
        }
        pixels[0] = (short) 65535;
        pixels[1] = (short) 65535;
        Frame frame = Frame.mono(1000, 500, pixels, FrameMetadata.EMPTY);
        ImageStatistics stats = ImageStatistics.of(frame);
        assertEquals(25, stats.sigma(), 0.5, "robust sigma of N(2000, 25)");
        assertTrue(stats.standardDeviation() > 100, "the plain standard deviation is spoiled: " + stats.standardDeviation());
        assertEquals(2, stats.saturated());
        assertEquals(2 + Arrays.stream(toInts(pixels)).filter(v -> v >= 2050 && v < 65535).count(),
                ImageStatistics.of(frame, 2050).saturated());
    }

    private static int[] toInts(short[] pixels) {
        int[] values = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = pixels[i] & 0xFFFF;
        }
        return values;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
