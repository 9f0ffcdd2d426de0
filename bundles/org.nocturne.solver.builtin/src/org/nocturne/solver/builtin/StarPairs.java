package org.nocturne.solver.builtin;

import java.util.Arrays;

/**
 * Frame stars paired with catalog stars: frame pixels 0-based, sky places in radians (ICRS) with the catalog
 * magnitude. A growing list; not thread-safe.
 */
final class StarPairs {

    double[] x = new double[64];
    double[] y = new double[64];
    double[] ra = new double[64];
    double[] dec = new double[64];
    double[] magnitude = new double[64];
    int size;

    void add(double px, double py, double raRadians, double decRadians, double mag) {
        if (size == x.length) {
            int grown = size * 2;
            x = Arrays.copyOf(x, grown);
            y = Arrays.copyOf(y, grown);
            ra = Arrays.copyOf(ra, grown);
            dec = Arrays.copyOf(dec, grown);
            magnitude = Arrays.copyOf(magnitude, grown);
        }
        x[size] = px;
        y[size] = py;
        ra[size] = raRadians;
        dec[size] = decRadians;
        magnitude[size] = mag;
        size++;
    }
}
