package org.nocturne.solver.builtin;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.image.Wcs;

/**
 * Decides whether a candidate solution is real. The candidate comes from four stars that match by construction, so
 * the evidence is the other stars: the brightest catalog stars the candidate puts on the frame are paired with the
 * brightest detected stars (first coarsely, refitting a similarity after each step, then within
 * {@value #MATCH_RADIUS} px), and the number of pairs beyond the quad's four is compared with what chance gives.
 *
 * <p>The rule: if the detected stars were scattered at random, a catalog star would find one within the radius with
 * probability {@code p = n·πr²/area}; among the {@code m} catalog stars compared, chance pairs are Poisson with mean
 * {@code λ = m·p}. A candidate is accepted only when the chance of seeing its number of extra pairs or more is at most
 * 10<sup>−{@value #LOG10_CHANCE_ALLOWED}</sup> and it pairs at least {@value #MINIMUM_MATCHES} stars in all. One solve
 * tests at most a few thousand candidates, so a false solution would need odds worse than one in 10⁸ per solve.
 *
 * <p>Not thread-safe: one per solve attempt.
 */
final class MatchVerifier {

    static final int MINIMUM_MATCHES = 8;
    static final double LOG10_CHANCE_ALLOWED = 12;
    static final double MATCH_RADIUS = 3;
    private static final int STARS_COMPARED = 150;
    private static final int STARS_FOR_FIRST_FIT = 40;
    /** The catalog is read to this magnitude first, and deeper only when too few stars fall on the frame. */
    private static final double QUICK_MAGNITUDE = 10.5;

    /** An accepted candidate: its solution (a similarity), the stars paired and the chance of that. */
    record Verdict(Wcs wcs, boolean flipped, int matched, int compared, double log10Chance) {
    }

    private final StarCatalog catalog;
    private final ImageStars image;

    MatchVerifier(StarCatalog catalog, ImageStars image) {
        this.catalog = catalog;
        this.image = image;
    }

    /** The verdict on {@code candidate} (a solution whose parity is {@code flipped}), or null when it is rejected. */
    Verdict verify(Wcs candidate, boolean flipped) {
        int width = image.width;
        int height = image.height;
        double crpix1 = (width + 1) / 2.0;
        double crpix2 = (height + 1) / 2.0;
        int imageStars = Math.min(image.count(), STARS_COMPARED);
        FieldStars field = FieldStars.around(catalog, candidate, width, height, QUICK_MAGNITUDE, imageStars);
        int catalogStars = Math.min(field.onFrameCount, imageStars);
        if (catalogStars < MINIMUM_MATCHES) {
            return null;
        }
        Wcs wcs = candidate;
        double coarse = Math.max(8, 0.01 * Math.hypot(width, height));
        for (double radius : new double[] { coarse, Math.max(MATCH_RADIUS * 2, coarse / 3), MATCH_RADIUS * 2 }) {
            StarPairs pairs = field.pair(image, Math.min(imageStars, STARS_FOR_FIRST_FIT),
                    Math.min(catalogStars, STARS_FOR_FIRST_FIT), radius);
            if (pairs.size < 4) {
                return null;
            }
            Wcs refined = PlateFit.similarity(pairs, crpix1, crpix2, flipped, wcs.toSky(crpix1, crpix2));
            if (refined == null) {
                return null;
            }
            wcs = refined;
            field.project(wcs);
        }
        StarPairs pairs = field.pair(image, imageStars, Math.min(field.onFrameCount, imageStars), MATCH_RADIUS);
        int compared = Math.min(field.onFrameCount, imageStars);
        double p = Math.min(1, imageStars * Math.PI * MATCH_RADIUS * MATCH_RADIUS / ((double) width * height));
        double lambda = Math.max(0, compared - 4) * p;
        double log10Chance = log10PoissonTail(pairs.size - 4, lambda);
        if (pairs.size < MINIMUM_MATCHES || log10Chance > -LOG10_CHANCE_ALLOWED) {
            return null;
        }
        Wcs fitted = PlateFit.similarity(pairs, crpix1, crpix2, flipped, wcs.toSky(crpix1, crpix2));
        return new Verdict(fitted == null ? wcs : fitted, flipped, pairs.size, compared, log10Chance);
    }

    /** log₁₀ of the probability that a Poisson variable of mean {@code lambda} is {@code k} or more. */
    static double log10PoissonTail(int k, double lambda) {
        if (k <= 0) {
            return 0;
        }
        if (lambda <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double logFactorial = 0;
        for (int j = 2; j <= k; j++) {
            logFactorial += Math.log(j);
        }
        double logFirst = -lambda + k * Math.log(lambda) - logFactorial;
        double sum = 1;
        double term = 1;
        for (int j = k + 1; j < k + 10_000; j++) {
            term *= lambda / j;
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return Math.min(0, (logFirst + Math.log(sum)) / Math.log(10));
    }
}
