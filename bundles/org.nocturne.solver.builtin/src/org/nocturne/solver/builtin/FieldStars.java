package org.nocturne.solver.builtin;

import java.util.Arrays;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.image.Wcs;

/**
 * The catalog stars that a solution puts on the frame, brightest first, with their pixel positions under the current
 * solution (0-based, as detected stars). {@link #project} moves them when the solution is refined. Not thread-safe.
 */
final class FieldStars {

    final double[] ra;
    final double[] dec;
    final double[] magnitude;
    final double[] x;
    final double[] y;
    /** Stars whose pixel lies on the frame under the last projection, in order of brightness. */
    int[] onFrame = new int[0];
    int onFrameCount;
    private final int width;
    private final int height;

    private FieldStars(double[] ra, double[] dec, double[] magnitude, int width, int height) {
        this.ra = ra;
        this.dec = dec;
        this.magnitude = magnitude;
        this.x = new double[ra.length];
        this.y = new double[ra.length];
        this.width = width;
        this.height = height;
    }

    /** The catalog stars around the frame that {@code wcs} describes, projected through it. */
    static FieldStars around(StarCatalog catalog, Wcs wcs, int width, int height) {
        return around(catalog, wcs, width, height, 99, 0);
    }

    /**
     * The catalog stars around the frame to magnitude {@code faintest}, or fainter when fewer than {@code wanted} of
     * them fall on the frame: cheaper for wide fields, where the bright stars are plenty.
     */
    static FieldStars around(StarCatalog catalog, Wcs wcs, int width, int height, double faintest, int wanted) {
        Equatorial centre = wcs.toSky((width + 1) / 2.0, (height + 1) / 2.0);
        double radius = Math.min(60, Math.hypot(width, height) / 2 * wcs.scaleArcsecPerPixel() / 3600 * 1.05);
        FieldStars stars = collect(catalog, centre, radius, faintest, width, height);
        stars.project(wcs);
        if (faintest < 99 && stars.onFrameCount < wanted) {
            stars = collect(catalog, centre, radius, 99, width, height);
            stars.project(wcs);
        }
        return stars;
    }

    private static FieldStars collect(StarCatalog catalog, Equatorial centre, double radius, double faintest, int width,
            int height) {
        double[][] collected = { new double[256], new double[256], new double[256] };
        int[] size = { 0 };
        catalog.forEachInCone(centre, radius, faintest, (raRadians, decRadians, mag) -> {
            if (size[0] == collected[0].length) {
                for (int k = 0; k < 3; k++) {
                    collected[k] = Arrays.copyOf(collected[k], size[0] * 2);
                }
            }
            collected[0][size[0]] = raRadians;
            collected[1][size[0]] = decRadians;
            collected[2][size[0]] = mag;
            size[0]++;
        });
        int n = size[0];
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = Math.round((collected[2][i] + 10) * 1000) << 32 | i;
        }
        Arrays.sort(order);
        double[] ra = new double[n];
        double[] dec = new double[n];
        double[] magnitude = new double[n];
        for (int k = 0; k < n; k++) {
            int i = (int) order[k];
            ra[k] = collected[0][i];
            dec[k] = collected[1][i];
            magnitude[k] = collected[2][i];
        }
        return new FieldStars(ra, dec, magnitude, width, height);
    }

    /** Places every star through {@code wcs} and lists those on the frame. */
    void project(Wcs wcs) {
        int[] on = new int[ra.length];
        int count = 0;
        for (int i = 0; i < ra.length; i++) {
            double[] pixel = wcs.toPixel(new Equatorial(ra[i], dec[i]));
            if (pixel == null) {
                x[i] = Double.NaN;
                y[i] = Double.NaN;
                continue;
            }
            x[i] = pixel[0] - 1;
            y[i] = pixel[1] - 1;
            if (x[i] >= -0.5 && x[i] <= width - 0.5 && y[i] >= -0.5 && y[i] <= height - 0.5) {
                on[count++] = i;
            }
        }
        onFrame = on;
        onFrameCount = count;
    }

    /**
     * Pairs the brightest {@code catalogStars} on the frame, brightest first, each with the nearest not yet paired
     * star among the first {@code imageStars} of {@code image} within {@code radius} px.
     */
    StarPairs pair(ImageStars image, int imageStars, int catalogStars, double radius) {
        StarPairs pairs = new StarPairs();
        boolean[] taken = new boolean[image.count()];
        int n = Math.min(catalogStars, onFrameCount);
        for (int k = 0; k < n; k++) {
            int i = onFrame[k];
            int star = image.nearest(x[i], y[i], radius, imageStars, taken);
            if (star >= 0) {
                taken[star] = true;
                pairs.add(image.x[star], image.y[star], ra[i], dec[i], magnitude[i]);
            }
        }
        return pairs;
    }
}
