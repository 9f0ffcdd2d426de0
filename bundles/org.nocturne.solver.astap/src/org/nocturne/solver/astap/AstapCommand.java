package org.nocturne.solver.astap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nocturne.solver.api.SolveRequest;

/**
 * The command line of one ASTAP solve, as its documentation (hnsky.org, {@code astap_cli -h}) gives the options:
 * {@code -f} the image; {@code -o} where the {@code .ini} and {@code .wcs} answers go; {@code -ra} (hours) and
 * {@code -spd} (declination + 90°) for a near solve; {@code -r} the search radius in degrees, 180 for a blind solve;
 * {@code -fov} the height of the field in degrees, 0 when unknown (ASTAP then tries several); {@code -z 0} to let ASTAP
 * choose the downsampling; {@code -s} the most stars to use; {@code -d} the star database directory; {@code -wcs} to
 * write the {@code .wcs} file as a FITS header. Pure functions of their arguments.
 */
final class AstapCommand {

    /** The radius ASTAP takes as a search of the whole sky. */
    static final double WHOLE_SKY_DEGREES = 180;

    /** ASTAP's own default for {@code -s}. */
    static final int MAX_STARS = 500;

    private AstapCommand() {
    }

    /**
     * The arguments, the program first.
     *
     * @param image the frame's file
     * @param outputBase the path, without extension, of the {@code .ini} and {@code .wcs} files ASTAP writes
     */
    static List<String> arguments(Path program, Path image, Path outputBase, SolveRequest request, Path database) {
        List<String> args = new ArrayList<>();
        args.add(program.toString());
        add(args, "-f", image.toString());
        add(args, "-o", outputBase.toString());
        if (request.hint() != null) {
            add(args, "-ra", number(request.hint().raHours()));
            add(args, "-spd", number(request.hint().decDegrees() + 90));
            add(args, "-r", number(request.searchRadiusDegrees()));
        } else {
            add(args, "-r", number(WHOLE_SKY_DEGREES));
        }
        add(args, "-fov", number(fieldHeightDegrees(request)));
        add(args, "-z", "0");
        add(args, "-s", Integer.toString(MAX_STARS));
        add(args, "-d", database.toString());
        args.add("-wcs");
        return List.copyOf(args);
    }

    /** The field's height from the request's scale hint, degrees; 0 (ASTAP's "unknown") without one. */
    static double fieldHeightDegrees(SolveRequest request) {
        return request.scale() == null ? 0 : request.height() * request.scale().arcsecPerPixel() / 3600;
    }

    private static void add(List<String> args, String option, String value) {
        args.add(option);
        args.add(value);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
