package org.nocturne.solver.builtin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.solver.api.SolveResult;

/**
 * Blind solves over the whole sky, for fields 5°, 2° and 0.5° wide, with and without a scale hint, to the tolerances of
 * {@link Solvers}. A 0.5° field at high galactic latitude holds too few catalog stars to be certain: it must then fail,
 * never solve wrongly.
 */
class BlindTest {

    private static final StarCatalog CATALOG = StarCatalog.bundled();

    @ParameterizedTest(name = "{0}h {1}° {2}×{3} px at {4}″/px, scale hint {5}")
    @CsvSource({ "3.5, 24, 3000, 2000, 6.0, true", "13, -50, 3000, 2000, 6.0, false", "20.5, 40, 3000, 2000, 2.4, true",
            "8, -20, 3000, 2000, 2.4, false", "0.1, 60, 3000, 2000, 2.4, true", "19.9, 35, 3000, 2000, 0.6, true",
            "17.8, -28, 3000, 2000, 0.6, false" })
    void blindSolvesAgreeWithTheTruth(double raHours, double decDegrees, int width, int height, double scale, boolean hinted) {
        SkyField field = SkyField.at(raHours, decDegrees, scale, 73).size(width, height);
        var request = Solvers.request(field, CATALOG);
        if (hinted) {
            request = request.withScale(scale * 0.9, 0.2);
        }
        Solvers.assertAgrees(field.truth(), width, height, Solvers.solve(request), "blind");
    }

    @Test
    void aSparseHalfDegreeFieldSolvesRightOrFails() {
        int solved = 0;
        int failed = 0;
        for (double dec : new double[] { 80, 60, -70, 27 }) {
            SkyField field = SkyField.at(12.8, dec, 0.6, 40);
            SolveResult result = Solvers.solve(Solvers.request(field, CATALOG));
            if (result instanceof SolveResult.Solved) {
                Solvers.assertAgrees(field.truth(), field.width(), field.height(), result, "sparse 0.5° at " + dec + "°");
                solved++;
            } else {
                failed++;
            }
        }
        System.out.printf("sparse 0.5° fields: %d solved correctly, %d failed%n", solved, failed);
    }
}
