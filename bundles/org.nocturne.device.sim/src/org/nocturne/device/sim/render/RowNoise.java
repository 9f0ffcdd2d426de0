package org.nocturne.device.sim.render;

import java.util.SplittableRandom;

/**
 * The random numbers of one output row: shot noise and read noise, from a generator seeded for that row alone, so a
 * row's noise does not depend on which thread renders it or in what order. Not thread-safe: one per row.
 */
final class RowNoise {

    /** From this mean on, Poisson draws use the Gaussian approximation (skewness below 0.3). */
    private static final double GAUSSIAN_FROM = 12;

    /** An odd constant that spreads the rows' seeds far apart in the generator's sequence. */
    private static final long ROW_STRIDE = 0xD1B54A32D192ED03L;

    /** 1/k for the Poisson inversion's terms; a draw of mean below 12 almost never goes past 60. */
    private static final double[] INVERSE = new double[61];

    static {
        for (int k = 1; k < INVERSE.length; k++) {
            INVERSE[k] = 1.0 / k;
        }
    }

    private final SplittableRandom random;

    private RowNoise(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The noise of output row {@code row} of the exposure seeded with {@code exposureSeed}. */
    static RowNoise forRow(long exposureSeed, int row) {
        return new RowNoise(exposureSeed + (row + 1L) * ROW_STRIDE);
    }

    /** A Poisson draw of the given mean, e⁻: exact by inversion below {@value #GAUSSIAN_FROM}, Gaussian above. */
    double photons(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean >= GAUSSIAN_FROM) {
            return Math.max(0, mean + Math.sqrt(mean) * random.nextGaussian());
        }
        double u = random.nextDouble();
        double p = Math.exp(-mean);
        double cumulative = p;
        int k = 0;
        while (u > cumulative && k < INVERSE.length - 1) {
            k++;
            p *= mean * INVERSE[k];
            cumulative += p;
        }
        return k;
    }

    /** A standard normal draw. */
    double gaussian() {
        return random.nextGaussian();
    }
}
