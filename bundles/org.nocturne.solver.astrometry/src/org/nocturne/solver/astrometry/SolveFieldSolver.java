package org.nocturne.solver.astrometry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.nocturne.core.task.Progress;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.image.stars.StarList;
import org.nocturne.solver.api.PlateSolver;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;
import org.nocturne.solver.api.support.ExternalSolve;
import org.nocturne.solver.api.support.ProcessRun;
import org.nocturne.solver.api.support.ProgramLocator;

/**
 * astrometry.net's {@code solve-field} as a plate solver. Each attempt writes the request's stars (detected with a
 * default {@link StarDetector} when the request has none) as an xylist into a temporary directory, runs solve-field on
 * it with the request's scale and position hints and a CPU time limit of the request's time limit, and reads the
 * solution (TAN-SIP, CRPIX as solve-field sets it) and the matched stars back. A watchdog kills solve-field and the
 * astrometry-engine it starts {@value #WATCHDOG_GRACE_SECONDS} s after the time limit, should the CPU limit not stop it.
 *
 * <p>Index files: solve-field with Tycho-2 solves fields from about 0.9° up to tens of degrees; smaller fields need
 * deeper index files (2MASS, Gaia) in one of the settings' directories.
 *
 * <p>Threading: as {@link PlateSolver} says; immutable, so several solves may run at once, each with its own process
 * and directory.
 */
public final class SolveFieldSolver implements PlateSolver {

    /** This solver's {@link #id()}. */
    public static final String ID = "astrometry";

    /** Stars given to solve-field at most, brightest first: more only slow the verification down. */
    static final int MAX_STARS = 300;

    /** Fewer stars than this cannot form the quads astrometry.net matches. */
    static final int MIN_STARS = 4;

    /**
     * How long after the time limit the watchdog kills solve-field: the CPU limit counts the search only, not the
     * loading of the index files before it (about 3 s for Tycho-2's 300 MB on 2 cores).
     */
    static final int WATCHDOG_GRACE_SECONDS = 10;

    private final SolveFieldSettings settings;
    private final ProgramLocator locator;

    /** The solver with the settings found on this machine ({@link SolveFieldSettings#defaults()}), as DS makes it. */
    public SolveFieldSolver() {
        this(SolveFieldSettings.defaults());
    }

    public SolveFieldSolver(SolveFieldSettings settings) {
        this(settings, new ProgramLocator());
    }

    SolveFieldSolver(SolveFieldSettings settings, ProgramLocator locator) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.locator = Objects.requireNonNull(locator, "locator");
    }

    public SolveFieldSettings settings() {
        return settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "astrometry.net (solve-field)";
    }

    @Override
    public boolean canSolveBlind() {
        return true;
    }

    /** Reads the file system (the program, the index directories): cheap, but not free. */
    @Override
    public Optional<String> unavailableReason() {
        if (locator.find(settings.executable()).isEmpty()) {
            return Optional.of(notFound());
        }
        if (settings.indexDirectories().stream().noneMatch(SolveFieldSettings::holdsIndexFiles)) {
            return Optional.of("no astrometry.net index files in " + settings.indexDirectories().stream()
                    .map(Path::toString).collect(Collectors.joining(", ")));
        }
        return Optional.empty();
    }

    @Override
    public CompletableFuture<SolveResult> solve(SolveRequest request, Progress progress) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(progress, "progress");
        return ExternalSolve.start(ID, request, "nocturne-solve-field-", run -> attempt(run, request, progress));
    }

    private SolveResult attempt(ProcessRun run, SolveRequest request, Progress progress)
            throws IOException, InterruptedException {
        Optional<String> unavailable = unavailableReason();
        if (unavailable.isPresent()) {
            return failed(request, run, unavailable.get());
        }
        Path program = locator.find(settings.executable()).orElseThrow(() -> new IOException(notFound()));
        StarList stars = request.stars();
        if (stars == null) {
            progress.report(Double.NaN, "Detecting stars");
            stars = request.withStarsDetected(new StarDetector()).stars();
        }
        if (stars.stars().size() < MIN_STARS) {
            return failed(request, run, "only " + stars.stars().size() + " stars detected; solve-field needs at least " + MIN_STARS);
        }
        int starsUsed = Math.min(MAX_STARS, stars.stars().size());
        int cpuLimit = SolveFieldCommand.cpuLimitSeconds(request.timeLimit());
        List<Path> directories = settings.indexDirectories().stream().filter(SolveFieldSettings::holdsIndexFiles).toList();
        XyList.write(stars.stars(), starsUsed, run.directory().resolve(SolveFieldCommand.XYLIST_FILE));
        Files.writeString(run.directory().resolve(SolveFieldCommand.CONFIG_FILE), SolveFieldCommand.config(directories, cpuLimit));
        progress.report(Double.NaN, "Solving with solve-field (" + request.mode().name().toLowerCase(Locale.ROOT) + ", " + starsUsed + " stars)");
        ProcessRun.Outcome outcome = run.run(SolveFieldCommand.arguments(program, request, run.directory(), cpuLimit),
                request.timeLimit().plus(Duration.ofSeconds(WATCHDOG_GRACE_SECONDS)));
        if (outcome.cancelled()) {
            return failed(request, run, "cancelled");
        }
        if (outcome.succeeded() && Files.isRegularFile(run.directory().resolve(SolveFieldCommand.WCS_FILE))) {
            return SolveFieldAnswer.read(run.directory(), request, run.elapsed());
        }
        return failed(request, run, SolveFieldAnswer.failureReason(outcome, request, cpuLimit, starsUsed));
    }

    private String notFound() {
        String executable = settings.executable();
        return executable.contains("/") ? "solve-field not found at " + executable : executable + " not found on the PATH";
    }

    private static SolveResult.Failed failed(SolveRequest request, ProcessRun run, String reason) {
        return new SolveResult.Failed(ID, request.mode(), run.elapsed(), reason);
    }

    @Override
    public String toString() {
        return "SolveFieldSolver[" + settings + "]";
    }
}
