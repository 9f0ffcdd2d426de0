package org.nocturne.solver.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.sim.render.ExposureScene;
import org.nocturne.device.sim.render.SensorModel;
import org.nocturne.device.sim.render.SkyRenderer;
import org.nocturne.image.ImageType;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;

/**
 * A false solution is worse than none: star lists with no sky in them (uniform random positions, 10 to 400 stars on
 * frames of several sizes) never solve, near a hint or blind, and neither do frames without stars. 200 random lists
 * in all; the test asserts zero solutions.
 */
class FalseSolveTest {

    private static final int FIELDS = 200;

    @Test
    void randomStarListsNeverSolve() {
        Random random = new Random(2026);
        int[][] frames = { { 3000, 2000 }, { 1280, 1024 }, { 6000, 4000 }, { 800, 600 } };
        List<String> solved = new ArrayList<>();
        int near = 0;
        int blind = 0;
        for (int i = 0; i < FIELDS; i++) {
            int[] frame = frames[i % frames.length];
            int count = 10 + random.nextInt(390);
            SolveRequest request = SolveRequest.ofStars(frame[0], frame[1], SkyField.random(frame[0], frame[1], count, i))
                    .withTimeLimit(Duration.ofSeconds(60));
            if (random.nextBoolean()) {
                request = request.withScale(0.5 + random.nextDouble() * 5, 0.2);
            }
            if (i % 2 == 0) {
                request = request.withHint(new Equatorial(random.nextDouble() * 2 * Math.PI, Math.asin(2 * random.nextDouble() - 1)),
                        2 + random.nextDouble() * 10);
                near++;
            } else {
                blind++;
            }
            SolveResult result = Solvers.solve(request);
            if (result instanceof SolveResult.Solved s) {
                solved.add(count + " stars on " + frame[0] + "×" + frame[1] + ": " + s.centre() + " with " + s.matchedStars() + " matches");
            }
        }
        System.out.printf("random star lists: %d near, %d blind, %d solved%n", near, blind, solved.size());
        assertEquals(List.of(), solved);
    }

    @Test
    void aFrameWithoutStarsFailsWithTheReason() {
        SensorModel camera = new SensorModel(1600, 1200, 3.76, null, 1.0, 500, 2.0, 0.002, 1e-4, 50_000);
        ExposureScene dark = ExposureScene.light(Equatorial.ofHoursDegrees(5, 5), 400, 80, 10, Instant.parse("2025-08-20T22:30:00Z"))
                .withImageType(ImageType.DARK);
        var frame = new SkyRenderer(StarCatalog.bundled(), 3).render(camera, dark).frame();
        SolveResult near = Solvers.solve(SolveRequest.ofFrame(frame).withHint(Equatorial.ofHoursDegrees(5, 5), 10));
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class, near);
        assertEquals(true, failed.reason().matches("only \\d+ stars? detected; at least 8 are needed"), failed.reason());
        assertInstanceOf(SolveResult.Failed.class, Solvers.solve(SolveRequest.ofFrame(frame).withoutHint()));
    }
}
