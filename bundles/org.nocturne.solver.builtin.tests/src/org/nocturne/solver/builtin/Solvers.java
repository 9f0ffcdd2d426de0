package org.nocturne.solver.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.task.Progress;
import org.nocturne.image.Wcs;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;

/**
 * The solver the tests share (so the whole-sky index is built once per run) and the checks against a true WCS. The
 * tolerances: centre within 1″, position angle within 0.05°, scale within 0.05%, RMS within 0.25 px.
 */
final class Solvers {

    static final double CENTRE_ARCSEC = 1;
    static final double ANGLE_DEGREES = 0.05;
    static final double SCALE_FRACTION = 0.0005;
    static final double RMS_PIXELS = 0.25;

    private static final BuiltinSolver SHARED = new BuiltinSolver(StarCatalog.bundled());

    private Solvers() {
    }

    static BuiltinSolver shared() {
        return SHARED;
    }

    /** Solves on the shared solver, waiting at most two minutes. */
    static SolveResult solve(SolveRequest request) {
        try {
            return SHARED.solve(request, Progress.NONE).get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError("the solve did not complete: " + e, e);
        }
    }

    /** Asserts {@code result} is a solution that agrees with {@code truth}, and returns it. */
    static SolveResult.Solved assertAgrees(Wcs truth, int width, int height, SolveResult result, String what) {
        if (result instanceof SolveResult.Failed failed) {
            throw new AssertionError(what + ": failed: " + failed.reason());
        }
        SolveResult.Solved solved = assertInstanceOf(SolveResult.Solved.class, result, what);
        double centre = solved.centre().separationDegrees(truth.toSky((width + 1) / 2.0, (height + 1) / 2.0)) * 3600;
        double angle = Math.IEEEremainder(solved.rotationDegrees() - truth.positionAngleDegrees(), 360);
        double scale = solved.scaleArcsecPerPixel() / truth.scaleArcsecPerPixel() - 1;
        double rmsPixels = solved.rmsArcsec() / solved.scaleArcsecPerPixel();
        String detail = String.format("%s: centre off %.3f″, angle off %.4f°, scale off %.4f%%, RMS %.3f px, %d matches",
                what, centre, angle, scale * 100, rmsPixels, solved.matchedStars());
        assertTrue(centre <= CENTRE_ARCSEC, detail);
        assertTrue(Math.abs(angle) <= ANGLE_DEGREES, detail);
        assertTrue(Math.abs(scale) <= SCALE_FRACTION, detail);
        assertTrue(rmsPixels <= RMS_PIXELS, detail);
        assertEquals(truth.isFlipped(), solved.flipped(), detail + ": parity");
        assertEquals(width, solved.width());
        return solved;
    }

    static SolveRequest request(SkyField field, StarCatalog catalog) {
        return SolveRequest.ofStars(field.width(), field.height(), field.stars(catalog)).withTimeLimit(Duration.ofSeconds(60));
    }
}
