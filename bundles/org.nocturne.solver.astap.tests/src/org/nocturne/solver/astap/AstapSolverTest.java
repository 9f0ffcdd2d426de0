package org.nocturne.solver.astap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.task.Progress;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;
import org.nocturne.image.fits.FitsFrames;
import org.nocturne.image.stars.StarList;
import org.nocturne.solver.api.SolveMode;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;
import org.nocturne.solver.api.support.ProgramLocator;

/**
 * The real astap_cli. Debian does not package ASTAP's star databases, so here it can only fail; these tests check that
 * it fails quickly, with its own words, and leaves nothing behind.
 */
class AstapSolverTest {

    private static final Equatorial CYGNUS = Equatorial.ofHoursDegrees(19.85, 35);

    @Test
    void withoutAStarDatabaseItIsUnavailableAndASolveSaysWhy(@TempDir Path emptyDatabase) throws Exception {
        Path program = InstalledAstap.required();
        AstapSolver solver = new AstapSolver(new AstapSettings(program.toString(), emptyDatabase));
        assertEquals("no ASTAP star database (H17, H18, D50 …) in " + emptyDatabase, solver.unavailableReason().orElseThrow());
        SolveRequest request = SolveRequest.ofFrame(frame()).withHint(CYGNUS, 2).withScale(3.9, 0.1);
        long start = System.nanoTime();
        SolveResult result = solver.solve(request, Progress.NONE).get(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class, result, result.toString());
        System.out.printf("astap_cli without a database: \"%s\" after %.3f s%n", failed.reason(), seconds);
        assertTrue(failed.reason().startsWith("ASTAP: No star database found"), failed.reason());
        assertTrue(failed.reason().contains(emptyDatabase.toString()), "names the directory: " + failed.reason());
        assertEquals(SolveMode.NEAR, failed.mode());
        assertEquals("astap", failed.solverId());
    }

    @Test
    void theUsersImageFileIsReadWhereItIsAndNothingIsWrittenBesideIt(@TempDir Path folder) throws Exception {
        Path program = InstalledAstap.required();
        Path image = folder.resolve("light.fits");
        FitsFrames.write(frame(), image, false);
        Path database = Files.createDirectory(folder.resolve("database"));
        AstapSolver solver = new AstapSolver(new AstapSettings(program.toString(), database));
        SolveRequest request = SolveRequest.ofFrame(FitsFrames.read(image)).withImageFile(image).withoutHint();
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class,
                solver.solve(request, Progress.NONE).get(30, TimeUnit.SECONDS));
        assertTrue(failed.reason().startsWith("ASTAP: No star database found"), failed.reason());
        assertEquals(SolveMode.BLIND, failed.mode());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of("database", "light.fits"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aStarListAloneIsNotEnough(@TempDir Path database) throws Exception {
        Path program = InstalledAstap.required();
        AstapSolver solver = new AstapSolver(new AstapSettings(program.toString(), database));
        SolveRequest request = SolveRequest.ofStars(200, 150, new StarList(List.of(), 0, 0, 0, 0, 0)).withHint(CYGNUS, 2);
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class,
                solver.solve(request, Progress.NONE).get(30, TimeUnit.SECONDS));
        assertEquals("ASTAP detects stars itself and needs the image; this request has only a star list", failed.reason());
    }

    @Test
    void saysWhenTheProgramIsMissing(@TempDir Path empty) throws Exception {
        AstapSolver atPath = new AstapSolver(new AstapSettings("/nonexistent/astap_cli", empty));
        assertEquals("ASTAP not found at /nonexistent/astap_cli", atPath.unavailableReason().orElseThrow());
        SolveResult result = atPath.solve(SolveRequest.ofFrame(frame()), Progress.NONE).get(10, TimeUnit.SECONDS);
        assertEquals("ASTAP not found at /nonexistent/astap_cli", assertInstanceOf(SolveResult.Failed.class, result).reason());
        AstapSolver onPath = new AstapSolver(new AstapSettings("astap_cli", empty), new ProgramLocator(empty.toString()));
        assertEquals("astap_cli not found on the PATH", onPath.unavailableReason().orElseThrow());
    }

    @Test
    void aDatabaseDirectoryIsRecognisedByItsFileNames(@TempDir Path folder) throws Exception {
        assertFalse(AstapSettings.holdsStarDatabase(folder));
        Files.createFile(folder.resolve("readme.txt"));
        assertFalse(AstapSettings.holdsStarDatabase(folder));
        Files.createFile(folder.resolve("d50_0101.1476"));
        assertTrue(AstapSettings.holdsStarDatabase(folder));
        assertFalse(AstapSettings.holdsStarDatabase(folder.resolve("missing")));
        Path program = InstalledAstap.required();
        assertTrue(new AstapSolver(new AstapSettings(program.toString(), folder)).unavailableReason().isEmpty());
    }

    @Test
    void theComponentIsAstapThatCanSolveBlind() {
        AstapSolver solver = new AstapSolver();
        assertEquals("astap", solver.id());
        assertEquals("ASTAP", solver.displayName());
        assertTrue(solver.canSolveBlind());
    }

    /** A 200×150 frame of sky noise around 1000 ADU. */
    private static Frame frame() {
        Random random = new Random(5);
        short[] pixels = new short[200 * 150];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) (1000 + random.nextInt(40));
        }
        return Frame.of(200, 150, pixels, null, FrameMetadata.builder().build());
    }
}
