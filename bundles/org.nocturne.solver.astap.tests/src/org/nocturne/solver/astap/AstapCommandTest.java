package org.nocturne.solver.astap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.image.stars.StarList;
import org.nocturne.solver.api.SolveRequest;

/** The command line, built without running anything, checked against the options {@code astap_cli -h} lists. */
class AstapCommandTest {

    private static final SolveRequest BLIND = SolveRequest.ofStars(2000, 1500, new StarList(List.of(), 0, 0, 0, 0, 0));
    private static final Path PROGRAM = Path.of("/usr/bin/astap_cli");
    private static final Path IMAGE = Path.of("/tmp/run/frame.fits");
    private static final Path ANSWER = Path.of("/tmp/run/answer");
    private static final Path DATABASE = Path.of("/opt/astap");

    @Test
    void aNearSolveGivesRaInHoursSouthPolarDistanceRadiusAndFieldHeight() {
        SolveRequest near = BLIND.withHint(Equatorial.ofHoursDegrees(19.85, -35), 2.5).withScale(3.6, 0.1);
        assertEquals(List.of("/usr/bin/astap_cli", "-f", "/tmp/run/frame.fits", "-o", "/tmp/run/answer",
                "-ra", "19.850000", "-spd", "55.000000", "-r", "2.500000", "-fov", "1.500000", "-z", "0", "-s", "500",
                "-d", "/opt/astap", "-wcs"), AstapCommand.arguments(PROGRAM, IMAGE, ANSWER, near, DATABASE));
    }

    @Test
    void aBlindSolveSearchesTheWholeSkyAndAnUnknownScaleIsFieldHeightZero() {
        assertEquals(List.of("/usr/bin/astap_cli", "-f", "/tmp/run/frame.fits", "-o", "/tmp/run/answer",
                "-r", "180.000000", "-fov", "0.000000", "-z", "0", "-s", "500", "-d", "/opt/astap", "-wcs"),
                AstapCommand.arguments(PROGRAM, IMAGE, ANSWER, BLIND, DATABASE));
    }
}
