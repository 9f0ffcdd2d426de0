package org.nocturne.solver.builtin;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.image.Wcs;
import org.nocturne.solver.api.SolveMode;
import org.nocturne.solver.api.SolveResult;

/**
 * Turns a verified similarity into the reported solution: pairs every catalog star on the frame with the detected
 * stars (all of them, not only the brightest the verification compared), fits a TAN projection with a full CD matrix
 * and the reference pixel at the frame's centre, and repeats with a radius of four times the RMS (at least
 * {@value #SMALLEST_RADIUS} px). With {@value #SIP_MATCHES} pairs or more it also fits SIP distortion of order 2, kept
 * only when it lowers the RMS by a fifth or more. Not thread-safe.
 */
final class SolutionRefiner {

    static final int SIP_MATCHES = 40;
    private static final double SMALLEST_RADIUS = 2;
    private static final int ROUNDS = 3;

    private final StarCatalog catalog;
    private final ImageStars image;

    SolutionRefiner(StarCatalog catalog, ImageStars image) {
        this.catalog = catalog;
        this.image = image;
    }

    SolveResult.Solved refine(MatchVerifier.Verdict verdict, SolveMode mode, Budget budget) {
        int width = image.width;
        int height = image.height;
        double crpix1 = (width + 1) / 2.0;
        double crpix2 = (height + 1) / 2.0;
        Wcs wcs = verdict.wcs();
        FieldStars field = FieldStars.around(catalog, wcs, width, height);
        double radius = MatchVerifier.MATCH_RADIUS;
        StarPairs pairs = field.pair(image, image.count(), field.onFrameCount, radius);
        for (int round = 0; round < ROUNDS; round++) {
            budget.check();
            Wcs fitted = PlateFit.tan(pairs, crpix1, crpix2, wcs.toSky(crpix1, crpix2));
            if (fitted == null) {
                break;
            }
            double rmsPixels = PlateFit.rmsArcsec(fitted, pairs) / fitted.scaleArcsecPerPixel();
            radius = Math.max(SMALLEST_RADIUS, 4 * rmsPixels);
            field.project(fitted);
            StarPairs repaired = field.pair(image, image.count(), field.onFrameCount, radius);
            if (repaired.size < MatchVerifier.MINIMUM_MATCHES) {
                break;
            }
            wcs = fitted;
            pairs = repaired;
        }
        if (pairs.size >= SIP_MATCHES) {
            Wcs tan = PlateFit.tan(pairs, crpix1, crpix2, wcs.toSky(crpix1, crpix2));
            Wcs sip = PlateFit.tanSip(pairs, crpix1, crpix2, wcs.toSky(crpix1, crpix2));
            if (tan != null) {
                wcs = tan;
            }
            if (tan != null && sip != null && PlateFit.rmsArcsec(sip, pairs) < 0.8 * PlateFit.rmsArcsec(tan, pairs)) {
                wcs = sip;
            }
        } else {
            Wcs tan = PlateFit.tan(pairs, crpix1, crpix2, wcs.toSky(crpix1, crpix2));
            if (tan != null) {
                wcs = tan;
            }
        }
        return SolveAttempt.solved(mode, budget, wcs, width, height, pairs);
    }
}
