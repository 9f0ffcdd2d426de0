package org.nocturne.solver.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.nocturne.core.task.Progress;
import org.nocturne.image.stars.StarDetector;

/**
 * Solvers tried one after another, as the user lists them: usually a fast near solve first and a blind solve as the
 * fallback. The first solution wins; when every step fails, the result's reason lists each step's reason.
 *
 * <p>A near step is skipped when the request has no hint; a blind step runs without the hint and is skipped when the
 * request forbids blind solving. Steps naming a solver that is not installed or cannot run here are skipped with that
 * reason. The request's time limit applies to each step.
 *
 * <p>Threading: {@link #solve} returns at once; the chain starts on the executor, where the stars are detected first
 * when the request carries a frame but no stars (once, shared by every step), and the solvers are looked up and
 * started. The future completes on the executor or on a solver's thread, with a {@link SolveResult.Failed} when no
 * step solved (a solver that throws counts as a failed step); exceptionally only when cancelled. Cancelling it cancels
 * the step that is running. Immutable and thread-safe.
 */
public final class SolverChain {

    private final SolverRegistry registry;
    private final List<ChainStep> steps;
    private final StarDetector detector;
    private final Executor executor;

    /**
     * @param registry where the steps' solvers are looked up, at each solve
     * @param steps the steps in the order to try them
     * @param detector finds the stars when a request has none
     * @param executor starts each solve, detecting the stars first when the request has none
     */
    public SolverChain(SolverRegistry registry, List<ChainStep> steps, StarDetector detector, Executor executor) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.steps = List.copyOf(steps);
        this.detector = Objects.requireNonNull(detector, "detector");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (this.steps.isEmpty()) {
            throw new IllegalArgumentException("A solver chain needs at least one step");
        }
    }

    public List<ChainStep> steps() {
        return steps;
    }

    /** Tries the steps in turn until one solves {@code request}. */
    public CompletableFuture<SolveResult> solve(SolveRequest request, Progress progress) {
        Run run = new Run(progress);
        try {
            executor.execute(() -> run.start(request));
        } catch (RejectedExecutionException closed) {
            run.result.complete(new SolveResult.Failed("chain", request.mode(), Duration.ZERO, "plate solving has been shut down"));
        }
        return run.result;
    }

    /** One solve through the chain: the steps left, the reasons so far and the attempt running now. */
    private final class Run {

        final CompletableFuture<SolveResult> result = new CompletableFuture<>();
        private final Progress progress;
        private final long startNanos = System.nanoTime();
        private final List<String> reasons = new ArrayList<>();
        private SolveRequest request;
        private int next;
        private volatile CompletableFuture<SolveResult> current;

        Run(Progress progress) {
            this.progress = progress;
            result.whenComplete((value, failure) -> {
                CompletableFuture<SolveResult> attempt = current;
                if (result.isCancelled() && attempt != null) {
                    attempt.cancel(true);
                }
            });
        }

        /** Detects the stars if the request has none, then starts the first step. On the executor. */
        void start(SolveRequest given) {
            request = given;
            if (given.stars() == null) {
                progress.report(Double.NaN, "Detecting stars");
                try {
                    request = given.withStarsDetected(detector);
                } catch (RuntimeException e) {
                    result.complete(new SolveResult.Failed("chain", given.mode(), elapsed(),
                            "the stars of the frame could not be detected: " + e.getMessage()));
                    return;
                }
            }
            advance();
        }

        /** Starts the next step that can run, or ends the run when none is left. Called by one thread at a time. */
        private void advance() {
            while (next < steps.size() && !result.isDone()) {
                ChainStep step = steps.get(next++);
                try {
                    if (tryStep(step)) {
                        return;
                    }
                } catch (RuntimeException e) {
                    // a third-party solver that throws instead of failing: its step fails, the chain goes on
                    reasons.add(step + ": the solver failed: " + e);
                }
            }
            if (!result.isDone()) {
                result.complete(new SolveResult.Failed("chain", request.mode(), elapsed(),
                        reasons.isEmpty() ? "no solver tried" : String.join("; ", reasons)));
            }
        }

        /** Starts {@code step}: true when its attempt is under way, false with the reason recorded when it cannot run. */
        private boolean tryStep(ChainStep step) {
            PlateSolver solver = registry.find(step.solverId()).orElse(null);
            if (solver == null) {
                reasons.add(step + ": no solver \"" + step.solverId() + "\" is installed");
                return false;
            }
            String unavailable = solver.unavailableReason().orElse(null);
            if (unavailable != null) {
                reasons.add(step + ": " + unavailable);
                return false;
            }
            SolveRequest stepRequest;
            if (step.mode() == SolveMode.NEAR) {
                if (request.hint() == null) {
                    reasons.add(step + ": skipped, no position hint");
                    return false;
                }
                stepRequest = request;
            } else {
                if (!request.blindAllowed()) {
                    reasons.add(step + ": skipped, blind solving is not allowed");
                    return false;
                }
                if (!solver.canSolveBlind()) {
                    reasons.add(step + ": " + solver.displayName() + " cannot solve blind");
                    return false;
                }
                stepRequest = request.withoutHint();
            }
            progress.report(Double.NaN, "Solving with " + solver.displayName() + " ("
                    + step.mode().name().toLowerCase(Locale.ROOT) + ")");
            CompletableFuture<SolveResult> attempt = solver.solve(stepRequest, progress);
            current = attempt;
            if (result.isCancelled()) {
                attempt.cancel(true);
                return true;
            }
            attempt.whenComplete((value, failure) -> finished(step, value, failure));
            return true;
        }

        private void finished(ChainStep step, SolveResult value, Throwable failure) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof CancellationException) {
                result.cancel(true);
                return;
            }
            if (value instanceof SolveResult.Solved solved) {
                result.complete(solved);
                return;
            }
            if (value instanceof SolveResult.Failed failed) {
                reasons.add(step + ": " + failed.reason());
            } else {
                reasons.add(step + ": " + (cause == null ? "no result" : cause.toString()));
            }
            advance();
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }
}
