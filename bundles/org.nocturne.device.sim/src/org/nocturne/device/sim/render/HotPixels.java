package org.nocturne.device.sim.render;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The hot pixels of one sensor: a fixed set of pixels whose dark current is 50 to 5000 times the mean (log-uniform),
 * drawn once from the sensor's seed, so every exposure of that sensor shows the same ones, growing with exposure time
 * and temperature as real ones do, and a dark frame calibrates them out. Immutable.
 */
final class HotPixels {

    private static final double LEAST_FACTOR = 50;
    private static final double GREATEST_FACTOR = 5000;

    private final int sensorWidth;
    /** Sensor pixel indices (y · width + x), ascending, no repeats. */
    private final int[] index;
    /** Each hot pixel's dark current over the mean, minus one: what it adds on top of an ordinary pixel. */
    private final float[] excess;

    private HotPixels(int sensorWidth, int[] index, float[] excess) {
        this.sensorWidth = sensorWidth;
        this.index = index;
        this.excess = excess;
    }

    /** The hot pixels of a {@code width} × {@code height} sensor with {@code fraction} of them hot, from {@code seed}. */
    static HotPixels draw(int width, int height, double fraction, long seed) {
        long pixels = (long) width * height;
        int count = (int) Math.round(fraction * pixels);
        SplittableRandom random = new SplittableRandom(seed);
        long[] drawn = new long[count];
        double logLeast = Math.log(LEAST_FACTOR);
        double logRange = Math.log(GREATEST_FACTOR) - logLeast;
        for (int i = 0; i < count; i++) {
            long where = random.nextLong(pixels);
            int factorBits = Float.floatToIntBits((float) (Math.exp(logLeast + logRange * random.nextDouble()) - 1));
            drawn[i] = where << 32 | (factorBits & 0xFFFFFFFFL);
        }
        Arrays.sort(drawn);
        int[] index = new int[count];
        float[] excess = new float[count];
        int n = 0;
        for (long entry : drawn) {
            int where = (int) (entry >>> 32);
            if (n > 0 && index[n - 1] == where) {
                continue;
            }
            index[n] = where;
            excess[n] = Float.intBitsToFloat((int) entry);
            n++;
        }
        return new HotPixels(width, Arrays.copyOf(index, n), Arrays.copyOf(excess, n));
    }

    /** How many pixels are hot. */
    int count() {
        return index.length;
    }

    /**
     * Adds the hot pixels' extra dark charge to {@code mean}, which holds sensor row {@code sensorY} from column
     * {@code firstColumn} on, one value per column.
     *
     * @param darkElectrons an ordinary pixel's dark charge over the exposure, e⁻
     */
    void addTo(double[] mean, int sensorY, int firstColumn, int columns, double darkElectrons) {
        if (darkElectrons <= 0 || index.length == 0) {
            return;
        }
        int from = sensorY * sensorWidth + firstColumn;
        int to = from + columns;
        int i = Arrays.binarySearch(index, from);
        for (i = i < 0 ? -i - 1 : i; i < index.length && index[i] < to; i++) {
            mean[index[i] - from] += excess[i] * darkElectrons;
        }
    }
}
