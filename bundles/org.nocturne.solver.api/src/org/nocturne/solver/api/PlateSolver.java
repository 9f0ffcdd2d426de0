package org.nocturne.solver.api;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.nocturne.core.task.Progress;

/**
 * A plate solver: finds where on the sky a frame points. Solvers are contributed as OSGi Declarative Services
 * components offering this interface, and gathered by {@link SolverRegistry}.
 *
 * <p>One call makes one attempt. With a position hint in the request it solves near the hint, within the request's
 * search radius; without one it solves blind, if the request allows it, over the whole sky. A solver that cannot do
 * blind solving fails such a request with a reason.
 *
 * <p>Threading: {@link #solve} returns at once and does the work on threads of its own; it never blocks the caller.
 * The future completes normally with a {@link SolveResult.Solved} or, when there is no solution (no match, time limit,
 * solver missing, bad input), a {@link SolveResult.Failed} whose reason says why in words. It completes exceptionally
 * only when cancelled ({@link java.util.concurrent.CancellationException}). Cancelling the future stops the work
 * promptly, external processes included. Implementations are thread-safe: several solves may run at once.
 */
public interface PlateSolver {

    /** A short stable name, used in settings and in results: "builtin", "astrometry", "astap". */
    String id();

    /** The name shown to the user. */
    String displayName();

    /** Why this solver cannot run on this machine now (a program or its index files missing), or empty when it can. */
    Optional<String> unavailableReason();

    /** Whether this solver can solve without a position hint. */
    boolean canSolveBlind();

    /**
     * Solves the request.
     *
     * @param progress told where the attempt has got to, on the solver's threads
     */
    CompletableFuture<SolveResult> solve(SolveRequest request, Progress progress);
}
