package org.nocturne.solver.astap;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.nocturne.solver.api.support.ProgramLocator;

/**
 * astap_cli on this machine, for the tests that run the real program. Where it is missing the tests are skipped,
 * unless {@code NOCTURNE_REQUIRE_CATALOG_SOURCES=1} (set by CI, which installs Debian's astap-cli) makes them fail.
 */
final class InstalledAstap {

    private InstalledAstap() {
    }

    static Path required() {
        return new ProgramLocator().find("astap_cli").orElseGet(() -> {
            String message = "astap_cli is not on the PATH (install Debian's astap-cli)";
            if ("1".equals(System.getenv("NOCTURNE_REQUIRE_CATALOG_SOURCES"))) {
                fail(message);
            }
            Assumptions.abort(message);
            return null;
        });
    }
}
