package org.nocturne.solver.api.support;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.nocturne.solver.api.PlateSolver;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;

/**
 * The common frame of a {@link PlateSolver} that drives an external program: the attempt runs on a thread of its own
 * with a {@link ProcessRun} in a fresh temporary directory; cancelling the returned future kills the program and its
 * descendants before {@code cancel} returns; the directory is deleted when the attempt ends, however it ends; and an
 * I/O error or a bug becomes a {@link SolveResult.Failed} with the error in words, as the solver contract asks.
 *
 * <p>Threading: {@link #start} returns at once. Attempts run on daemon threads, one per attempt running.
 */
public final class ExternalSolve {

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("nocturne-external-solver-", 1).factory());

    private ExternalSolve() {
    }

    /** What an attempt does with its run: write input into its directory, run the program, read the answer. */
    @FunctionalInterface
    public interface Attempt {
        /**
         * @return the result; a cancelled run's result is ignored
         * @throws IOException turned into a {@link SolveResult.Failed} with the message as the reason
         */
        SolveResult solve(ProcessRun run) throws IOException, InterruptedException;
    }

    /**
     * Starts {@code attempt} for {@code request} on a thread of its own; a request without a hint that forbids blind
     * solving fails at once.
     *
     * @param solverId the solver's id, for failed results made here
     * @param directoryPrefix the prefix of the temporary directory's name, such as "nocturne-astap-"
     */
    public static CompletableFuture<SolveResult> start(String solverId, SolveRequest request, String directoryPrefix,
            Attempt attempt) {
        CompletableFuture<SolveResult> result = new CompletableFuture<>();
        if (request.hint() == null && !request.blindAllowed()) {
            result.complete(new SolveResult.Failed(solverId, request.mode(), Duration.ZERO,
                    "no position hint, and blind solving is not allowed"));
            return result;
        }
        ProcessRun run;
        try {
            run = ProcessRun.inTemporaryDirectory(directoryPrefix);
        } catch (IOException e) {
            result.complete(new SolveResult.Failed(solverId, request.mode(), Duration.ZERO,
                    "cannot make a temporary directory: " + e.getMessage()));
            return result;
        }
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                run.cancel();
            }
        });
        THREADS.execute(() -> {
            try {
                if (!result.isDone()) {
                    result.complete(attempt.solve(run));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.cancel(true);
            } catch (IOException e) {
                result.complete(failed(solverId, request, run, e.getMessage() == null ? e.toString() : e.getMessage()));
            } catch (RuntimeException e) {
                result.complete(failed(solverId, request, run, "unexpected error: " + e));
            } finally {
                if (!result.isDone()) {
                    result.complete(failed(solverId, request, run, "the solver stopped without an answer"));
                }
                closeQuietly(run);
            }
        });
        return result;
    }

    private static SolveResult failed(String solverId, SolveRequest request, ProcessRun run, String reason) {
        return new SolveResult.Failed(solverId, request.mode(), run.elapsed(), reason);
    }

    private static void closeQuietly(ProcessRun run) {
        try {
            run.close();
        } catch (IOException e) {
            // a temporary directory that cannot be deleted is left to the system's cleaning of its temporary files
        }
    }
}
