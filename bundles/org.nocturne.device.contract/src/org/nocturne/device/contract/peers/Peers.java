package org.nocturne.device.contract.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real programs driver tests talk to (indiserver, socat): a test that needs one missing is skipped, except where
 * the environment variable {@value #REQUIRED} is "1" (as CI sets it), where it fails.
 */
public final class Peers {

    /** The environment variable that turns a missing peer from a skip into a failure. */
    public static final String REQUIRED = "NOCTURNE_REQUIRE_PEERS";

    private Peers() {
    }

    /** True when {@code program} is an executable on PATH. */
    public static boolean installed(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    /** Skips the calling test when {@code program} is missing, naming the Debian package; fails it when required. */
    public static void require(String program, String debianPackage) {
        if (!installed(program)) {
            String reason = program + " is not installed (Debian package " + debianPackage + ")";
            if ("1".equals(System.getenv(REQUIRED))) {
                Assertions.fail(reason + ", and " + REQUIRED + "=1 requires it");
            }
            Assumptions.abort(reason);
        }
    }
}
