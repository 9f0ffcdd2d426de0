package org.nocturne.solver.astrometry;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * solve-field and the Tycho-2 index files on this machine, for the tests that run the real program. Where either is
 * missing the tests are skipped with what is missing, unless {@code NOCTURNE_REQUIRE_CATALOG_SOURCES=1} (set by CI,
 * which installs astrometry.net and unpacks the index files with {@code releng/catalog-sources}) makes them fail.
 */
final class InstalledSolveField {

    private InstalledSolveField() {
    }

    static SolveFieldSolver required() {
        SolveFieldSolver solver = new SolveFieldSolver();
        Optional<String> unavailable = solver.unavailableReason();
        if (unavailable.isPresent()) {
            String message = "solve-field cannot run here: " + unavailable.get()
                    + " (install Debian's astrometry.net and run releng/catalog-sources)";
            if ("1".equals(System.getenv("NOCTURNE_REQUIRE_CATALOG_SOURCES"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return solver;
    }
}
