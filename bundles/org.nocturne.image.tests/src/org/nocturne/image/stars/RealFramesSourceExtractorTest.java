package org.nocturne.image.stars;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nocturne.image.Frame;
import org.nocturne.image.fits.FitsFrames;
import org.nocturne.image.testing.TestFrames;

/**
 * Our detector against Source Extractor ({@link SourceExtractor}) on real sky frames ({@link TestFrames}): a VLT
 * ISAAC infrared frame, two Digitized Sky Survey plate scans, a CCD frame of M51, a crowded HST ACS frame with cosmic
 * rays, and a SAAO 1.0 m CCD frame with a few stars and many cosmic rays. Each frame is read as our workbench reads it
 * (turned into 16-bit by {@link FitsFrames#read}) and written back, and Source Extractor measures that file, so both
 * see the same pixels.
 *
 * <p>Source Extractor's stars above SNR 10 are, the same way on every frame: its clean detections (FLAGS 0: not
 * blended, saturated, truncated at the edge) with FLUX_AUTO / FLUXERR_AUTO of at least 10, the error counting the sky
 * noise it measures in the frame only (GAIN 0: the gains of most of these frames are unknown, the plate scans have
 * none, and near SNR 10 the sky noise dominates), that lie on the frame's stellar locus: a FLUX_RADIUS within 0.7 to
 * 1.5 times the median FLUX_RADIUS of those clean detections that are broader than a hot pixel (at least 1 px), which
 * leaves out hot pixels and cosmic-ray hits (FLUX_RADIUS about 0.5) and galaxies and blends (broader). At least 95% of
 * them must be ours within 0.5 px, on each frame (on the frames with only a few, all of them). Skipped where
 * source-extractor or the frames are missing, except on CI ({@code CI} set, {@code NOCTURNE_REQUIRE_TEST_FRAMES=1}),
 * where it fails.
 */
class RealFramesSourceExtractorTest {

    private static final double MIN_SNR = 10;

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "ISAAC.2006-04-13T06:32:38.944.fits", "dss_test1.fits", "dss_test2.fits", "ccd.fits",
            "j8bt06nyq_flt.fits", "a8280271.fits" })
    void findsSourceExtractorsStarsAboveSnr10(String name) throws Exception {
        SourceExtractor.requireInstalled();
        Frame frame = FitsFrames.read(TestFrames.required(name));
        Path fits = folder.resolve("frame.fits");
        FitsFrames.write(frame, fits);
        List<SourceExtractor.Detection> reference = stars(SourceExtractor.run(fits, 0, folder));
        StarList ours = new StarDetector().detect(frame);

        int matched = 0;
        List<String> missed = new ArrayList<>();
        for (SourceExtractor.Detection star : reference) {
            if (star.isMatchedIn(ours, 0.5)) {
                matched++;
            } else if (missed.size() < 10) {
                missed.add(String.format("(%.1f, %.1f) SNR %.0f radius %.2f", star.x(), star.y(), star.snr(),
                        star.fluxRadius()));
            }
        }
        System.out.printf("%s: Source Extractor %d stars above SNR 10; ours matched %d within 0.5 px (%.1f%%), found %d"
                + " stars in all; first missed: %s%n", name, reference.size(), matched, 100.0 * matched / reference.size(),
                ours.stars().size(), missed);
        assertTrue(!reference.isEmpty(), "the frame holds reference stars");
        assertTrue(matched >= 0.95 * reference.size(),
                name + ": " + matched + " of " + reference.size() + " matched; first missed: " + missed);
    }

    /** The detections that are stars above SNR 10 (see the class comment). */
    private static List<SourceExtractor.Detection> stars(List<SourceExtractor.Detection> detections) {
        List<SourceExtractor.Detection> clean = detections.stream().filter(d -> d.flags() == 0 && d.snr() >= MIN_SNR)
                .toList();
        double[] radii = clean.stream().mapToDouble(SourceExtractor.Detection::fluxRadius).filter(r -> r >= 1.0).sorted()
                .toArray();
        if (radii.length == 0) {
            return List.of();
        }
        double locus = radii.length % 2 == 1 ? radii[radii.length / 2]
                : (radii[radii.length / 2 - 1] + radii[radii.length / 2]) / 2;
        return clean.stream().filter(d -> d.fluxRadius() >= 0.7 * locus && d.fluxRadius() <= 1.5 * locus).toList();
    }
}
