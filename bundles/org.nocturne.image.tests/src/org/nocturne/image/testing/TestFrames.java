package org.nocturne.image.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The real sky frames {@code releng/test-frames} fetches, in {@code NOCTURNE_TEST_FRAMES} (default
 * {@code ~/.cache/nocturne/test-frames}). Where a frame is missing the calling test is skipped with the command that
 * fetches it, unless {@code NOCTURNE_REQUIRE_TEST_FRAMES=1} (set by CI), which makes it fail.
 */
public final class TestFrames {

    private TestFrames() {
    }

    /** The path of the frame file {@code name}, for example {@code "dss_test1.fits"}. */
    public static Path required(String name) {
        String configured = System.getenv("NOCTURNE_TEST_FRAMES");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "nocturne", "test-frames");
        Path file = root.resolve(name);
        if (!Files.isRegularFile(file)) {
            String message = "Test frame " + file + " is missing (run releng/test-frames)";
            if ("1".equals(System.getenv("NOCTURNE_REQUIRE_TEST_FRAMES"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return file;
    }
}
