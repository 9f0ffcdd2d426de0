package org.nocturne.solver.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.system.MachineDescription;
import org.nocturne.core.task.Progress;
import org.nocturne.solver.api.PlateSolver;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;
import org.nocturne.solver.astrometry.SolveFieldSolver;
import org.nocturne.solver.builtin.BuiltinSolver;

/**
 * Solves one set of simulated fields with the built-in solver and with astrometry.net's {@code solve-field} in the
 * same run, near a hint, blind with the scale known and blind without it (see {@link Search}), and writes a Markdown
 * table of success, false solves, accuracy and time. Both get the same star lists (solve-field as an xylist), so the
 * times compare the solvers, not the star detection. A benchmark application, not a test: it prints figures and
 * asserts nothing.
 *
 * <p>Usage: {@code SolverBenchmark <output.md> [fields per scale]}.
 */
public final class SolverBenchmark {

    /** Pixel scales, ″/px: fields of 1.0°, 2.1° and 5.0° on the benchmark's sensor. */
    private static final double[] SCALES = { 1.2, 2.5, 6.0 };

    private final List<Attempt> attempts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "docs/benchmarks/solver.md");
        int perScale = args.length > 1 ? Integer.parseInt(args[1]) : 34;
        new SolverBenchmark().run(output, perScale);
        System.exit(0);
    }

    private void run(Path output, int perScale) throws Exception {
        long start = System.nanoTime();
        StarCatalog catalog = StarCatalog.bundled();
        List<FieldSet.Field> fields = FieldSet.generate(catalog, SCALES, perScale, 2026);
        notes.add(String.format(Locale.ROOT, "%d fields rendered by the sky simulator and detected by the image core in %.1f s; "
                + "median %d stars a field.", fields.size(), seconds(start), medianStars(fields)));
        System.out.println(notes.get(0));

        BuiltinSolver builtin = new BuiltinSolver(catalog);
        start = System.nanoTime();
        solve(builtin, Search.BLIND.request(fields.get(0)));
        notes.add(String.format(Locale.ROOT, "The built-in solver's first blind solve, which builds its whole-sky index, took %.2f s "
                + "(not counted below).", seconds(start)));
        System.out.println(notes.get(1));
        List<PlateSolver> solvers = new ArrayList<>(List.of(builtin));
        SolveFieldSolver solveField = new SolveFieldSolver();
        if (solveField.unavailableReason().isPresent()) {
            notes.add("solve-field was not run: " + solveField.unavailableReason().get());
        } else {
            solvers.add(solveField);
        }
        for (PlateSolver solver : solvers) {
            for (Search search : Search.values()) {
                for (FieldSet.Field field : fields) {
                    long t = System.nanoTime();
                    SolveResult result = solve(solver, search.request(field));
                    Attempt attempt = Attempt.judge(field, solver.id(), search, result, seconds(t));
                    attempts.add(attempt);
                    System.out.printf(Locale.ROOT, "%-10s %-17s field %3d %.1f″/px: %-10s %6.3f s %s%n", solver.id(), search.label(),
                            field.number(), field.arcsecPerPixel(), attempt.verdict(), attempt.seconds(),
                            attempt.failure() == null ? String.format(Locale.ROOT, "%.2f″ %.4f°", attempt.centreErrorArcsec(),
                                    attempt.rotationErrorDegrees()) : attempt.failure());
                }
            }
        }
        write(output, solvers);
        System.out.println("Written " + output);
    }

    private static SolveResult solve(PlateSolver solver, SolveRequest request) throws Exception {
        return solver.solve(request, Progress.NONE).get(request.timeLimit().toSeconds() + 30, TimeUnit.SECONDS);
    }

    private void write(Path output, List<PlateSolver> solvers) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Plate solving benchmark\n\n");
        md.append("Written by `releng/benchmark-solver` on ").append(LocalDate.now(ZoneOffset.UTC)).append(". ")
                .append("The same simulated fields, solved from the same star lists by each solver in one run: near a hint up to ")
                .append(FieldSet.HINT_ERROR_DEGREES).append("° off (search radius 3°, scale ±10%), blind with the scale known ")
                .append("to ±20%, and blind with no scale; 30 s allowed for each. Correct: centre within ")
                .append(Attempt.CORRECT_CENTRE_ARCSEC).append("″ and rotation within ").append(Attempt.CORRECT_ROTATION_DEGREES)
                .append("° of the simulator's truth; false: solved but more than ").append(Attempt.FALSE_CENTRE_ARCSEC)
                .append("″ or ").append(Attempt.FALSE_ROTATION_DEGREES).append("° off, or mirrored. Times are wall times per ")
                .append("field, failures included; solve-field's include starting the process and loading its index files.\n\n");
        md.append("Machine:\n\n").append(MachineDescription.describe()).append("\n\n");
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        md.append("\n| Solver | Mode | Scale | Fields | Correct | Imprecise | False | Not solved | Time p50 | Time p95 "
                + "| Centre error p50 / p95 | Rotation error p50 | Target |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (PlateSolver solver : solvers) {
            for (Search search : Search.values()) {
                for (double scale : SCALES) {
                    row(md, solver, search, String.format(Locale.ROOT, "%.1f″/px (%.1f°)", scale, scale * FieldSet.WIDTH / 3600),
                            a -> a.field().arcsecPerPixel() == scale, "");
                }
                row(md, solver, search, "**all**", a -> true, search.target());
            }
        }
        md.append("\nFailures, by solver and mode (first of each reason):\n\n");
        for (PlateSolver solver : solvers) {
            for (Search search : Search.values()) {
                attempts.stream().filter(a -> a.solver().equals(solver.id()) && a.search() == search && a.failure() != null)
                        .map(Attempt::failure).distinct().limit(5)
                        .forEach(reason -> md.append("- ").append(solver.id()).append(", ").append(search.label())
                                .append(": ").append(reason).append('\n'));
            }
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, md.toString());
    }

    private void row(StringBuilder md, PlateSolver solver, Search search, String scale, Predicate<Attempt> which, String target) {
        List<Attempt> chosen = attempts.stream().filter(a -> a.solver().equals(solver.id()) && a.search() == search).filter(which).toList();
        if (chosen.isEmpty()) {
            return;
        }
        double[] times = chosen.stream().mapToDouble(Attempt::seconds).sorted().toArray();
        double[] centres = chosen.stream().filter(a -> a.verdict() != Attempt.Verdict.NOT_SOLVED)
                .mapToDouble(Attempt::centreErrorArcsec).sorted().toArray();
        double[] rotations = chosen.stream().filter(a -> a.verdict() != Attempt.Verdict.NOT_SOLVED)
                .mapToDouble(Attempt::rotationErrorDegrees).sorted().toArray();
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %d | %d | %d | %s | %s | %s / %s | %s | %s |%n",
                solver.displayName(), search.label(), scale, chosen.size(),
                percent(count(chosen, Attempt.Verdict.CORRECT), chosen.size()), count(chosen, Attempt.Verdict.IMPRECISE),
                count(chosen, Attempt.Verdict.FALSE), count(chosen, Attempt.Verdict.NOT_SOLVED), time(percentile(times, 50)),
                time(percentile(times, 95)), arcsec(percentile(centres, 50)), arcsec(percentile(centres, 95)),
                rotations.length == 0 ? "–" : String.format(Locale.ROOT, "%.4f°", percentile(rotations, 50)), target));
    }

    private static int count(List<Attempt> attempts, Attempt.Verdict verdict) {
        return (int) attempts.stream().filter(a -> a.verdict() == verdict).count();
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%d (%.0f%%)", part, 100.0 * part / whole);
    }

    private static String time(double seconds) {
        return Double.isNaN(seconds) ? "–" : seconds < 1 ? String.format(Locale.ROOT, "%.0f ms", seconds * 1000)
                : String.format(Locale.ROOT, "%.2f s", seconds);
    }

    private static String arcsec(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f″", value);
    }

    /** The nearest-rank percentile of sorted values; NaN when there are none. */
    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static int medianStars(List<FieldSet.Field> fields) {
        int[] counts = fields.stream().mapToInt(f -> f.stars().stars().size()).sorted().toArray();
        return counts[counts.length / 2];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
