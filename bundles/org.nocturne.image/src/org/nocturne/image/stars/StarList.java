package org.nocturne.image.stars;

import java.util.Arrays;
import java.util.List;

/**
 * What a detection found: the stars, brightest first, and what it rejected and why. Immutable.
 *
 * @param stars the accepted stars, brightest first
 * @param backgroundLevel median sky background, ADU
 * @param backgroundNoise robust sigma of the sky, ADU
 * @param rejectedHotPixels candidates sharper than any star can be (hot pixels, cosmic-ray hits, bad columns and rows)
 * @param rejectedSaturated candidates with saturated pixels, whose centroid and size cannot be trusted
 * @param rejectedEdge candidates too close to the frame's edge to be measured whole
 */
public record StarList(List<Star> stars, double backgroundLevel, double backgroundNoise, int rejectedHotPixels,
        int rejectedSaturated, int rejectedEdge) {

    public StarList {
        stars = List.copyOf(stars);
    }

    /** The median half-flux radius of the stars, or NaN when there are none: the number focusing watches. */
    public double medianHfr() {
        return median(stars.stream().mapToDouble(Star::hfr).toArray());
    }

    /** The median FWHM, or NaN when there are no stars. */
    public double medianFwhm() {
        return median(stars.stream().mapToDouble(Star::fwhm).toArray());
    }

    /** The median eccentricity, or NaN when there are no stars. */
    public double medianEccentricity() {
        return median(stars.stream().mapToDouble(Star::eccentricity).toArray());
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
