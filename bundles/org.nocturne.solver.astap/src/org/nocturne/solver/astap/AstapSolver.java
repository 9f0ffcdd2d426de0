package org.nocturne.solver.astap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.nocturne.core.task.Progress;
import org.nocturne.image.fits.FitsFrames;
import org.nocturne.solver.api.PlateSolver;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;
import org.nocturne.solver.api.support.ExternalSolve;
import org.nocturne.solver.api.support.ProcessRun;
import org.nocturne.solver.api.support.ProgramLocator;

/**
 * ASTAP's command line ({@code astap_cli}, or {@code astap}) as a plate solver. ASTAP detects the stars itself, so it
 * needs the image: the request's file when it has one, else the frame written to a temporary FITS file. Each attempt
 * runs in a temporary directory that receives ASTAP's {@code .ini} and {@code .wcs} answers (never beside the user's
 * file) and is deleted after. ASTAP has no time limit of its own: it is killed when the request's time limit passes.
 *
 * <p>ASTAP needs a star database (H17, H18, D50 … from hnsky.org; not packaged by Debian); without one it is
 * unavailable, and says so.
 *
 * <p>Threading: as {@link PlateSolver} says; immutable, so several solves may run at once.
 */
public final class AstapSolver implements PlateSolver {

    /** This solver's {@link #id()}. */
    public static final String ID = "astap";

    static final String IMAGE_FILE = "frame.fits";
    static final String ANSWER_BASE = "answer";

    private final AstapSettings settings;
    private final ProgramLocator locator;

    /** The solver with the settings found on this machine ({@link AstapSettings#defaults()}), as DS makes it. */
    public AstapSolver() {
        this(AstapSettings.defaults());
    }

    public AstapSolver(AstapSettings settings) {
        this(settings, new ProgramLocator());
    }

    AstapSolver(AstapSettings settings, ProgramLocator locator) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.locator = Objects.requireNonNull(locator, "locator");
    }

    public AstapSettings settings() {
        return settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "ASTAP";
    }

    @Override
    public boolean canSolveBlind() {
        return true;
    }

    /** Reads the file system (the program, the database directory): cheap, but not free. */
    @Override
    public Optional<String> unavailableReason() {
        if (locator.find(settings.executable()).isEmpty()) {
            return Optional.of(notFound());
        }
        if (!AstapSettings.holdsStarDatabase(settings.databaseDirectory())) {
            return Optional.of("no ASTAP star database (H17, H18, D50 …) in " + settings.databaseDirectory());
        }
        return Optional.empty();
    }

    @Override
    public CompletableFuture<SolveResult> solve(SolveRequest request, Progress progress) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(progress, "progress");
        return ExternalSolve.start(ID, request, "nocturne-astap-", run -> attempt(run, request, progress));
    }

    /**
     * Runs ASTAP whether or not its database is there: {@link #unavailableReason()} is the caller's to check, and
     * without a database ASTAP fails quickly with its own words, which this returns.
     */
    SolveResult attempt(ProcessRun run, SolveRequest request, Progress progress) throws IOException, InterruptedException {
        Optional<Path> program = locator.find(settings.executable());
        if (program.isEmpty()) {
            return failed(request, run, notFound());
        }
        Path image;
        if (request.imageFile() != null && Files.isRegularFile(request.imageFile())) {
            image = request.imageFile();
        } else if (request.frame() != null) {
            image = run.directory().resolve(IMAGE_FILE);
            FitsFrames.write(request.frame(), image, false);
        } else {
            return failed(request, run, "ASTAP detects stars itself and needs the image; this request has only a star list");
        }
        Path answer = run.directory().resolve(ANSWER_BASE);
        progress.report(Double.NaN, "Solving with ASTAP (" + request.mode().name().toLowerCase(Locale.ROOT) + ")");
        ProcessRun.Outcome outcome = run.run(AstapCommand.arguments(program.get(), image, answer, request,
                settings.databaseDirectory()), request.timeLimit());
        if (outcome.cancelled()) {
            return failed(request, run, "cancelled");
        }
        if (outcome.timedOut()) {
            return failed(request, run, "time limit of " + AstapAnswer.seconds(request.timeLimit()) + " s reached");
        }
        return AstapAnswer.read(outcome, answer, request, run.elapsed());
    }

    private String notFound() {
        String executable = settings.executable();
        return executable.contains("/") ? "ASTAP not found at " + executable : executable + " not found on the PATH";
    }

    private static SolveResult.Failed failed(SolveRequest request, ProcessRun run, String reason) {
        return new SolveResult.Failed(ID, request.mode(), run.elapsed(), reason);
    }

    @Override
    public String toString() {
        return "AstapSolver[" + settings + "]";
    }
}
