package org.nocturne.solver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.task.Progress;
import org.nocturne.image.Wcs;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.image.stars.StarList;

/** The chain's order, skipping rules, failure reasons and cancellation, with solvers that answer as told. */
class SolverChainTest {

    private static final StarList NO_STARS = new StarList(List.of(), 1000, 10, 0, 0, 0);
    private static final SolveRequest NEAR = SolveRequest.ofStars(1000, 800, NO_STARS)
            .withHint(Equatorial.ofHoursDegrees(5.5, -5), 5);

    private final SolverRegistry registry = new SolverRegistry();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Test
    void theFirstSolutionWinsAndLaterStepsDoNotRun() throws Exception {
        registry.addSolver(new Scripted("a", true, request -> failed(request, "no match")));
        registry.addSolver(new Scripted("b", true, this::solved));
        SolveResult result = chain("a:near, b:near, a:blind").solve(NEAR, Progress.NONE).get(5, TimeUnit.SECONDS);
        assertInstanceOf(SolveResult.Solved.class, result);
        assertEquals(List.of("a:NEAR", "b:NEAR"), calls);
    }

    @Test
    void blindStepsRunWithoutTheHint() throws Exception {
        registry.addSolver(new Scripted("a", true, request -> failed(request, "no match")));
        chain("a:blind").solve(NEAR, Progress.NONE).get(5, TimeUnit.SECONDS);
        assertEquals(List.of("a:BLIND"), calls);
    }

    @Test
    void everyStepsReasonIsInTheFailure() throws Exception {
        registry.addSolver(new Scripted("a", true, request -> failed(request, "only 3 stars")));
        registry.addSolver(new Scripted("nearonly", false, request -> failed(request, "never called")));
        SolveResult result = chain("a:near, missing:near, nearonly:blind, a:blind")
                .solve(NEAR.withBlindAllowed(true), Progress.NONE).get(5, TimeUnit.SECONDS);
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class, result);
        assertEquals("a:near: only 3 stars; missing:near: no solver \"missing\" is installed; "
                + "nearonly:blind: nearonly cannot solve blind; a:blind: only 3 stars", failed.reason());
    }

    @Test
    void nearStepsAreSkippedWithoutAHintAndBlindOnesWhenForbidden() throws Exception {
        registry.addSolver(new Scripted("a", true, this::solved));
        SolveResult result = chain("a:near, a:blind").solve(NEAR.withoutHint().withBlindAllowed(false), Progress.NONE)
                .get(5, TimeUnit.SECONDS);
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class, result);
        assertEquals("a:near: skipped, no position hint; a:blind: skipped, blind solving is not allowed", failed.reason());
        assertTrue(calls.isEmpty());
    }

    @Test
    void aSolverThatThrowsFailsItsStepAndTheChainGoesOn() throws Exception {
        registry.addSolver(new Scripted("a", true, request -> failed(request, "no match")));
        registry.addSolver(new Scripted("throws", true, request -> {
            throw new IllegalStateException("index file vanished");
        }));
        registry.addSolver(new Scripted("b", true, this::solved));
        SolveResult result = chain("throws:near, a:near, throws:blind, b:near").solve(NEAR, Progress.NONE).get(5, TimeUnit.SECONDS);
        assertInstanceOf(SolveResult.Solved.class, result);
        SolveResult failed = chain("a:near, throws:near").solve(NEAR, Progress.NONE).get(5, TimeUnit.SECONDS);
        assertEquals("a:near: no match; throws:near: the solver failed: java.lang.IllegalStateException: index file vanished",
                assertInstanceOf(SolveResult.Failed.class, failed).reason());
    }

    @Test
    void cancellingTheChainCancelsTheRunningStep() throws Exception {
        CompletableFuture<SolveResult> running = new CompletableFuture<>();
        registry.addSolver(new Scripted("slow", true, request -> running));
        CompletableFuture<SolveResult> result = chain("slow:near, slow:blind").solve(NEAR, Progress.NONE);
        result.cancel(true);
        assertTrue(running.isCancelled());
        assertThrows(CancellationException.class, () -> result.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("slow:NEAR"), calls);
    }

    @Test
    void stepsParseAndFormatAndBadOnesAreNamed() {
        List<ChainStep> steps = ChainStep.parse(" builtin:near,astrometry : Blind ");
        assertEquals(List.of(new ChainStep("builtin", SolveMode.NEAR), new ChainStep("astrometry", SolveMode.BLIND)), steps);
        assertEquals("builtin:near, astrometry:blind", ChainStep.format(steps));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChainStep.parse("builtin:near, astap:far"));
        assertEquals("Solver chain step 2 \"astap:far\" has mode \"far\"; it must be near or blind", e.getMessage());
    }

    private SolverChain chain(String steps) {
        return new SolverChain(registry, ChainStep.parse(steps), new StarDetector(), Runnable::run);
    }

    private CompletableFuture<SolveResult> solved(SolveRequest request) {
        Wcs wcs = new Wcs(83.8, -5.4, 500.5, 400.5, -5e-4, 0, 0, 5e-4);
        return CompletableFuture.completedFuture(new SolveResult.Solved("b", request.mode(), Duration.ZERO, wcs,
                request.width(), request.height(), new ArrayList<>(), 0.3));
    }

    private static CompletableFuture<SolveResult> failed(SolveRequest request, String reason) {
        return CompletableFuture.completedFuture(new SolveResult.Failed("a", request.mode(), Duration.ZERO, reason));
    }

    /** A solver that answers every request with what {@code answer} gives, and records the call. */
    private final class Scripted implements PlateSolver {
        private final String id;
        private final boolean blind;
        private final Function<SolveRequest, CompletableFuture<SolveResult>> answer;

        Scripted(String id, boolean blind, Function<SolveRequest, CompletableFuture<SolveResult>> answer) {
            this.id = id;
            this.blind = blind;
            this.answer = answer;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return id;
        }

        @Override
        public Optional<String> unavailableReason() {
            return Optional.empty();
        }

        @Override
        public boolean canSolveBlind() {
            return blind;
        }

        @Override
        public CompletableFuture<SolveResult> solve(SolveRequest request, Progress progress) {
            calls.add(id + ":" + request.mode());
            return answer.apply(request);
        }
    }
}
