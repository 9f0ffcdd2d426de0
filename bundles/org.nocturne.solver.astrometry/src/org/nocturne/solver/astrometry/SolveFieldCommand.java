package org.nocturne.solver.astrometry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nocturne.solver.api.ScaleHint;
import org.nocturne.solver.api.SolveRequest;

/**
 * The command line and configuration file of one solve-field run over an {@link XyList}: the star list as input
 * (columns X, Y, brightest by FLUX first), the world coordinates ({@value #WCS_FILE}) and the matched star pairs
 * ({@value #CORR_FILE}) as the only outputs, the scale and position hints of the request, and a CPU time limit.
 * Pure functions of their arguments.
 */
final class SolveFieldCommand {

    static final String XYLIST_FILE = "stars.xyls";
    static final String CONFIG_FILE = "astrometry.cfg";
    static final String WCS_FILE = "field.wcs";
    static final String CORR_FILE = "field.corr";

    private SolveFieldCommand() {
    }

    /**
     * The configuration astrometry-engine reads instead of {@code /etc/astrometry.cfg}: each index directory, every
     * index file in them loaded ({@code autoindex}) and searched at once ({@code inparallel}), and the CPU time limit.
     */
    static String config(List<Path> indexDirectories, int cpuLimitSeconds) {
        StringBuilder text = new StringBuilder();
        text.append("# Written by Nocturne for one solve\n");
        text.append("inparallel\n");
        text.append("cpulimit ").append(cpuLimitSeconds).append('\n');
        for (Path directory : indexDirectories) {
            text.append("add_path ").append(directory.toAbsolutePath()).append('\n');
        }
        text.append("autoindex\n");
        return text.toString();
    }

    /** The CPU time limit for {@code timeLimit}, whole seconds, at least 1. */
    static int cpuLimitSeconds(Duration timeLimit) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeLimit.toSeconds()));
    }

    /**
     * The arguments of the run, the program first, with every file named relative to {@code directory}, the run's
     * working directory.
     */
    static List<String> arguments(Path program, SolveRequest request, Path directory, int cpuLimitSeconds) {
        List<String> args = new ArrayList<>();
        args.add(program.toString());
        add(args, "--config", directory.resolve(CONFIG_FILE).toString());
        add(args, "--dir", directory.toString());
        add(args, "--temp-dir", directory.toString());
        args.add("--overwrite");
        args.add("--no-plots");
        add(args, "--width", Integer.toString(request.width()));
        add(args, "--height", Integer.toString(request.height()));
        add(args, "--x-column", XyList.X);
        add(args, "--y-column", XyList.Y);
        add(args, "--sort-column", XyList.FLUX);
        add(args, "--cpulimit", Integer.toString(cpuLimitSeconds));
        ScaleHint scale = request.scale();
        if (scale != null) {
            add(args, "--scale-units", "arcsecperpix");
            add(args, "--scale-low", number(scale.lowest()));
            add(args, "--scale-high", number(scale.highest()));
        }
        if (request.hint() != null) {
            add(args, "--ra", number(Math.toDegrees(request.hint().raRadians())));
            add(args, "--dec", number(request.hint().decDegrees()));
            add(args, "--radius", number(request.searchRadiusDegrees()));
        }
        add(args, "--wcs", WCS_FILE);
        add(args, "--corr", CORR_FILE);
        add(args, "--new-fits", "none");
        add(args, "--match", "none");
        add(args, "--rdls", "none");
        add(args, "--solved", "none");
        add(args, "--index-xyls", "none");
        args.add("--temp-axy");
        args.add(directory.resolve(XYLIST_FILE).toString());
        return List.copyOf(args);
    }

    private static void add(List<String> args, String option, String value) {
        args.add(option);
        args.add(value);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
