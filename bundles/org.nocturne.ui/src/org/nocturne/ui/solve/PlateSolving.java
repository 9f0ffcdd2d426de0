package org.nocturne.ui.solve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.nocturne.core.task.Progress;
import org.nocturne.image.Wcs;
import org.nocturne.image.fits.FitsFrames;
import org.nocturne.image.stars.StarDetector;
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
 * <p>Thread-safe. {@link #solve} and {@link #writeWcs} return at once and work on a worker (or the solvers' own
 * threads); their futures complete there, never on the UI thread.
 */
public final class PlateSolving {

    /** Posted, with the new {@link SolverSettings}, after {@link #save}. */
    public static final String TOPIC_SETTINGS_CHANGED = "org/nocturne/ui/solve/settings";

    private final SolverRegistry registry;
    private final Preferences preferences;
    private final IEventBroker events;
    private final ExecutorService worker = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "Nocturne plate solving");
        thread.setDaemon(true);
        return thread;
    });

    public PlateSolving(SolverRegistry registry, Preferences preferences, IEventBroker events) {
        this.registry = registry;
        this.preferences = preferences;
        this.events = events;
    }

    public SolverRegistry registry() {
        return registry;
    }

    public synchronized SolverSettings settings() {
        return SolverSettings.read(preferences);
    }

    /**
     * Saves the settings and announces them.
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
        events.post(TOPIC_SETTINGS_CHANGED, settings);
    }

    /** Solves {@code request} through the user's chain, with their radius, scale tolerance and time limit. */
    public CompletableFuture<SolveResult> solve(SolveRequest request, Progress progress) {
        SolverSettings settings = settings();
        return new SolverChain(registry, settings.chain(), new StarDetector(), worker).solve(settings.applyTo(request), progress);
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

    /** Stops the worker; solves under way on it are abandoned. */
    public void close() {
        worker.shutdownNow();
    }
}
