package org.nocturne.image.stars;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The sky background and its noise over a frame, much as SExtractor estimates them: the frame is cut into square tiles,
 * each tile gives a clipped median and a robust sigma (from a regular subsample of its pixels), a 3×3 median filter
 * over the tile grid removes tiles spoiled by bright stars, and values between tile centres are interpolated
 * bilinearly.
 * Immutable and thread-safe once built.
 */
public final class BackgroundMap {

    private static final int SAMPLE_STEP = 3;

    /** The grid's size in pixels. */
    private final int width;
    private final int height;
    private final int columns;
    private final int rows;
    private final float[] level;
    private final float[] noise;
    private final double globalNoise;

    private BackgroundMap(int width, int height, int columns, int rows, float[] level, float[] noise) {
        this.width = width;
        this.height = height;
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
     * the clip and the clipped median are then read off the sorted sample without sorting again.
     *
     * <p>A tile's level is the median of its pixels, sigma-clipped until it settles (see {@link #clip}), so that in a
     * crowded tile it comes down from the stars' wings towards the sky between them. Its noise is the clipped MAD of its
     * pixels, unless that is more than {@link #WIDENED} times the noise read from differences of pixels four columns
     * apart (see {@link #pixelSigma}), which is then taken instead: a slope or a step across the tile widens the MAD (on
     * the steep bottom of the VLT ISAAC test frame two to four times) but not the differences, while the cores of many
     * sharp stars widen the differences about as much as the clipped MAD. The differences of a tile cost as much as
     * the rest, so they are looked at only in tiles whose MAD is more than {@link #WIDENED} times the noise from a
     * sparse sample of differences over the whole frame; on an even sky that is hardly any.
     */
    static BackgroundMap estimate(DetectionGrid grid, int tileSize) {
        int width = grid.width;
        int height = grid.height;
        int columns = Math.max(1, (width + tileSize / 2) / tileSize);
        int rows = Math.max(1, (height + tileSize / 2) / tileSize);
        float[] level = new float[columns * rows];
        float[] noise = new float[columns * rows];
        IntStream.range(0, rows).parallel().forEach(r -> {
            Scratch scratch = new Scratch(grid, r, columns, rows);
            for (int c = 0; c < columns; c++) {
                int n = grid.sample(c * width / columns, (c + 1) * width / columns, scratch.y0, scratch.y1, SAMPLE_STEP,
                        scratch.sample);
                TileSky sky = clip(radixSort(scratch.sample, scratch.other, scratch.counts, n), n);
                level[r * columns + c] = sky.level;
                noise[r * columns + c] = sky.sigma;
            }
        });
        int frameStep = 3 * SAMPLE_STEP;
        int frameSamples = ((height + frameStep - 1) / frameStep) * ((width + frameStep - 1) / frameStep);
        float quiet = pixelSigma(grid, 0, width, 0, height, frameStep, new int[frameSamples], new int[frameSamples],
                new int[RADIX]);
        IntStream.range(0, rows).parallel().forEach(r -> {
            Scratch scratch = new Scratch(grid, r, columns, rows);
            for (int c = 0; c < columns; c++) {
                float sigma = noise[r * columns + c];
                if (sigma > WIDENED * quiet) {
                    float pixelSigma = pixelSigma(grid, c * width / columns, (c + 1) * width / columns, scratch.y0,
                            scratch.y1, SAMPLE_STEP, scratch.sample, scratch.other, scratch.counts);
                    if (pixelSigma > 0 && sigma > WIDENED * pixelSigma) {
                        noise[r * columns + c] = pixelSigma;
                    }
                }
            }
        });
        return new BackgroundMap(width, height, columns, rows, medianFilter(level, columns, rows, true),
                medianFilter(noise, columns, rows, false));
    }

    /**
     * How far apart the two pixels of a difference are, in columns: far enough that noise shared by near neighbours
     * does not cancel (on the VLT ISAAC frame the differences read 20% below the sky's MAD one column apart, 10% two
     * apart, and agree with it from four).
     */
    private static final int LAG = 4;
    /** Differences are clamped to ±2^17 and offset by it, so that they sort as the radix sort's non-negative values. */
    private static final int DIFFERENCE_OFFSET = 1 << 17;
    /**
     * MAD to the sigma of one pixel: 1.4826 turns the MAD of a Gaussian into its sigma, and the difference of two
     * independent pixels has √2 times one pixel's sigma, so 1.4826 / √2.
     */
    private static final double DIFFERENCE_MAD_TO_SIGMA = 1.4826 / Math.sqrt(2);
    /** MAD to sigma for a Gaussian. */
    private static final double MAD_TO_SIGMA = 1.4826;
    private static final int CLIP_ROUNDS = 8;
    /**
     * How far a tile's clipped MAD may exceed the noise from pixel differences before it is taken for widened by a
     * slope or by stars rather than noise: on white noise the two agree within 8% (twice their scatter over a tile's
     * samples), and on frames whose neighbouring pixels share some noise (the VLT ISAAC frame) the differences read
     * about 10% low.
     */
    private static final float WIDENED = 1.2f;

    /**
     * The noise of one pixel in [x0, x1) × [y0, y1), from the MAD of p(x, y) − p(x + {@value #LAG}, y) over every
     * {@code step}-th pixel of every {@code step}-th row (the partner as far to the left at the right edge of the
     * frame); {@code differences} and {@code other} must hold them all. A smooth sky, however steep, only shifts these differences by a constant, which the MAD
     * about their median ignores; stars widen them where they are steep, across their cores. Exact for white noise;
     * noise correlated over {@value #LAG} pixels reads low. Returns 0 when the frame is too narrow to hold a pair.
     */
    private static float pixelSigma(DetectionGrid grid, int x0, int x1, int y0, int y1, int step, int[] differences,
            int[] other, int[] counts) {
        int n = 0;
        for (int y = y0; y < y1; y += step) {
            for (int x = x0; x < x1; x += step) {
                int partner = x + LAG < grid.width ? x + LAG : x - LAG;
                if (partner < 0) {
                    continue;
                }
                int d = (int) grid.value(x, y) - (int) grid.value(partner, y);
                differences[n++] = Math.clamp(d, -DIFFERENCE_OFFSET, DIFFERENCE_OFFSET - 1) + DIFFERENCE_OFFSET;
            }
        }
        if (n == 0) {
            return 0;
        }
        int[] sorted = radixSort(differences, other, counts, n);
        return (float) (mad(sorted, 0, n, sorted[n / 2]) * DIFFERENCE_MAD_TO_SIGMA);
    }

    /** The rows of one row of tiles, and arrays for the subsample of any tile in it; for one thread. */
    private static final class Scratch {
        final int y0;
        final int y1;
        final int[] sample;
        final int[] other;
        final int[] counts = new int[RADIX];

        Scratch(DetectionGrid grid, int r, int columns, int rows) {
            y0 = r * grid.height / rows;
            y1 = (r + 1) * grid.height / rows;
            int widest = 0;
            for (int c = 0; c < columns; c++) {
                widest = Math.max(widest, (c + 1) * grid.width / columns - c * grid.width / columns);
            }
            int capacity = ((y1 - y0 + SAMPLE_STEP - 1) / SAMPLE_STEP) * ((widest + SAMPLE_STEP - 1) / SAMPLE_STEP);
            sample = new int[capacity];
            other = new int[capacity];
        }
    }

    /** A tile's sky: its level and the robust sigma of its pixels about it. */
    private record TileSky(float level, float sigma) {
    }

    /**
     * The median and MAD sigma of the sorted values, clipped at 3 sigma about the median and clipped again with the new
     * median and sigma until the clip keeps the same values ({@value #CLIP_ROUNDS} rounds at most). Stars only add
     * values above the sky, so in a crowded tile each round narrows the clip and lowers the median towards the sky
     * between them; a smooth slope across the tile keeps the MAD wide, so its values are all kept and its median stays
     * at the tile's centre, though its sigma is then the slope's, not the noise's.
     */
    private static TileSky clip(int[] values, int n) {
        int lo = 0;
        int hi = n;
        int median = values[n / 2];
        float sigma = (float) (mad(values, lo, hi, median) * MAD_TO_SIGMA);
        for (int round = 0; round < CLIP_ROUNDS; round++) {
            int clippedLo = lowerBound(values, n, median - 3 * sigma);
            int clippedHi = lowerBound(values, n, median + 3 * sigma + 1e-3f);
            if (clippedHi - clippedLo <= 8 || clippedLo == lo && clippedHi == hi) {
                break;
            }
            lo = clippedLo;
            hi = clippedHi;
            median = values[lo + (hi - lo) / 2];
            sigma = (float) (mad(values, lo, hi, median) * MAD_TO_SIGMA);
        }
        return new TileSky(median(values, lo, hi), sigma);
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

    /**
     * Background at pixel (x, y), interpolated between tile centres and extrapolated along the same lines between the
     * outer tile centres and the frame's edges, so that a sky sloping towards an edge is followed to it.
     */
    public float level(int x, int y) {
        return interpolate(level, x, y, true);
    }

    /** Noise (robust sigma) at pixel (x, y), interpolated between tile centres and constant beyond the outer ones. */
    public float noise(int x, int y) {
        return interpolate(noise, x, y, false);
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
                double gx = position(x, width, columns);
                leftOf[x] = lower(gx, columns);
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
            double gy = position(y, height, rows);
            int r0 = lower(gy, rows);
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

    private float interpolate(float[] grid, int x, int y, boolean extrapolate) {
        double gx = position(x, width, columns);
        double gy = position(y, height, rows);
        int c0 = lower(gx, columns);
        int r0 = lower(gy, rows);
        int c1 = Math.min(c0 + 1, columns - 1);
        int r1 = Math.min(r0 + 1, rows - 1);
        double fx = gx - c0;
        double fy = gy - r0;
        if (!extrapolate) {
            fx = Math.clamp(fx, 0, 1);
            fy = Math.clamp(fy, 0, 1);
        }
        double top = grid[r0 * columns + c0] * (1 - fx) + grid[r0 * columns + c1] * fx;
        double bottom = grid[r1 * columns + c0] * (1 - fx) + grid[r1 * columns + c1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    /**
     * Where pixel {@code p} lies among the {@code count} tiles that split {@code length} pixels, in tiles from the first
     * tile's centre (negative before it, above count − 1 after the last).
     */
    private static double position(int p, int length, int count) {
        return (p + 0.5) * count / length - 0.5;
    }

    /** The first of the two tile centres that interpolate {@code position}: the outer pair beyond the outer centres. */
    private static int lower(double position, int count) {
        return Math.max(0, Math.min((int) Math.floor(position), count - 2));
    }

    /**
     * The MAD of the sorted whole numbers [from, to) about {@code median}, read as whole-number readings of a continuous
     * value: the median deviation is interpolated within the 1 ADU bin it falls in (a deviation d stands for d ± 0.5,
     * and 0 for 0 to 0.5), so that a noise of a few ADU is not rounded to whole ADU of MAD (15 ADU would read 13.3 or
     * 14.8). The deviations below and above the median are each already in order, so they are found by merging the two
     * runs up to the middle (and on through the deviations equal to the middle one).
     */
    private static float mad(int[] sorted, int from, int to, int median) {
        int n = to - from;
        int up = lowerBoundInt(sorted, from, to, median);
        int down = up - 1;
        int deviation = -1;
        int below = 0;
        int equal = 0;
        for (int k = 0; k < n; k++) {
            boolean fromBelow = up >= to || down >= from && median - sorted[down] <= sorted[up] - median;
            int next = fromBelow ? median - sorted[down] : sorted[up] - median;
            if (k > n / 2 && next != deviation) {
                break;
            }
            if (fromBelow) {
                down--;
            } else {
                up++;
            }
            if (next != deviation) {
                deviation = next;
                below = k;
                equal = 0;
            }
            equal++;
        }
        float within = (n / 2f - below) / equal;
        return deviation == 0 ? 0.5f * within : deviation - 0.5f + within;
    }

    /** The median of the sorted whole numbers [from, to), interpolated within its 1 ADU bin like {@link #mad}. */
    private static float median(int[] sorted, int from, int to) {
        int n = to - from;
        int middle = sorted[from + n / 2];
        int below = lowerBoundInt(sorted, from, to, middle) - from;
        int equal = lowerBoundInt(sorted, from, to, middle + 1) - from - below;
        return middle - 0.5f + (n / 2f - below) / equal;
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

    /**
     * The median of each tile's 3×3 neighbourhood. With {@code continueSlope} (the sky level) the grid is continued
     * beyond the edges by point reflection about the edge tile (v[-1] = 2·v[0] − v[1]), so that a sky that slopes
     * towards an edge keeps its slope there: cutting the window at the edge would give an edge tile the median of its
     * own row and the next one, which on a steep sky is the next one's value. Without it (the noise) the edge tiles are
     * repeated, so a filtered value always lies between real tiles' values: a reflected noise could reach zero or
     * below at a corner where the noise rises steeply inwards.
     */
    static float[] medianFilter(float[] grid, int columns, int rows, boolean continueSlope) {
        int paddedColumns = columns + 2;
        float[] padded = new float[paddedColumns * (rows + 2)];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(grid, r * columns, padded, (r + 1) * paddedColumns + 1, columns);
        }
        for (int c = 1; c <= columns; c++) {
            padded[c] = reflect(padded, c + paddedColumns, c + 2 * paddedColumns, continueSlope && rows > 1);
            int last = rows * paddedColumns + c;
            padded[last + paddedColumns] = reflect(padded, last, last - paddedColumns, continueSlope && rows > 1);
        }
        for (int r = 0; r < rows + 2; r++) {
            int first = r * paddedColumns + 1;
            padded[first - 1] = reflect(padded, first, first + 1, continueSlope && columns > 1);
            int last = r * paddedColumns + columns;
            padded[last + 1] = reflect(padded, last, last - 1, continueSlope && columns > 1);
        }
        float[] out = new float[grid.length];
        float[] window = new float[9];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int n = 0;
                for (int dr = 0; dr <= 2; dr++) {
                    for (int dc = 0; dc <= 2; dc++) {
                        window[n++] = padded[(r + dr) * paddedColumns + c + dc];
                    }
                }
                Arrays.sort(window);
                out[r * columns + c] = window[4];
            }
        }
        return out;
    }

    /** The value beyond {@code edge} on the line from {@code inner} through it, or the edge value when not {@code continueLine}. */
    private static float reflect(float[] padded, int edge, int inner, boolean continueLine) {
        return continueLine ? 2 * padded[edge] - padded[inner] : padded[edge];
    }
}
