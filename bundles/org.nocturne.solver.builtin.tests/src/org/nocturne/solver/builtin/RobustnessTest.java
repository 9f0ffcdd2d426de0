package org.nocturne.solver.builtin;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.sim.render.ExposureScene;
import org.nocturne.device.sim.render.RenderedExposure;
import org.nocturne.device.sim.render.SensorModel;
import org.nocturne.device.sim.render.SkyRenderer;
import org.nocturne.solver.api.SolveRequest;

/**
 * What real frames do to a star list does not stop a solve, and the solution still meets the tolerances of
 * {@link Solvers}: hot pixels, a satellite trail's detections, 20% spurious stars, 30% missing stars, a mirror image,
 * any rotation, and a hint several degrees off (with the default 30° search radius).
 */
class RobustnessTest {

    private static final StarCatalog CATALOG = StarCatalog.bundled();

    @Test
    void hotPixelsOnARenderedFrame() {
        SensorModel hot = new SensorModel(2400, 1600, 3.76, null, 1.0, 500, 2.0, 0.05, 5e-3, 50_000);
        Equatorial centre = Equatorial.ofHoursDegrees(1.5, 20);
        ExposureScene scene = ExposureScene.light(centre, 350, 70, 30, Instant.parse("2025-08-20T22:30:00Z"))
                .withPositionAngle(15).withSensorCelsius(20);
        RenderedExposure exposure = new SkyRenderer(CATALOG, 5).render(hot, scene);
        SolveRequest request = SolveRequest.ofFrame(exposure.frame()).withHint(centre, 5).withTimeLimit(Duration.ofSeconds(60));
        Solvers.assertAgrees(exposure.wcs(), 2400, 1600, Solvers.solve(request), "hot pixels");
    }

    @Test
    void aSatelliteTrailsDetections() {
        SkyField field = SkyField.at(22.3, 15, 1.6, 80).withTrail(60);
        assertSolvesNear(field, "trail");
    }

    @Test
    void twentyPercentSpuriousAndThirtyPercentMissingStars() {
        SkyField field = SkyField.at(4.2, -35, 2.0, 210).withSpurious(0.2).losing(0.3);
        assertSolvesNear(field, "spurious and missing");
        assertSolvesBlind(field.seeded(2), "spurious and missing, blind");
    }

    @Test
    void aMirrorImage() {
        SkyField field = SkyField.at(11, 52, 2.5, 140).mirrored();
        assertSolvesNear(field, "mirrored");
        assertSolvesBlind(field, "mirrored, blind");
    }

    @ParameterizedTest(name = "PA {0}°")
    @ValueSource(doubles = { 0, 37, 90, 181, 269.5, 359.9 })
    void anyRotation(double positionAngle) {
        assertSolvesNear(SkyField.at(6.8, -12, 1.9, positionAngle), "PA " + positionAngle);
    }

    @Test
    void aHintSeveralDegreesOff() {
        SkyField field = SkyField.at(9.4, 28, 1.7, 20);
        SolveRequest request = Solvers.request(field, CATALOG).withHint(Equatorial.ofHoursDegrees(9.8, 23), 30)
                .withScale(1.7, 0.15);
        Solvers.assertAgrees(field.truth(), field.width(), field.height(), Solvers.solve(request), "hint 7° off");
        Solvers.assertAgrees(field.truth(), field.width(), field.height(), Solvers.solve(request.withoutScale()),
                "hint 7° off, no scale");
    }

    private static void assertSolvesNear(SkyField field, String what) {
        SolveRequest request = Solvers.request(field, CATALOG).withHint(field.centre(), 3)
                .withScale(field.arcsecPerPixel(), 0.1);
        Solvers.assertAgrees(field.truth(), field.width(), field.height(), Solvers.solve(request), what);
    }

    private static void assertSolvesBlind(SkyField field, String what) {
        Solvers.assertAgrees(field.truth(), field.width(), field.height(), Solvers.solve(Solvers.request(field, CATALOG)), what);
    }
}
