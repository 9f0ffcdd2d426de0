package org.nocturne.solver.astrometry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nocturne.core.angle.Sexagesimal;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.image.Wcs;
import org.nocturne.image.fits.FitsFrames;
import org.nocturne.solver.api.ScaleHint;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;
import org.nocturne.solver.api.StarMatch;
import org.nocturne.solver.api.support.ProcessRun;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;

/**
 * What one solve-field run answered: the solution read from its {@code .wcs} (TAN-SIP, CRPIX where solve-field put
 * it) and {@code .corr} files, or the reason it gave none, in words. Blocks for the file reads.
 */
final class SolveFieldAnswer {

    private SolveFieldAnswer() {
    }

    /**
     * The solution in {@code directory}. Each matched pair's residual is the distance between the index star and where
     * the solution puts the detected star; the RMS is over those.
     *
     * @throws IOException when a file is missing or cannot be read
     */
    static SolveResult.Solved read(Path directory, SolveRequest request, Duration elapsed) throws IOException {
        Path wcsFile = directory.resolve(SolveFieldCommand.WCS_FILE);
        Wcs wcs = FitsFrames.readWcs(wcsFile)
                .orElseThrow(() -> new IOException("solve-field wrote " + wcsFile + " without a TAN solution in it"));
        List<StarMatch> matches = matches(directory.resolve(SolveFieldCommand.CORR_FILE), wcs);
        double sum = 0;
        for (StarMatch match : matches) {
            sum += match.residualArcsec() * match.residualArcsec();
        }
        double rms = matches.isEmpty() ? Double.NaN : Math.sqrt(sum / matches.size());
        return new SolveResult.Solved(SolveFieldSolver.ID, request.mode(), elapsed, wcs, request.width(),
                request.height(), matches, rms);
    }

    /** The pairs in a {@code .corr} table: field_x/field_y (1-based) made 0-based, index_ra/index_dec in degrees. */
    static List<StarMatch> matches(Path corrFile, Wcs wcs) throws IOException {
        if (!Files.isRegularFile(corrFile)) {
            throw new IOException("solve-field wrote no " + corrFile.getFileName() + " file of matched stars");
        }
        try (Fits fits = new Fits(corrFile.toFile())) {
            BinaryTableHDU hdu = null;
            for (BasicHDU<?> next = fits.readHDU(); next != null && hdu == null; next = fits.readHDU()) {
                if (next instanceof BinaryTableHDU table) {
                    hdu = table;
                }
            }
            if (hdu == null) {
                throw new IOException(corrFile + " holds no table of matched stars");
            }
            int fieldX = column(hdu, "field_x", corrFile);
            int fieldY = column(hdu, "field_y", corrFile);
            int indexRa = column(hdu, "index_ra", corrFile);
            int indexDec = column(hdu, "index_dec", corrFile);
            BinaryTable table = hdu.getData();
            List<StarMatch> matches = new ArrayList<>(table.getNRows());
            for (int row = 0; row < table.getNRows(); row++) {
                double x = table.getDouble(row, fieldX);
                double y = table.getDouble(row, fieldY);
                Equatorial star = Equatorial.ofHoursDegrees(table.getDouble(row, indexRa) / 15, table.getDouble(row, indexDec));
                double residual = wcs.toSky(x, y).separationDegrees(star) * 3600;
                matches.add(new StarMatch(x - 1, y - 1, star, Double.NaN, residual));
            }
            return matches;
        } catch (FitsException | ClassCastException e) {
            throw new IOException("cannot read the matched stars in " + corrFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Why the run gave no solution, in words: the time limit, a crash (with the end of its output), or no match within
     * the search the request asked for.
     */
    static String failureReason(ProcessRun.Outcome outcome, SolveRequest request, int cpuLimitSeconds, int starsUsed) {
        String tail = outcome.outputTail();
        if (outcome.timedOut() || tail.contains("time limit reached")) {
            return "time limit of " + cpuLimitSeconds + " s reached without a match";
        }
        if (outcome.exitCode() != 0) {
            return "solve-field failed with exit status " + outcome.exitCode() + (tail.isEmpty() ? "" : ": " + lastLines(tail, 3));
        }
        return "solve-field found no match " + searched(request) + " among " + starsUsed + " stars";
    }

    /** Where the request searched, such as "within 2° of RA 19h 51m 00.0s, Dec +35° 00′ 00″ at 3.49–4.27″/px". */
    static String searched(SolveRequest request) {
        StringBuilder text = new StringBuilder();
        if (request.hint() == null) {
            text.append("over the whole sky");
        } else {
            text.append(String.format(Locale.ROOT, "within %s° of RA %s, Dec %s", trim(request.searchRadiusDegrees()),
                    Sexagesimal.formatHours(request.hint().raHours()), Sexagesimal.formatDegrees(request.hint().decDegrees())));
        }
        ScaleHint scale = request.scale();
        text.append(scale == null ? " at any scale"
                : String.format(Locale.ROOT, " at %.2f–%.2f″/px", scale.lowest(), scale.highest()));
        return text.toString();
    }

    private static int column(BinaryTableHDU hdu, String name, Path file) throws IOException {
        int index = hdu.findColumn(name);
        if (index < 0) {
            throw new IOException(file + " has no " + name + " column");
        }
        return index;
    }

    private static String lastLines(String text, int count) {
        String[] lines = text.split("\n");
        return String.join(" / ", List.of(lines).subList(Math.max(0, lines.length - count), lines.length));
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
