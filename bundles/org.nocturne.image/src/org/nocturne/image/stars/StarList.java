package org.nocturne.image.stars;

import java.util.Arrays;
import java.util.List;

/**
 * What a detection found: the stars, brightest first, and what it rejected and why. Immutable.
 *
 * @param stars the accepted stars, brightest first
 * @param backgroundLevel median sky background, ADU
 * @param backgroundNoise robust sigma of the sky, ADU
 * @param rejectedHotPixels candidates sharper than any star can be (hot pixels, cosmic-ray hits)
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
        if (stars.isEmpty()) {
            return Double.NaN;
        }
        double[] hfr = stars.stream().mapToDouble(Star::hfr).sorted().toArray();
        return hfr.length % 2 == 1 ? hfr[hfr.length / 2] : (hfr[hfr.length / 2 - 1] + hfr[hfr.length / 2]) / 2;
    }

    /** The median FWHM, or NaN when there are no stars. */
    public double medianFwhm() {
        double[] fwhm = stars.stream().mapToDouble(Star::fwhm).sorted().toArray();
        return fwhm.length == 0 ? Double.NaN : fwhm[fwhm.length / 2];
    }

    /** The median eccentricity, or NaN when there are no stars. */
    public double medianEccentricity() {
        double[] e = stars.stream().mapToDouble(Star::eccentricity).toArray();
        Arrays.sort(e);
        return e.length == 0 ? Double.NaN : e[e.length / 2];
    }
}
