package org.nocturne.solver.builtin;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.task.Progress;
import org.nocturne.solver.api.PlateSolver;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;

/**
 * Nocturne's own plate solver: pure Java, in process, over the bundled Tycho-2 catalog.
 *
 * <p>How it solves. The frame's brightest stars make quads (each star with every three of its nearest neighbours),
 * coded ASTAP-style by the five ratios of their six separations to the longest ({@link QuadCode}). ASTAP's code was
 * chosen over astrometry.net's four-number code because it is blind to parity as well as to rotation and scale, so a
 * mirrored frame needs no second search, and because it needs no choice of the two most distant stars as a frame of
 * reference, which a missing star upsets. Its weaker discrimination is made up for by the verification. The catalog
 * side is thinned to the density the frame shows (the brightest few stars per equal-area cell, {@link IndexLevel}),
 * in bands of field size; near a hint the quads of the search area are built on the spot (cells tile any radius,
 * first a few degrees, then the whole radius), blind ones come from a whole-sky index built on the first blind solve
 * and kept ({@link SkyIndex}). Every quad match suggests a similarity; {@link MatchVerifier} accepts it only when far
 * more catalog stars land on detected stars than chance allows, and {@link SolutionRefiner} fits the final TAN (with
 * SIP where it clearly helps) to all the pairs.
 *
 * <p>In the product this is an OSGi Declarative Services component ({@code OSGI-INF/org.nocturne.solver.builtin.BuiltinSolver.xml})
 * offering {@link PlateSolver}. Threading: {@link #solve} returns at once; the work runs on this solver's own pool of
 * two daemon threads (which end when idle). Cancelling the future stops the search within milliseconds (detection of
 * a frame, when the request needs it, finishes first). Thread-safe: solves may run at once; the whole-sky index is
 * built once and shared.
 */
public final class BuiltinSolver implements PlateSolver {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Supplier<StarCatalog> catalog;
    private final ThreadPoolExecutor executor;
    private final Object skyIndexLock = new Object();
    private volatile SkyIndex skyIndex;

    /** The solver over the bundled catalog, loaded on the first solve: the Declarative Services component. */
    public BuiltinSolver() {
        this(StarCatalog::bundled);
    }

    /** A solver over {@code catalog}. */
    public BuiltinSolver(StarCatalog catalog) {
        this(() -> catalog);
        Objects.requireNonNull(catalog, "catalog");
    }

    private BuiltinSolver(Supplier<StarCatalog> catalog) {
        this.catalog = catalog;
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "nocturne-builtin-solver-" + pool + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    @Override
    public String id() {
        return SolveAttempt.SOLVER_ID;
    }

    @Override
    public String displayName() {
        return "Nocturne built-in";
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public boolean canSolveBlind() {
        return true;
    }

    @Override
    public CompletableFuture<SolveResult> solve(SolveRequest request, Progress progress) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(progress, "progress");
        CompletableFuture<SolveResult> result = new CompletableFuture<>();
        Budget budget = new Budget(request.timeLimit());
        Future<?> task = executor.submit(() -> {
            if (result.isDone()) {
                return;
            }
            SolveResult outcome;
            try {
                outcome = new SolveAttempt(request, catalog, this::skyIndex, () -> skyIndex != null, budget, progress).run();
            } catch (Budget.Stopped stopped) {
                if (budget.cancelled()) {
                    return;
                }
                outcome = new SolveResult.Failed(id(), request.mode(), budget.elapsed(),
                        "time limit of " + SolveAttempt.number(budget.limit().toMillis() / 1000.0) + " s reached");
            } catch (RuntimeException | Error e) {
                outcome = new SolveResult.Failed(id(), request.mode(), budget.elapsed(),
                        "the built-in solver failed: " + e);
            }
            result.complete(outcome);
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                budget.cancel();
                task.cancel(false);
            }
        });
        return result;
    }

    /**
     * The whole-sky index, built by the first caller that needs it while others wait. A build stopped by its
     * caller's budget keeps nothing, and the next caller starts again.
     */
    SkyIndex skyIndex(StarCatalog stars, Budget budget) {
        SkyIndex index = skyIndex;
        if (index == null) {
            synchronized (skyIndexLock) {
                index = skyIndex;
                if (index == null) {
                    index = SkyIndex.build(stars, budget);
                    skyIndex = index;
                }
            }
        }
        return index;
    }
}
