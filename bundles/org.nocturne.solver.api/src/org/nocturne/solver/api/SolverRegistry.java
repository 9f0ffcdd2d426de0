package org.nocturne.solver.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The plate solvers installed now.
 *
 * <p>In the product this is an OSGi Declarative Services component ({@code OSGI-INF/org.nocturne.solver.api.SolverRegistry.xml})
 * offered as a service of this class: Service Component Runtime calls {@link #addSolver} and {@link #removeSolver} as
 * {@link PlateSolver} services come and go, so installing a solver bundle is all it takes. Tests and headless tools make
 * one with the constructor and add solvers themselves.
 *
 * <p>Thread-safe. Queries never block and return immutable snapshots. Listeners run on the thread that made the
 * change, after it, and must return quickly.
 */
public final class SolverRegistry {

    private static final Comparator<PlateSolver> BY_NAME = Comparator
            .comparing((PlateSolver solver) -> solver.displayName(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(PlateSolver::id);

    private final Object changeLock = new Object();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile List<PlateSolver> solvers = List.of();

    /** An empty registry. */
    public SolverRegistry() {
    }

    /** Adds {@code solver}; adding the same instance twice changes nothing. Declarative Services' bind method. */
    public void addSolver(PlateSolver solver) {
        Objects.requireNonNull(solver, "solver");
        synchronized (changeLock) {
            if (solvers.contains(solver)) {
                return;
            }
            List<PlateSolver> next = new ArrayList<>(solvers);
            next.add(solver);
            next.sort(BY_NAME);
            solvers = List.copyOf(next);
        }
        listeners.forEach(Runnable::run);
    }

    /** Removes {@code solver}; an unknown one changes nothing. Declarative Services' unbind method. */
    public void removeSolver(PlateSolver solver) {
        Objects.requireNonNull(solver, "solver");
        synchronized (changeLock) {
            if (!solvers.contains(solver)) {
                return;
            }
            List<PlateSolver> next = new ArrayList<>(solvers);
            next.remove(solver);
            solvers = List.copyOf(next);
        }
        listeners.forEach(Runnable::run);
    }

    /** Every solver installed now, by name. */
    public List<PlateSolver> solvers() {
        return solvers;
    }

    /** The solver with {@link PlateSolver#id()} {@code id}, if installed. */
    public Optional<PlateSolver> find(String id) {
        return solvers.stream().filter(solver -> solver.id().equals(id)).findFirst();
    }

    /** Calls {@code listener} after every change until {@link #removeListener}. */
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }
}
