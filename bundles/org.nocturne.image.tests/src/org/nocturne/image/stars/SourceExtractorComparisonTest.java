package org.nocturne.image.stars;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nocturne.image.Frame;
import org.nocturne.image.fits.FitsFrames;
import org.nocturne.image.testing.SyntheticSky;

/**
 * Our detector against Source Extractor ({@link SourceExtractor}) on the same FITS file: a crowded 2048×1536 frame
 * with Moffat stars whose FWHM grows from the centre to the corners, a sky gradient, hot pixels and a few saturated
 * stars. Its stars are its clean detections (FLAGS 0) above SNR 10 that are broader than a hot pixel (FLUX_RADIUS of
 * at least 1 px: Source Extractor reports hot pixels as objects, with FLUX_RADIUS about 0.5). At least 95% of them
 * must be ours within 0.5 px. Skipped where source-extractor is missing, except on CI, where it fails.
 */
class SourceExtractorComparisonTest {

    @TempDir
    Path folder;

    @Test
    void findsWhatSourceExtractorFindsAboveSnr10() throws Exception {
        SourceExtractor.requireInstalled();
        Frame frame = crowdedField();
        Path fits = folder.resolve("field.fits");
        FitsFrames.write(frame, fits);
        List<SourceExtractor.Detection> reference = SourceExtractor.run(fits, 1.0, folder);
        StarList ours = new StarDetector().detect(frame);

        int matched = 0;
        int considered = 0;
        List<String> missed = new ArrayList<>();
        for (SourceExtractor.Detection star : reference) {
            if (star.flags() != 0 || star.snr() < 10 || star.fluxRadius() < 1.0) {
                continue;
            }
            considered++;
            if (star.isMatchedIn(ours, 0.5)) {
                matched++;
            } else if (missed.size() < 10) {
                missed.add(String.format("(%.1f, %.1f) SNR %.0f", star.x(), star.y(), star.snr()));
            }
        }
        System.out.printf("Source Extractor: %d clean stars above SNR 10; ours matched %d within 0.5 px (%.1f%%);"
                + " ours found %d stars in all%n", considered, matched, 100.0 * matched / considered, ours.stars().size());
        assertTrue(considered > 200, "the field holds enough reference stars: " + considered);
        assertTrue(matched >= 0.95 * considered, matched + " of " + considered + " matched; first missed: " + missed);
    }

    private static Frame crowdedField() {
        int width = 2048;
        int height = 1536;
        SyntheticSky sky = new SyntheticSky(width, height, 800);
        Random random = new Random(20);
        for (int i = 0; i < 500; i++) {
            double x = 10 + random.nextDouble() * (width - 20);
            double y = 10 + random.nextDouble() * (height - 20);
            double edge = Math.hypot(x - width / 2.0, y - height / 2.0) / Math.hypot(width / 2.0, height / 2.0);
            double fwhm = 3.0 + 1.2 * edge * edge;
            double beta = 3.5;
            double alpha = fwhm / (2 * Math.sqrt(Math.pow(2, 1 / beta) - 1));
            double flux = 2000 * Math.pow(10, random.nextDouble() * 2.6);
            sky.star(x, y, flux, SyntheticSky.moffat(alpha, beta));
        }
        for (int i = 0; i < 40; i++) {
            sky.spike(random.nextInt(width), random.nextInt(height), 5000 + random.nextInt(30000));
        }
        Frame frame = sky.render(6, 21);
        short[] pixels = frame.pixels();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                pixels[i] = (short) Math.min(65535, (pixels[i] & 0xFFFF) + x / 20 + y / 40); // sky gradient
            }
        }
        return frame;
    }
}
