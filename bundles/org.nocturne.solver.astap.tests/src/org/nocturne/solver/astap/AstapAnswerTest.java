package org.nocturne.solver.astap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.image.Wcs;
import org.nocturne.image.stars.StarList;
import org.nocturne.solver.api.SolveMode;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;
import org.nocturne.solver.api.support.ProcessRun;

/**
 * ASTAP's answers, from the samples in {@code samples/}: written from ASTAP's documented format (key=value lines, the
 * numbers as ASTAP prints them; the {@code .wcs} a FITS header without data), and the {@code .ini} of a real run of
 * astap_cli 2022.12.09 without a star database. The solved samples describe a 2000×1500 frame centred at RA 297.75°,
 * Dec +35°, 3.87778″/px, position angle 30°.
 */
class AstapAnswerTest {

    private static final SolveRequest NEAR = SolveRequest.ofStars(2000, 1500, new StarList(List.of(), 0, 0, 0, 0, 0))
            .withHint(Equatorial.ofHoursDegrees(19.85, 35), 2);
    private static final ProcessRun.Outcome EXITED_0 = new ProcessRun.Outcome(0, false, false, Duration.ofMillis(300), "");

    @TempDir
    Path folder;

    @Test
    void aSolvedIniGivesTheSolutionFromItsCdMatrix() throws IOException {
        AstapIni ini = AstapIni.read(sample("solved.ini", "answer.ini"));
        assertTrue(ini.solved());
        assertTrue(ini.error().isEmpty());
        assertTrue(ini.warning().isEmpty(), "an empty WARNING= is no warning");
        assertTheSolution(ini.wcs().orElseThrow());
    }

    @Test
    void withoutTheCdMatrixTheSolutionComesFromCdeltAndCrota() {
        AstapIni ini = AstapIni.parse("PLTSOLVD=T\nCRPIX1= 1.0005E+003\nCRPIX2= 7.505E+002\nCRVAL1= 2.9775E+002\n"
                + "CRVAL2= 3.5E+001\nCDELT1=-1.0771611111111111E-003\nCDELT2= 1.0771611111111111E-003\n"
                + "CROTA1=-3.0E+001\nCROTA2=-3.0E+001\n");
        assertTheSolution(ini.wcs().orElseThrow());
    }

    @Test
    void aSolvedRunIsReadFromTheWcsFileWhenThereIsOne() throws IOException {
        sample("solved.ini", "answer.ini");
        sample("solved.wcs", "answer.wcs");
        // the .ini's reference pixel moved, so that only the .wcs file gives the solution asserted below
        Path ini = folder.resolve("answer.ini");
        Files.writeString(ini, Files.readString(ini).replace("CRPIX1= 1.0005000000000000E+003", "CRPIX1= 9.9950000000000000E+002"));
        SolveResult.Solved solved = assertInstanceOf(SolveResult.Solved.class,
                AstapAnswer.read(EXITED_0, folder.resolve("answer"), NEAR, Duration.ofMillis(400)));
        assertTheSolution(solved.wcs());
        assertEquals("astap", solved.solverId());
        assertEquals(SolveMode.NEAR, solved.mode());
        assertEquals(Duration.ofMillis(400), solved.elapsed());
        assertEquals(0, Equatorial.ofHoursDegrees(297.75 / 15, 35).separationDegrees(solved.centre()) * 3600, 1e-6,
                "centre, arc-seconds");
        assertTrue(solved.matches().isEmpty(), "ASTAP reports no matched stars");
        assertTrue(Double.isNaN(solved.rmsArcsec()));
    }

    @Test
    void anUnreadableWcsFileFallsBackToTheIni() throws IOException {
        sample("solved.ini", "answer.ini");
        Files.writeString(folder.resolve("answer.wcs"), "SIMPLE  =                    T / cut short");
        SolveResult.Solved solved = assertInstanceOf(SolveResult.Solved.class,
                AstapAnswer.read(EXITED_0, folder.resolve("answer"), NEAR, Duration.ZERO));
        assertTheSolution(solved.wcs());
    }

    @Test
    void aSolvedRunWithoutAWcsFileIsReadFromTheIni() throws IOException {
        sample("solved.ini", "answer.ini");
        SolveResult.Solved solved = assertInstanceOf(SolveResult.Solved.class,
                AstapAnswer.read(EXITED_0, folder.resolve("answer"), NEAR, Duration.ZERO));
        assertTheSolution(solved.wcs());
    }

    @Test
    void aFailedRunGivesItsErrorAndWarning() throws IOException {
        sample("failed.ini", "answer.ini");
        ProcessRun.Outcome exited1 = new ProcessRun.Outcome(1, false, false, Duration.ofSeconds(12), "");
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class,
                AstapAnswer.read(exited1, folder.resolve("answer"), NEAR.withoutHint(), Duration.ofSeconds(12)));
        assertEquals("ASTAP: No solution found; warning: Low number of stars", failed.reason());
        assertEquals(SolveMode.BLIND, failed.mode());
    }

    @Test
    void aRunWithoutADatabaseSaysSoInItsOwnWords() throws IOException {
        sample("no-database.ini", "answer.ini");
        AstapIni ini = AstapIni.read(folder.resolve("answer.ini"));
        assertFalse(ini.solved());
        ProcessRun.Outcome exited1 = new ProcessRun.Outcome(1, false, false, Duration.ofMillis(3),
                "Error, no star database found at /tmp/astaptry/nodb/ ! Download the h18 (or h17, v17) and install.");
        assertEquals("ASTAP: No star database found (Error, no star database found at /tmp/astaptry/nodb/ ! Download the h18 "
                + "(or h17, v17) and install.)", AstapAnswer.failureReason(ini, exited1));
    }

    @Test
    void withoutAnIniTheExitStatusSaysWhatWentWrong() throws IOException {
        ProcessRun.Outcome exited16 = new ProcessRun.Outcome(16, false, false, Duration.ofMillis(3), "");
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class,
                AstapAnswer.read(exited16, folder.resolve("answer"), NEAR, Duration.ZERO));
        assertEquals("ASTAP wrote no answer (error reading the image file (exit status 16))", failed.reason());
        assertEquals("no star database found (exit status 32)", AstapAnswer.exitStatus(32));
        assertEquals("exit status 99", AstapAnswer.exitStatus(99));
    }

    @Test
    void aSolvedFlagWithoutNumbersIsNoSolution() throws IOException {
        Files.writeString(folder.resolve("answer.ini"), "PLTSOLVD=T\nCRVAL1=abc\n");
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class,
                AstapAnswer.read(EXITED_0, folder.resolve("answer"), NEAR, Duration.ZERO));
        assertTrue(failed.reason().contains("no usable solution"), failed.reason());
    }

    private static void assertTheSolution(Wcs wcs) {
        assertEquals(297.75, wcs.crval1(), 1e-9);
        assertEquals(35.0, wcs.crval2(), 1e-9);
        assertEquals(1000.5, wcs.crpix1(), 1e-9);
        assertEquals(750.5, wcs.crpix2(), 1e-9);
        assertEquals(3.87778, wcs.scaleArcsecPerPixel(), 1e-6);
        assertEquals(30.0, wcs.positionAngleDegrees(), 1e-6);
        assertFalse(wcs.isFlipped());
        assertNull(wcs.sip());
    }

    /** Copies the sample {@code name} from this fragment's {@code samples/} to {@code target} in the folder. */
    private Path sample(String name, String target) throws IOException {
        try (InputStream in = AstapAnswerTest.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IOException("sample " + name + " missing from the test fragment");
            }
            Path file = folder.resolve(target);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }
}
