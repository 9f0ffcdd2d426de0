package org.nocturne.solver.astap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.nocturne.image.Wcs;
import org.nocturne.image.fits.FitsFrames;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;
import org.nocturne.solver.api.support.ProcessRun;

/**
 * What one ASTAP run answered, from its {@code .ini} file and, when solved, its {@code .wcs} file (the same solution
 * as a FITS header, read in preference as it carries every keyword; the {@code .ini} values otherwise). ASTAP reports
 * no matched stars, so a solution has none and an RMS of NaN. Blocks for the file reads.
 */
final class AstapAnswer {

    private AstapAnswer() {
    }

    /**
     * The answer of a run that ended by itself.
     *
     * @param outputBase the path given as {@code -o}, without extension
     */
    static SolveResult read(ProcessRun.Outcome outcome, Path outputBase, SolveRequest request, Duration elapsed)
            throws IOException {
        Path iniFile = sibling(outputBase, ".ini");
        if (!Files.isRegularFile(iniFile)) {
            return failed(request, elapsed, "ASTAP wrote no answer (" + exitStatus(outcome.exitCode()) + ")"
                    + detail(outcome.outputTail()));
        }
        AstapIni ini = AstapIni.read(iniFile);
        if (!ini.solved()) {
            return failed(request, elapsed, failureReason(ini, outcome));
        }
        Path wcsFile = sibling(outputBase, ".wcs");
        Optional<Wcs> wcs = Optional.empty();
        if (Files.isRegularFile(wcsFile)) {
            try {
                wcs = FitsFrames.readWcs(wcsFile);
            } catch (IOException unreadable) {
                // a .wcs this version writes oddly: the .ini says the same, with less precision
            }
        }
        if (wcs.isEmpty()) {
            wcs = ini.wcs();
        }
        if (wcs.isEmpty()) {
            return failed(request, elapsed, "ASTAP said it solved the image but wrote no usable solution in " + iniFile.getFileName());
        }
        return new SolveResult.Solved(AstapSolver.ID, request.mode(), elapsed, wcs.get(), request.width(), request.height(),
                List.of(), Double.NaN);
    }

    /** Why ASTAP did not solve: its ERROR line (else what its exit status means), its warning, its last output line. */
    static String failureReason(AstapIni ini, ProcessRun.Outcome outcome) {
        String error = ini.error().map(AstapAnswer::withoutFinalStop).orElse(exitStatus(outcome.exitCode()));
        String warning = ini.warning().map(text -> "; warning: " + withoutFinalStop(text)).orElse("");
        return "ASTAP: " + error + warning + detail(outcome.outputTail());
    }

    /**
     * What an exit status means, as ASTAP documents its error levels: 1 no solution, 2 not enough stars detected,
     * 16 error reading the image, 32 no star database found, 33 error reading the star database, 34 error updating the
     * input file.
     */
    static String exitStatus(int code) {
        return switch (code) {
            case 0 -> "exit status 0";
            case 1 -> "no solution found (exit status 1)";
            case 2 -> "not enough stars detected (exit status 2)";
            case 16 -> "error reading the image file (exit status 16)";
            case 32 -> "no star database found (exit status 32)";
            case 33 -> "error reading the star database (exit status 33)";
            case 34 -> "error updating the input file (exit status 34)";
            default -> "exit status " + code;
        };
    }

    private static String detail(String outputTail) {
        if (outputTail.isBlank()) {
            return "";
        }
        String[] lines = outputTail.split("\n");
        return " (" + lines[lines.length - 1] + ")";
    }

    private static String withoutFinalStop(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    private static Path sibling(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }

    private static SolveResult.Failed failed(SolveRequest request, Duration elapsed, String reason) {
        return new SolveResult.Failed(AstapSolver.ID, request.mode(), elapsed, reason);
    }

    static String seconds(Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : String.format(Locale.ROOT, "%.1f", seconds);
    }
}
