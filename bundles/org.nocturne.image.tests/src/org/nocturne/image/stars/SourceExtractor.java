package org.nocturne.image.stars;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs Source Extractor 2.25 (Debian's {@code source-extractor}, installed by {@code .ci/run}) on a FITS file with its
 * default configuration and filter, for tests that compare our detector with it. Blocks until it is done.
 */
final class SourceExtractor {

    private static final Path PROGRAM = Path.of("/usr/bin/source-extractor");
    private static final Path SHARE = Path.of("/usr/share/source-extractor");

    /**
     * One detection, in our pixel coordinates ((0, 0) the centre of the first pixel; Source Extractor's are 1-based).
     *
     * @param x windowed centroid x (XWIN_IMAGE − 1)
     * @param y windowed centroid y (YWIN_IMAGE − 1)
     * @param snr FLUX_AUTO / FLUXERR_AUTO (0 when the error is 0)
     * @param flags FLAGS (0 for a clean detection)
     * @param fluxRadius FLUX_RADIUS, the half-flux radius in pixels
     */
    record Detection(double x, double y, double snr, int flags, double fluxRadius) {

        /** Whether {@code stars} holds a star within {@code tolerance} pixels of this detection. */
        boolean isMatchedIn(StarList stars, double tolerance) {
            return stars.stars().stream().anyMatch(s -> Math.hypot(s.x() - x, s.y() - y) <= tolerance);
        }
    }

    private SourceExtractor() {
    }

    /** Skips the calling test where source-extractor is missing, except on CI ({@code CI} set), where it fails. */
    static void requireInstalled() {
        boolean available = Files.isExecutable(PROGRAM);
        if (!available && System.getenv("CI") != null) {
            throw new AssertionError("source-extractor is not installed: .ci/run must install Debian's source-extractor");
        }
        Assumptions.assumeTrue(available, "source-extractor is not installed");
    }

    /**
     * Every detection in {@code fits}. Pixels from 65000 ADU count as saturated (FLAGS 4).
     *
     * @param gain electrons per ADU for FLUXERR_AUTO; 0 leaves the star's own photon noise out (sky noise only)
     * @param folder where the parameter file and the catalog are written
     */
    static List<Detection> run(Path fits, double gain, Path folder) throws IOException, InterruptedException {
        Path parameters = Files.writeString(Files.createTempFile(folder, "sextractor", ".param"),
                "XWIN_IMAGE\nYWIN_IMAGE\nFLUX_AUTO\nFLUXERR_AUTO\nFLAGS\nFLUX_RADIUS\n");
        Path catalog = Files.createTempFile(folder, "sextractor", ".cat");
        Path log = Files.createTempFile(folder, "sextractor", ".log");
        Process process = new ProcessBuilder(PROGRAM.toString(), fits.toString(), "-c",
                SHARE.resolve("default.sex").toString(), "-PARAMETERS_NAME", parameters.toString(), "-FILTER_NAME",
                SHARE.resolve("default.conv").toString(), "-CATALOG_TYPE", "ASCII", "-CATALOG_NAME", catalog.toString(),
                "-GAIN", Double.toString(gain), "-GAIN_KEY", "NONE_", "-SATUR_LEVEL", "65000", "-VERBOSE_TYPE", "QUIET",
                "-CHECKIMAGE_TYPE", "NONE").directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("source-extractor did not finish within 120 s on " + fits);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("source-extractor failed (exit " + process.exitValue() + ") on " + fits + ": "
                    + Files.readString(log));
        }
        List<Detection> detections = new ArrayList<>();
        for (String line : Files.readAllLines(catalog)) {
            String[] f = line.trim().split("\\s+");
            if (line.startsWith("#") || f.length < 6) {
                continue;
            }
            double flux = Double.parseDouble(f[2]);
            double error = Double.parseDouble(f[3]);
            detections.add(new Detection(Double.parseDouble(f[0]) - 1, Double.parseDouble(f[1]) - 1,
                    error > 0 ? flux / error : 0, Integer.parseInt(f[4]), Double.parseDouble(f[5])));
        }
        return detections;
    }
}
