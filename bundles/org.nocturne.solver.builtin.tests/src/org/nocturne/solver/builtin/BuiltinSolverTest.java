package org.nocturne.solver.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.solver.api.SolveMode;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;

/** What the solver says about itself, and failure reasons a user can act on. */
class BuiltinSolverTest {

    @Test
    void describesItself() {
        BuiltinSolver solver = new BuiltinSolver();
        assertEquals("builtin", solver.id());
        assertEquals("Nocturne built-in", solver.displayName());
        assertEquals(Optional.empty(), solver.unavailableReason());
        assertTrue(solver.canSolveBlind());
    }

    @Test
    void tooFewStarsIsSaidInWords() {
        SolveResult result = Solvers.solve(SolveRequest.ofStars(3000, 2000, SkyField.random(3000, 2000, 4, 1))
                .withHint(Equatorial.ofHoursDegrees(5.5, -5), 10));
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class, result);
        assertEquals("only 4 stars detected; at least 8 are needed", failed.reason());
        assertEquals(SolveMode.NEAR, failed.mode());
    }

    @Test
    void noMatchNamesWhereAndAtWhatScaleItLooked() {
        SolveResult result = Solvers.solve(SolveRequest.ofStars(3000, 2000, SkyField.random(3000, 2000, 60, 3))
                .withHint(Equatorial.ofHoursDegrees(5 + 35 / 60.0, -(5 + 20 / 60.0)), 30).withScale(1.5, 1 / 3.0));
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class, result);
        assertEquals("no match within 30° of 05h35m −05°20′ at 1–2″/px among 60 stars", failed.reason());
    }

    @Test
    void aBlindSolveNotAllowedIsSaid() {
        SolveResult result = Solvers.solve(SolveRequest.ofStars(3000, 2000, SkyField.random(3000, 2000, 60, 3))
                .withBlindAllowed(false));
        SolveResult.Failed failed = assertInstanceOf(SolveResult.Failed.class, result);
        assertEquals(SolveMode.BLIND, failed.mode());
        assertTrue(failed.reason().contains("does not allow a blind solve"), failed.reason());
    }
}
