package org.nocturne.solver.astrometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.task.Progress;
import org.nocturne.device.sim.render.ExposureScene;
import org.nocturne.device.sim.render.RenderedExposure;
import org.nocturne.device.sim.render.SensorModel;
import org.nocturne.device.sim.render.SkyRenderer;
import org.nocturne.image.Wcs;
import org.nocturne.image.stars.Star;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.image.stars.StarList;
import org.nocturne.solver.api.PointingOffset;
import org.nocturne.solver.api.SolveMode;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;
import org.nocturne.solver.api.StarMatch;
import org.nocturne.solver.api.support.ProcessRun;
import org.nocturne.solver.api.support.ProgramLocator;

/**
 * The real solve-field with the real Tycho-2 index files, on frames the simulator renders from the same Tycho-2 stars
 * with a known WCS (the truth): a 2000×1500 camera of 3.76 µm pixels at 200 mm (3.88″/px, a 2.15°×1.62° field) on a
 * Milky Way field in Cygnus, turned to position angle 30°.
 *
 * <p>Tolerances: the centre within 2″ of the truth (about half a pixel; solve-field typically gets under 1″), the
 * rotation within 0.02° (a pixel over the field's half-width), the scale within 0.05%.
 */
class SolveFieldSolverTest {

    private static final Equatorial CYGNUS = Equatorial.ofHoursDegrees(19.85, 35.0);
    private static final SensorModel CAMERA = new SensorModel(2000, 1500, 3.76, null, 1.0, 500, 2.0, 0.002, 1e-4, 50_000);
    private static final double FOCAL_MM = 200;
    private static final double POSITION_ANGLE = 30;
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private static SolveFieldSolver solver;
    private static RenderedExposure exposure;
    private static StarList stars;
    private static double scale;

    @BeforeAll
    static void renderAndDetect() {
        solver = InstalledSolveField.required();
        ExposureScene scene = ExposureScene.light(CYGNUS, FOCAL_MM, 50, 10, Instant.parse("2025-08-20T22:30:00Z"))
                .withPositionAngle(POSITION_ANGLE).withStarHfrArcsec(4).withSensorCelsius(-10);
        exposure = new SkyRenderer(StarCatalog.bundled(), 7).render(CAMERA, scene);
        stars = new StarDetector(new StarDetector.Settings(5, 64, 45_000, 25, 1.0, 20000)).detect(exposure.frame());
        scale = exposure.wcs().scaleArcsecPerPixel();
        System.out.printf("rendered %d stars, detected %d, %.3f″/px%n", exposure.stars().size(), stars.stars().size(), scale);
    }

    @Test
    void solvesNearAHintHalfADegreeOffToTheTruth() throws Exception {
        Equatorial hint = Equatorial.ofHoursDegrees(CYGNUS.raHours() + 0.03, CYGNUS.decDegrees() - 0.3);
        SolveRequest request = SolveRequest.ofStars(CAMERA.width(), CAMERA.height(), stars).withHint(hint, 2)
                .withScale(scale, 0.1).withTimeLimit(LIMIT);
        SolveResult.Solved solved = solve(request, SolveMode.NEAR);
        assertMatchesTheTruth(solved, stars);
    }

    @Test
    void solvesBlindWithoutScaleFromTheFrameAlone() throws Exception {
        SolveRequest request = SolveRequest.ofFrame(exposure.frame()).withoutHint().withTimeLimit(LIMIT);
        SolveResult.Solved solved = solve(request, SolveMode.BLIND);
        assertMatchesTheTruth(solved, new StarDetector().detect(exposure.frame()));
    }

    @Test
    void randomStarsFailWithWhereItSearched() throws Exception {
        SolveRequest request = SolveRequest.ofStars(CAMERA.width(), CAMERA.height(), randomStars(20, 11))
                .withHint(CYGNUS, 2).withScale(scale, 0.1).withTimeLimit(LIMIT);
        long start = System.nanoTime();
        SolveResult result = solver.solve(request, Progress.NONE).get(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class, result, result.toString());
        System.out.printf("random stars, near: %s after %.2f s%n", failed.reason(), seconds);
        assertTrue(failed.reason().startsWith("solve-field found no match within 2° of RA 19h 51m 00.0s, Dec +35° 00′ 00″ at "),
                failed.reason());
        assertTrue(failed.reason().endsWith("among 20 stars"), failed.reason());
        assertEquals(SolveMode.NEAR, failed.mode());
    }

    @Test
    void theTimeLimitEndsABlindSearchThatFindsNothing() throws Exception {
        SolveRequest request = SolveRequest.ofStars(CAMERA.width(), CAMERA.height(), randomStars(150, 12))
                .withTimeLimit(Duration.ofSeconds(2));
        long start = System.nanoTime();
        SolveResult result = solver.solve(request, Progress.NONE).get(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class, result, result.toString());
        System.out.printf("random stars, blind, 2 s limit: %s after %.2f s%n", failed.reason(), seconds);
        assertTrue(failed.reason().contains("time limit of 2 s reached"), failed.reason());
        assertTrue(seconds < 2 + SolveFieldSolver.WATCHDOG_GRACE_SECONDS + 2, "took " + seconds + " s");
    }

    @Test
    void cancellingKillsSolveFieldAndTheEngineItStarted() throws Exception {
        SolveRequest request = SolveRequest.ofStars(CAMERA.width(), CAMERA.height(), randomStars(150, 13))
                .withTimeLimit(Duration.ofSeconds(60));
        CompletableFuture<SolveResult> result = solver.solve(request, Progress.NONE);
        List<ProcessHandle> tree = awaitEngine();
        List<String> commands = tree.stream().map(p -> p.info().command().orElse("?")).toList();
        long start = System.nanoTime();
        assertTrue(result.cancel(true));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("cancelled %s in %.3f s%n", commands, seconds);
        for (ProcessHandle process : tree) {
            assertTrue(!ProcessRun.isRunning(process), "still running after cancel: " + process.info());
        }
        assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessRun::isRunning), "no process of this JVM left");
        assertThrows(CancellationException.class, result::join);
        assertTrue(seconds < 2, "cancel took " + seconds + " s");
    }

    @Test
    void saysWhatIsMissing(@TempDir Path empty) throws Exception {
        SolveFieldSettings settings = new SolveFieldSettings("/nonexistent/solve-field", List.of(empty));
        SolveFieldSolver missing = new SolveFieldSolver(settings);
        assertEquals("solve-field not found at /nonexistent/solve-field", missing.unavailableReason().orElseThrow());
        SolveResult result = missing.solve(SolveRequest.ofStars(CAMERA.width(), CAMERA.height(), stars), Progress.NONE)
                .get(10, TimeUnit.SECONDS);
        assertEquals("solve-field not found at /nonexistent/solve-field",
                assertInstanceOf(SolveResult.Failed.class, result).reason(), "a solve says so too");
        assertEquals("solve-field not found on the PATH",
                new SolveFieldSolver(settings.withExecutable("solve-field"), new ProgramLocator(empty.toString()))
                        .unavailableReason().orElseThrow());
        assertEquals("no astrometry.net index files in " + empty,
                new SolveFieldSolver(solver.settings().withIndexDirectories(List.of(empty))).unavailableReason().orElseThrow());
    }

    private static SolveResult.Solved solve(SolveRequest request, SolveMode mode) throws Exception {
        long start = System.nanoTime();
        SolveResult result = solver.solve(request, Progress.NONE).get(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        SolveResult.Solved solved = assertInstanceOf(SolveResult.Solved.class, result, result.toString());
        assertEquals(mode, solved.mode());
        assertEquals("astrometry", solved.solverId());
        PointingOffset offset = PointingOffset.between(truthCentre(), solved.centre());
        System.out.printf("%s: centre off by %.3f″ (E %.3f″, N %.3f″); rotation at the centre %.4f° (truth %.4f°), at CRPIX (%.1f, %.1f) "
                + "%.4f°; scale %.5f″/px (truth %.5f); %d matches, RMS %.3f″; %.2f s wall (solver says %d ms)%n", mode,
                offset.totalArcsec(), offset.eastArcsec(), offset.northArcsec(), positionAngleAtCentre(solved.wcs()),
                positionAngleAtCentre(exposure.wcs()), solved.wcs().crpix1(), solved.wcs().crpix2(), solved.wcs().positionAngleDegrees(),
                solved.scaleArcsecPerPixel(), scale, solved.matchedStars(), solved.rmsArcsec(), seconds, solved.elapsed().toMillis());
        return solved;
    }

    /** Compares with the truth; {@code detected} are the stars the solver was given or found itself. */
    private static void assertMatchesTheTruth(SolveResult.Solved solved, StarList detected) {
        Wcs truth = exposure.wcs();
        assertTrue(PointingOffset.between(truthCentre(), solved.centre()).totalArcsec() < 2, "centre within 2″");
        double rotation = Math.IEEEremainder(solved.rotationDegrees() - positionAngleAtCentre(truth), 360);
        assertEquals(0, rotation, 0.02, "rotation at the frame's centre, degrees");
        assertEquals(scale, solved.scaleArcsecPerPixel(), scale * 5e-4, "scale, ″/px");
        assertEquals(truth.isFlipped(), solved.flipped());
        assertNotNull(solved.wcs().sip(), "solve-field fits a SIP distortion (TAN-SIP) and it is read");
        assertTrue(solved.matchedStars() >= 20, "matches: " + solved.matchedStars());
        assertTrue(solved.rmsArcsec() < 1.5, "RMS " + solved.rmsArcsec() + "″");
        for (StarMatch match : solved.matches()) {
            double[] pixel = truth.toPixel(match.catalog());
            double miss = Math.hypot(pixel[0] - 1 - match.x(), pixel[1] - 1 - match.y());
            assertTrue(miss < 1, "the catalog star of a match lies " + miss + " px from its detected star, 0-based");
            assertTrue(nearestDetected(detected, match.x(), match.y()) < 0.01, "a match's x, y is a detected star's, 0-based");
        }
    }

    /** The position angle of the frame's +y axis at its centre: solve-field puts CRPIX elsewhere. */
    private static double positionAngleAtCentre(Wcs wcs) {
        return wcs.positionAngleDegreesAt((CAMERA.width() + 1) / 2.0, (CAMERA.height() + 1) / 2.0);
    }

    private static Equatorial truthCentre() {
        return exposure.wcs().toSky((CAMERA.width() + 1) / 2.0, (CAMERA.height() + 1) / 2.0);
    }

    private static double nearestDetected(StarList detected, double x, double y) {
        double best = Double.MAX_VALUE;
        for (Star star : detected.stars()) {
            best = Math.min(best, Math.hypot(star.x() - x, star.y() - y));
        }
        return best;
    }

    private static StarList randomStars(int count, long seed) {
        Random random = new Random(seed);
        List<Star> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new Star(random.nextDouble() * CAMERA.width(), random.nextDouble() * CAMERA.height(),
                    1e6 / (i + 1), 1000, 500, 50, 2, 4, 0.1));
        }
        return new StarList(list, 500, 10, 0, 0, 0);
    }

    /** solve-field and the astrometry-engine it starts, once the engine runs; waits up to 10 s. */
    private static List<ProcessHandle> awaitEngine() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> tree = ProcessHandle.current().descendants().toList();
            if (tree.stream().anyMatch(p -> p.info().command().orElse("").endsWith("astrometry-engine"))) {
                return tree;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("astrometry-engine did not start within 10 s: " + ProcessHandle.current().descendants()
                .map(p -> p.info().command().orElse("?")).toList());
    }
}
