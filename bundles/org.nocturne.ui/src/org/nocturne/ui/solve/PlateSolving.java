package org.nocturne.ui.solve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.nocturne.core.task.Progress;
import org.nocturne.image.Wcs;
import org.nocturne.image.fits.FitsFrames;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.solver.api.PlateSolver;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;
import org.nocturne.solver.api.SolverChain;
import org.nocturne.solver.api.SolverRegistry;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

/**
 * The workbench's plate solving: the installed solvers, the settings the user chose, and solving through their chain.
 * {@link SolverAddon} puts one into the application context; every perspective that solves uses it.
 *
 * <p>Thread-safe. {@link #solve}, {@link #writeWcs} and {@link #describeSolvers} return at once and work on a worker
 * (or the solvers' own threads); their futures complete there, never on the UI thread.
 */
public final class PlateSolving {

    private final SolverRegistry registry;
    private final Preferences preferences;
    private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();
    private final List<Consumer<SolverSettings>> settingsListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService worker = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "Nocturne plate solving");
        thread.setDaemon(true);
        return thread;
    });

    public PlateSolving(SolverRegistry registry, Preferences preferences) {
        this.registry = registry;
        this.preferences = preferences;
    }

    public SolverRegistry registry() {
        return registry;
    }

    public synchronized SolverSettings settings() {
        return SolverSettings.read(preferences);
    }

    /**
     * Saves the settings and tells the settings listeners, on this thread.
     *
     * @throws IllegalStateException when the preferences cannot be written, with the reason
     */
    public void save(SolverSettings settings) {
        synchronized (this) {
            settings.write(preferences);
            try {
                preferences.flush();
            } catch (BackingStoreException e) {
                throw new IllegalStateException("Could not save the solver settings: " + e.getMessage(), e);
            }
        }
        settingsListeners.forEach(listener -> listener.accept(settings));
    }

    /** Calls {@code listener}, on the thread that saved them, with the settings after every {@link #save}. */
    public void addSettingsListener(Consumer<SolverSettings> listener) {
        settingsListeners.add(listener);
    }

    public void removeSettingsListener(Consumer<SolverSettings> listener) {
        settingsListeners.remove(listener);
    }

    /** Solves {@code request} through the user's chain, with their radius, scale tolerance and time limit. */
    public CompletableFuture<SolveResult> solve(SolveRequest request, Progress progress) {
        SolverSettings settings = settings();
        CompletableFuture<SolveResult> solve = new SolverChain(registry, settings.chain(), new StarDetector(), worker)
                .solve(settings.applyTo(request), progress);
        running.add(solve);
        solve.whenComplete((result, failure) -> running.remove(solve));
        return solve;
    }

    /**
     * Cancels {@code solve} on the worker: stopping an external solver waits for its process to end, which must not
     * hold up the caller.
     */
    public void cancel(CompletableFuture<?> solve) {
        try {
            worker.execute(() -> solve.cancel(true));
        } catch (RejectedExecutionException closed) {
            solve.cancel(true);
        }
    }

    /**
     * What each installed solver is and whether it can run here, one line each, for a tooltip. Asks each solver on the
     * worker: finding out may look for programs and index files.
     */
    public CompletableFuture<String> describeSolvers() {
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder text = new StringBuilder();
            for (PlateSolver solver : registry.solvers()) {
                text.append(text.isEmpty() ? "" : "\n").append(solver.id()).append(" — ").append(solver.displayName())
                        .append(solver.unavailableReason().map(reason -> " (unavailable: " + reason + ")").orElse(""));
            }
            return text.isEmpty() ? "No solver is installed." : text.toString();
        }, worker);
    }

    /** Puts {@code wcs} into the header of the FITS file {@code file}, atomically, on the worker. */
    public CompletableFuture<Void> writeWcs(Path file, Wcs wcs) {
        return CompletableFuture.runAsync(() -> {
            try {
                FitsFrames.writeWcs(file, wcs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, worker);
    }

    /** Cancels every solve under way, so that no external solver outlives the workbench, and stops the worker. */
    public void close() {
        running.forEach(solve -> solve.cancel(true));
        worker.shutdownNow();
    }
}
