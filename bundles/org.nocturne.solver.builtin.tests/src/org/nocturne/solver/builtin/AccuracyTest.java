package org.nocturne.solver.builtin;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.sim.render.ExposureScene;
import org.nocturne.device.sim.render.RenderedExposure;
import org.nocturne.device.sim.render.SensorModel;
import org.nocturne.device.sim.render.SkyRenderer;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;

/**
 * Near solves agree with the truth to the tolerances of {@link Solvers} (centre 1″, position angle 0.05°, scale 0.05%,
 * RMS 0.25 px) across the sky: both hemispheres, near both poles, across RA 0h, at several rotations and both
 * parities. Rendered frames (simulator plus star detector) for some, catalog star lists with 0.1 px centroid noise for
 * the rest. The hint is 1° or more off in each case.
 */
class AccuracyTest {

    private static final StarCatalog CATALOG = StarCatalog.bundled();
    /** 3000×2000 mono, 3.76 µm pixels. */
    private static final SensorModel CAMERA = new SensorModel(3000, 2000, 3.76, null, 1.0, 500, 2.0, 0.002, 1e-4, 50_000);
    private static final StarDetector DETECTOR = new StarDetector(
            new StarDetector.Settings(5, 64, (int) (500 + 0.9 * 50_000), 25, 1.0, 20_000));

    @ParameterizedTest(name = "rendered {0}h {1}° PA {2}° at {3} mm")
    @CsvSource({ "19.85, 35, 30, 400", "5.6, -5.3, 200, 400", "0.02, 12, 117, 300", "7.5, 87.5, 300, 500",
            "15.2, -86, 45, 300", "10.3, -40, 90, 600" })
    void renderedFramesSolveToTheTruth(double raHours, double decDegrees, double positionAngle, double focalMm) {
        Equatorial centre = Equatorial.ofHoursDegrees(raHours, decDegrees);
        ExposureScene scene = ExposureScene.light(centre, focalMm, 80, 10, Instant.parse("2025-08-20T22:30:00Z"))
                .withPositionAngle(positionAngle).withStarHfrArcsec(2.2).withSensorCelsius(-10);
        RenderedExposure exposure = new SkyRenderer(CATALOG, 11).render(CAMERA, scene);
        SolveRequest request = SolveRequest.ofFrame(exposure.frame())
                .withHint(Equatorial.ofHoursDegrees(raHours + 0.05, decDegrees > 0 ? decDegrees - 1 : decDegrees + 1), 10)
                .withScale(exposure.wcs().scaleArcsecPerPixel(), 0.1).withTimeLimit(Duration.ofSeconds(60));
        Solvers.assertAgrees(exposure.wcs(), 3000, 2000, Solvers.solve(request.withStarsDetected(DETECTOR)), "rendered");
    }

    /**
     * Optics with a few pixels of quadratic distortion at the corners: the solution carries SIP and still meets the
     * tolerances; without distortion it stays a pure TAN projection.
     */
    @Test
    void distortionIsFittedWithSipOnlyWhenThere() {
        SkyField field = SkyField.at(18.6, 10, 1.5, 65).distorted(3e-6);
        SolveRequest request = Solvers.request(field, CATALOG).withHint(field.centre(), 2).withScale(1.5, 0.1);
        SolveResult.Solved solved = Solvers.assertAgrees(field.truth(), field.width(), field.height(), Solvers.solve(request),
                "distorted");
        assertNotNull(solved.wcs().sip(), "distortion fitted");
        assertTrue(solved.matchedStars() >= SolutionRefiner.SIP_MATCHES, "matches " + solved.matchedStars());
        SkyField straight = SkyField.at(18.6, 10, 1.5, 65);
        SolveResult.Solved plain = Solvers.assertAgrees(straight.truth(), straight.width(), straight.height(),
                Solvers.solve(Solvers.request(straight, CATALOG).withHint(straight.centre(), 2).withScale(1.5, 0.1)),
                "undistorted");
        assertNull(plain.wcs().sip(), "no distortion fitted where there is none");
    }

    @ParameterizedTest(name = "{0}h {1}° PA {2}° {3}″/px flipped {4}")
    @CsvSource({ "0, 0, 0, 1.0, false", "23.99, 30, 10, 1.5, false", "0.01, -30, 170, 2.0, true", "6, 85, 250, 3.0, false",
            "18, 89.5, 95, 2.5, true", "3, -85, 333, 1.2, false", "21, -89.5, 12, 2.8, false", "12, 45, 359, 1.8, true",
            "16.5, -60, 60, 2.2, false", "9, 70, 135, 1.0, false", "2, -15, 225, 3.0, true", "14, 5, 300, 1.4, false" })
    void starListsSolveToTheTruth(double raHours, double decDegrees, double positionAngle, double scale, boolean flipped) {
        SkyField field = SkyField.at(raHours, decDegrees, scale, positionAngle);
        if (flipped) {
            field = field.mirrored();
        }
        SolveRequest request = Solvers.request(field, CATALOG)
                .withHint(Equatorial.ofHoursDegrees(raHours, decDegrees > 0 ? decDegrees - 1.2 : decDegrees + 1.2), 5)
                .withScale(scale * 1.05, 0.2);
        Solvers.assertAgrees(field.truth(), field.width(), field.height(), Solvers.solve(request), "star list");
    }
}
