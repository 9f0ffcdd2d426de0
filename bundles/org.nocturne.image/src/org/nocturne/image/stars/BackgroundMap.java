package org.nocturne.image.stars;

import java.util.Arrays;

/**
 * The sky background and its noise over a frame, the way SExtractor estimates them: the frame is cut into square tiles,
 * each tile gives a median and a robust sigma (from a regular subsample of its pixels), a 3×3 median filter over the
 * tile grid removes tiles spoiled by bright stars, and values between tile centres are interpolated bilinearly.
 * Immutable and thread-safe once built.
 */
public final class BackgroundMap {

    private static final int SAMPLE_STEP = 3;

    private final int tile;
    private final int columns;
    private final int rows;
    private final float[] level;
    private final float[] noise;
    private final double globalNoise;

    private BackgroundMap(int tile, int columns, int rows, float[] level, float[] noise) {
        this.tile = tile;
        this.columns = columns;
        this.rows = rows;
        this.level = level;
        this.noise = noise;
        float[] sorted = noise.clone();
        Arrays.sort(sorted);
        this.globalNoise = sorted[sorted.length / 2];
    }

    /**
     * Estimates the background of the detection grid (rows of tiles in parallel on the common fork-join pool). The
     * grid's values are whole numbers, so each tile's subsample is radix-sorted as integers once; the median, the MAD,
     * the clip and the clipped median and MAD are then read off the sorted sample without sorting again.
     */
    static BackgroundMap estimate(DetectionGrid grid, int tileSize) {
        int width = grid.width;
        int height = grid.height;
        int columns = Math.max(1, (width + tileSize / 2) / tileSize);
        int rows = Math.max(1, (height + tileSize / 2) / tileSize);
        float[] level = new float[columns * rows];
        float[] noise = new float[columns * rows];
        java.util.stream.IntStream.range(0, rows).parallel().forEach(r -> {
            int y0 = r * height / rows;
            int y1 = (r + 1) * height / rows;
            int samplesY = (y1 - y0 + SAMPLE_STEP - 1) / SAMPLE_STEP;
            int widest = 0;
            for (int c = 0; c < columns; c++) {
                widest = Math.max(widest, (c + 1) * width / columns - c * width / columns);
            }
            int capacity = samplesY * ((widest + SAMPLE_STEP - 1) / SAMPLE_STEP);
            int[] sample = new int[capacity];
            int[] scratch = new int[capacity];
            int[] counts = new int[RADIX];
            for (int c = 0; c < columns; c++) {
                int x0 = c * width / columns;
                int x1 = (c + 1) * width / columns;
                int n = grid.sample(x0, x1, y0, y1, SAMPLE_STEP, sample);
                int[] values = radixSort(sample, scratch, counts, n);
                // one 3-sigma clip against the stars in the tile
                float median = values[n / 2];
                float sigma = madSigma(values, 0, n, median);
                int lo = lowerBound(values, n, median - 3 * sigma);
                int hi = lowerBound(values, n, median + 3 * sigma + 1e-3f);
                if (hi - lo > 8) {
                    median = values[lo + (hi - lo) / 2];
                    sigma = madSigma(values, lo, hi, median);
                }
                level[r * columns + c] = median;
                noise[r * columns + c] = sigma;
            }
        });
        return new BackgroundMap(tileSize, columns, rows, medianFilter(level, columns, rows), medianFilter(noise, columns, rows));
    }

    private static final int RADIX_BITS = 9;
    private static final int RADIX = 1 << RADIX_BITS;

    /**
     * Sorts the first n values (non-negative, below 2^18: a 16-bit pixel or the sum of four) by two passes of a
     * least-significant-digit radix sort; returns the array holding the sorted values ({@code a} or {@code b}).
     */
    private static int[] radixSort(int[] a, int[] b, int[] counts, int n) {
        int[] from = a;
        int[] to = b;
        for (int shift = 0; shift < 2 * RADIX_BITS; shift += RADIX_BITS) {
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(from[i] >>> shift) & (RADIX - 1)]++;
            }
            int sum = 0;
            for (int k = 0; k < RADIX; k++) {
                int count = counts[k];
                counts[k] = sum;
                sum += count;
            }
            for (int i = 0; i < n; i++) {
                int v = from[i];
                to[counts[(v >>> shift) & (RADIX - 1)]++] = v;
            }
            int[] t = from;
            from = to;
            to = t;
        }
        return from;
    }

    /** Background at pixel (x, y), interpolated between tile centres. */
    public float level(int x, int y) {
        return interpolate(level, x, y);
    }

    /** Noise (robust sigma) at pixel (x, y). */
    public float noise(int x, int y) {
        return interpolate(noise, x, y);
    }

    /** The median of the tiles' noise: one figure for the frame. */
    public double globalNoise() {
        return globalNoise;
    }

    /** The lowest noise of any tile. */
    public double minimumNoise() {
        double min = Double.MAX_VALUE;
        for (float n : noise) {
            min = Math.min(min, n);
        }
        return min;
    }

    /** Interpolates whole rows of the background for a frame {@code width} pixels wide. */
    RowInterpolator rowInterpolator(int width) {
        return new RowInterpolator(width);
    }

    /**
     * The interpolation of {@link #level} done a row at a time, with the per-column weights worked out once.
     * Thread-safe: {@link #fill} writes only into the caller's arrays.
     */
    final class RowInterpolator {
        /** Runs of columns between the same two tile centres: run k covers [start[k], start[k + 1]). */
        private final int[] start;
        private final int[] left;
        private final int[] right;
        private final float[] fraction;
        private final float[] complement;

        private RowInterpolator(int width) {
            int[] leftOf = new int[width];
            int[] rightOf = new int[width];
            fraction = new float[width];
            complement = new float[width];
            int runs = 0;
            for (int x = 0; x < width; x++) {
                double gx = Math.min(Math.max((x + 0.5) / tile - 0.5, 0), columns - 1);
                leftOf[x] = (int) gx;
                rightOf[x] = Math.min(leftOf[x] + 1, columns - 1);
                fraction[x] = (float) (gx - leftOf[x]);
                complement[x] = 1 - fraction[x];
                if (x == 0 || leftOf[x] != leftOf[x - 1]) {
                    runs++;
                }
            }
            start = new int[runs + 1];
            left = new int[runs];
            right = new int[runs];
            int k = 0;
            for (int x = 0; x < width; x++) {
                if (x == 0 || leftOf[x] != leftOf[x - 1]) {
                    start[k] = x;
                    left[k] = leftOf[x];
                    right[k] = rightOf[x];
                    k++;
                }
            }
            start[runs] = width;
        }

        /** A scratch array for {@link #fill}, one per thread. */
        float[] newScratch() {
            return new float[columns];
        }

        /** Fills {@code out} with the background of row {@code y}; {@code column} is scratch from {@link #newScratch}. */
        void fill(int y, float[] out, float[] column) {
            double gy = Math.min(Math.max((y + 0.5) / tile - 0.5, 0), rows - 1);
            int r0 = (int) gy;
            int r1 = Math.min(r0 + 1, rows - 1);
            float fy = (float) (gy - r0);
            for (int c = 0; c < columns; c++) {
                column[c] = level[r0 * columns + c] * (1 - fy) + level[r1 * columns + c] * fy;
            }
            for (int k = 0; k < left.length; k++) {
                float a = column[left[k]];
                float b = column[right[k]];
                for (int x = start[k]; x < start[k + 1]; x++) {
                    out[x] = a * complement[x] + b * fraction[x];
                }
            }
        }
    }

    private float interpolate(float[] grid, int x, int y) {
        double gx = Math.min(Math.max((x + 0.5) / tile - 0.5, 0), columns - 1);
        double gy = Math.min(Math.max((y + 0.5) / tile - 0.5, 0), rows - 1);
        int c0 = (int) gx;
        int r0 = (int) gy;
        int c1 = Math.min(c0 + 1, columns - 1);
        int r1 = Math.min(r0 + 1, rows - 1);
        double fx = gx - c0;
        double fy = gy - r0;
        double top = grid[r0 * columns + c0] * (1 - fx) + grid[r0 * columns + c1] * fx;
        double bottom = grid[r1 * columns + c0] * (1 - fx) + grid[r1 * columns + c1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    /**
     * The MAD of the sorted values [from, to) about their median, times 1.4826. The deviations below and above the
     * median are each already in order, so their median is found by merging the two runs up to the middle.
     */
    private static float madSigma(int[] sorted, int from, int to, float median) {
        int m = (int) median;
        int n = to - from;
        int up = lowerBoundInt(sorted, from, to, m);
        int down = up - 1;
        int deviation = 0;
        for (int k = 0; k <= n / 2; k++) {
            if (down < from) {
                deviation = sorted[up++] - m;
            } else if (up >= to) {
                deviation = m - sorted[down--];
            } else if (m - sorted[down] <= sorted[up] - m) {
                deviation = m - sorted[down--];
            } else {
                deviation = sorted[up++] - m;
            }
        }
        return (float) ((float) deviation * 1.4826);
    }

    private static int lowerBoundInt(int[] sorted, int from, int to, int value) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first of the n sorted values not below {@code value}: for whole numbers, not below its ceiling. */
    private static int lowerBound(int[] sorted, int n, float value) {
        return lowerBoundInt(sorted, 0, n, (int) Math.ceil(value));
    }

    private static float[] medianFilter(float[] grid, int columns, int rows) {
        float[] out = new float[grid.length];
        float[] window = new float[9];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int n = 0;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int rr = r + dr;
                        int cc = c + dc;
                        if (rr >= 0 && rr < rows && cc >= 0 && cc < columns) {
                            window[n++] = grid[rr * columns + cc];
                        }
                    }
                }
                Arrays.sort(window, 0, n);
                out[r * columns + c] = window[n / 2];
            }
        }
        return out;
    }
}
