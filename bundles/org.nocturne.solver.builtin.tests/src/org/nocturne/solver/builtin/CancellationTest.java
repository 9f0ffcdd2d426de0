package org.nocturne.solver.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.task.Progress;
import org.nocturne.solver.api.SolveMode;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;

/**
 * Cancelling stops the work promptly and a time limit ends the attempt with a Failed that says so. The solves used
 * search a 60° radius without a scale for a random star list on a fresh solver, which takes many seconds.
 */
class CancellationTest {

    /** A search that would run for seconds: no sky in it, the widest radius, no scale, on a solver without its index. */
    private static SolveRequest slowRequest(Duration limit) {
        return SolveRequest.ofStars(3000, 2000, SkyField.random(3000, 2000, 400, 9))
                .withHint(Equatorial.ofHoursDegrees(3, 10), 60).withTimeLimit(limit);
    }

    @Test
    void cancellingFreesTheSolverPromptly() throws Exception {
        BuiltinSolver solver = new BuiltinSolver(StarCatalog.bundled());
        CompletableFuture<SolveResult> first = solver.solve(slowRequest(Duration.ofMinutes(5)), Progress.NONE);
        CompletableFuture<SolveResult> second = solver.solve(slowRequest(Duration.ofMinutes(5)), Progress.NONE);
        Thread.sleep(300);
        first.cancel(true);
        second.cancel(true);
        assertThrows(CancellationException.class, first::join);
        long start = System.nanoTime();
        SkyField field = SkyField.at(2, 40, 2, 10);
        SolveResult quick = solver.solve(Solvers.request(field, StarCatalog.bundled()).withHint(field.centre(), 2)
                .withScale(2, 0.1), Progress.NONE).get(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertInstanceOf(SolveResult.Solved.class, quick);
        // Both pool threads were busy with the cancelled solves; the next solve could only start once they stopped.
        assertTrue(seconds < 3, "the next solve waited " + seconds + " s for the cancelled ones to stop");
    }

    @Test
    void theTimeLimitEndsTheAttemptWithAReason() throws Exception {
        BuiltinSolver solver = new BuiltinSolver(StarCatalog.bundled());
        SolveResult result = solver.solve(slowRequest(Duration.ofMillis(300)), Progress.NONE).get(30, TimeUnit.SECONDS);
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class, result);
        assertEquals("time limit of 0.3 s reached", failed.reason());
        assertEquals(SolveMode.NEAR, failed.mode());
        assertEquals("builtin", failed.solverId());
    }
}
