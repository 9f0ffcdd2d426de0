package org.nocturne.solver.builtin;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.TangentPlane;
import org.nocturne.device.sim.render.ExposureScene;
import org.nocturne.device.sim.render.RenderedExposure;
import org.nocturne.device.sim.render.SensorModel;
import org.nocturne.device.sim.render.SkyRenderer;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.image.stars.StarList;
import org.nocturne.solver.api.SolveRequest;

/**
 * Wide, undersampled fields solve near a hint and blind, to the tolerances of {@link Solvers}: 5.0°×3.3° at 6″/px,
 * rendered by the sky simulator as the solver benchmark renders them (3008×2008 pixels of 3.76 µm, f/5, 10 s, its
 * seed and exposure numbers) and detected by the image core, which keeps only about a quarter of the catalog stars
 * there (the rest look like hot pixels). Both are benchmark fields that neither a near nor a blind solve found while
 * the levels of wide cells drew their quads on as few neighbours as the others.
 */
class WideFieldTest {

    private static final StarCatalog CATALOG = StarCatalog.bundled();
    private static final double ARCSEC_PER_PIXEL = 6.0;

    @ParameterizedTest(name = "{0}h {1}° PA {2}°")
    @CsvSource({ "22.9147737473995, -63.499511491029686, 70.98803704651553, 79",
            "16.550153725855814, -47.29123145115636, 38.668708989793636, 90" })
    void undersampledFieldsSolveNearAndBlind(double raHours, double decDegrees, double positionAngle, long exposure) {
        SensorModel sensor = new SensorModel(3008, 2008, 3.76, null, 1.0, 500, 2.0, 0.01, 1e-4, 50_000);
        double focal = 206.264806 * 3.76 / ARCSEC_PER_PIXEL;
        Equatorial centre = Equatorial.ofHoursDegrees(raHours, decDegrees);
        ExposureScene scene = ExposureScene.light(centre, focal, focal / 5, 10, Instant.parse("2026-11-25T22:00:00Z"))
                .withPositionAngle(positionAngle);
        RenderedExposure rendered = new SkyRenderer(CATALOG, 2026).render(sensor, scene, exposure);
        StarList stars = new StarDetector().detect(rendered.frame());
        double offset = Math.tan(Math.toRadians(1.2));
        Equatorial hint = new TangentPlane(centre).deproject(offset * 0.6, offset * 0.8);
        SolveRequest near = SolveRequest.ofStars(3008, 2008, stars).withHint(hint, 3).withScale(ARCSEC_PER_PIXEL, 0.1)
                .withTimeLimit(Duration.ofSeconds(30));
        Solvers.assertAgrees(rendered.wcs(), 3008, 2008, Solvers.solve(near), "near");
        SolveRequest blind = SolveRequest.ofStars(3008, 2008, stars).withScale(ARCSEC_PER_PIXEL, 0.2)
                .withTimeLimit(Duration.ofSeconds(60));
        Solvers.assertAgrees(rendered.wcs(), 3008, 2008, Solvers.solve(blind), "blind");
    }
}
