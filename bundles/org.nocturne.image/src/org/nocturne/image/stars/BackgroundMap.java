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

    /** Estimates the background of the detection grid (tiles in parallel on the common fork-join pool). */
    static BackgroundMap estimate(DetectionGrid grid, int tileSize) {
        int width = grid.width;
        int height = grid.height;
        int columns = Math.max(1, (width + tileSize / 2) / tileSize);
        int rows = Math.max(1, (height + tileSize / 2) / tileSize);
        float[] level = new float[columns * rows];
        float[] noise = new float[columns * rows];
        java.util.stream.IntStream.range(0, rows).parallel().forEach(r -> {
            float[] sample = new float[(tileSize / SAMPLE_STEP + 2) * (tileSize / SAMPLE_STEP + 2) * 4];
            int y0 = r * height / rows;
            int y1 = (r + 1) * height / rows;
            for (int c = 0; c < columns; c++) {
                int x0 = c * width / columns;
                int x1 = (c + 1) * width / columns;
                int n = 0;
                for (int y = y0; y < y1; y += SAMPLE_STEP) {
                    for (int x = x0; x < x1; x += SAMPLE_STEP) {
                        if (n == sample.length) {
                            sample = Arrays.copyOf(sample, n * 2);
                        }
                        sample[n++] = grid.value(x, y);
                    }
                }
                float[] values = Arrays.copyOf(sample, n);
                Arrays.sort(values);
                // one 3-sigma clip against the stars in the tile
                float median = values[n / 2];
                float sigma = madSigma(values, median);
                int lo = lowerBound(values, median - 3 * sigma);
                int hi = lowerBound(values, median + 3 * sigma + 1e-3f);
                if (hi - lo > 8) {
                    float[] clipped = Arrays.copyOfRange(values, lo, hi);
                    median = clipped[clipped.length / 2];
                    sigma = madSigma(clipped, median);
                }
                level[r * columns + c] = median;
                noise[r * columns + c] = sigma;
            }
        });
        return new BackgroundMap(tileSize, columns, rows, medianFilter(level, columns, rows), medianFilter(noise, columns, rows));
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
     * Thread-safe: {@link #fill} writes only into the caller's array.
     */
    final class RowInterpolator {
        private final int[] left;
        private final int[] right;
        private final float[] fraction;

        private RowInterpolator(int width) {
            left = new int[width];
            right = new int[width];
            fraction = new float[width];
            for (int x = 0; x < width; x++) {
                double gx = Math.min(Math.max((x + 0.5) / tile - 0.5, 0), columns - 1);
                left[x] = (int) gx;
                right[x] = Math.min(left[x] + 1, columns - 1);
                fraction[x] = (float) (gx - left[x]);
            }
        }

        /** Fills {@code out} with the background of row {@code y}. */
        void fill(int y, float[] out) {
            double gy = Math.min(Math.max((y + 0.5) / tile - 0.5, 0), rows - 1);
            int r0 = (int) gy;
            int r1 = Math.min(r0 + 1, rows - 1);
            float fy = (float) (gy - r0);
            float[] column = new float[columns];
            for (int c = 0; c < columns; c++) {
                column[c] = level[r0 * columns + c] * (1 - fy) + level[r1 * columns + c] * fy;
            }
            for (int x = 0; x < out.length; x++) {
                float f = fraction[x];
                out[x] = column[left[x]] * (1 - f) + column[right[x]] * f;
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

    private static float madSigma(float[] sorted, float median) {
        float[] deviations = new float[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            deviations[i] = Math.abs(sorted[i] - median);
        }
        Arrays.sort(deviations);
        return (float) (deviations[deviations.length / 2] * 1.4826);
    }

    private static int lowerBound(float[] sorted, float value) {
        int lo = 0;
        int hi = sorted.length;
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
