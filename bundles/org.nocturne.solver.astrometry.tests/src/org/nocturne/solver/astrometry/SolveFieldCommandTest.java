package org.nocturne.solver.astrometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.image.stars.StarList;
import org.nocturne.solver.api.SolveRequest;

/** The command line and configuration, built without running anything. */
class SolveFieldCommandTest {

    private static final Path DIR = Path.of("/tmp/run");
    private static final SolveRequest BLIND = SolveRequest.ofStars(2000, 1500, new StarList(List.of(), 0, 0, 0, 0, 0));

    @Test
    void aNearSolveGivesPositionScaleSizeColumnsAndOnlyTheWcsAndCorrOutputs() {
        SolveRequest request = BLIND.withHint(Equatorial.ofHoursDegrees(19.85, 35), 2).withScale(3.88, 0.1)
                .withTimeLimit(Duration.ofSeconds(30));
        List<String> args = SolveFieldCommand.arguments(Path.of("/usr/bin/solve-field"), request, DIR, 30);
        assertEquals("/usr/bin/solve-field", args.get(0));
        assertEquals("/tmp/run/stars.xyls", args.get(args.size() - 1), "the xylist is the input");
        assertOption(args, "--config", "/tmp/run/astrometry.cfg");
        assertOption(args, "--dir", "/tmp/run");
        assertOption(args, "--temp-dir", "/tmp/run");
        assertOption(args, "--width", "2000");
        assertOption(args, "--height", "1500");
        assertOption(args, "--x-column", "X");
        assertOption(args, "--y-column", "Y");
        assertOption(args, "--sort-column", "FLUX");
        assertOption(args, "--cpulimit", "30");
        assertOption(args, "--scale-units", "arcsecperpix");
        assertOption(args, "--scale-low", "3.492000");
        assertOption(args, "--scale-high", "4.268000");
        assertOption(args, "--ra", "297.750000");
        assertOption(args, "--dec", "35.000000");
        assertOption(args, "--radius", "2.000000");
        assertOption(args, "--wcs", "field.wcs");
        assertOption(args, "--corr", "field.corr");
        for (String off : List.of("--new-fits", "--match", "--rdls", "--solved", "--index-xyls")) {
            assertOption(args, off, "none");
        }
        assertTrue(args.containsAll(List.of("--overwrite", "--no-plots", "--temp-axy")));
    }

    @Test
    void aBlindSolveWithoutScaleGivesNeitherPositionNorScale() {
        List<String> args = SolveFieldCommand.arguments(Path.of("solve-field"), BLIND, DIR, 60);
        for (String absent : List.of("--ra", "--dec", "--radius", "--scale-units", "--scale-low", "--scale-high")) {
            assertFalse(args.contains(absent), absent);
        }
        assertOption(args, "--cpulimit", "60");
    }

    @Test
    void theConfigurationLoadsEveryIndexDirectoryWithTheTimeLimit() {
        String config = SolveFieldCommand.config(List.of(Path.of("/usr/share/astrometry"), Path.of("/data/index")), 45);
        List<String> lines = config.lines().filter(line -> !line.startsWith("#")).toList();
        assertEquals(List.of("inparallel", "cpulimit 45", "add_path /usr/share/astrometry", "add_path /data/index", "autoindex"), lines);
    }

    @Test
    void theCpuLimitIsTheTimeLimitInWholeSecondsAtLeastOne() {
        assertEquals(30, SolveFieldCommand.cpuLimitSeconds(Duration.ofMillis(30_900)));
        assertEquals(1, SolveFieldCommand.cpuLimitSeconds(Duration.ofMillis(200)));
    }

    @Test
    void theFailureReasonSaysWhereItSearched() {
        SolveRequest near = BLIND.withHint(Equatorial.ofHoursDegrees(19.85, 35), 2).withScale(3.88, 0.1);
        assertEquals("within 2° of RA 19h 51m 00.0s, Dec +35° 00′ 00″ at 3.49–4.27″/px", SolveFieldAnswer.searched(near));
        assertEquals("over the whole sky at any scale", SolveFieldAnswer.searched(BLIND));
    }

    private static void assertOption(List<String> args, String option, String value) {
        int at = args.indexOf(option);
        assertTrue(at >= 0 && at + 1 < args.size(), option + " missing from " + args);
        assertEquals(value, args.get(at + 1), option);
    }
}
