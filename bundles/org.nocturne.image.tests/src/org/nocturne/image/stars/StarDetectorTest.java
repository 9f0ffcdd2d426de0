package org.nocturne.image.stars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nocturne.image.BayerPattern;
import org.nocturne.image.Frame;
import org.nocturne.image.testing.SyntheticSky;
import org.nocturne.image.testing.SyntheticSky.Profile;
import org.nocturne.image.testing.SyntheticSky.TrueStar;

/** Star detection against synthetic frames whose truth is known. Tolerances are stated in each test. */
class StarDetectorTest {

    private static final double SKY = 1000;
    private static final double READ_NOISE = 8;
    /** Sky noise per pixel: Poisson on the sky plus read noise. */
    private static final double SKY_NOISE = Math.sqrt(SKY + READ_NOISE * READ_NOISE);

    private final StarDetector detector = new StarDetector();

    @Test
    void centroidsAreWithinFiveHundredthsOfAPixelAtSnr50() {
        double sigma = 1.5;
        double flux = SyntheticSky.fluxForSnr(50, sigma, SKY_NOISE);
        SyntheticSky sky = grid(1024, 1024, 48, flux, SyntheticSky.gaussian(sigma), new Random(1));
        StarList found = detector.detect(sky.render(READ_NOISE, 11));

        double sumSquares = 0;
        int matched = 0;
        for (TrueStar truth : sky.truth()) {
            Star star = nearest(found.stars(), truth, 1.0);
            if (star != null) {
                double dx = star.x() - truth.x();
                double dy = star.y() - truth.y();
                sumSquares += dx * dx + dy * dy;
                matched++;
            }
        }
        assertEquals(sky.truth().size(), matched, "every SNR-50 star found");
        double rmsPerAxis = Math.sqrt(sumSquares / (2 * matched));
        assertTrue(rmsPerAxis < 0.05, "RMS centroid error per axis " + rmsPerAxis + " px, want < 0.05");
    }

    @Test
    void halfFluxRadiusIsWithinThreePercentForGaussianAndMoffatStars() {
        Profile[] profiles = { SyntheticSky.gaussian(1.3), SyntheticSky.gaussian(2.0), SyntheticSky.gaussian(3.0),
                SyntheticSky.moffat(2.5, 3.0), SyntheticSky.moffat(4.0, 4.765) };
        for (Profile profile : profiles) {
            double flux = SyntheticSky.fluxForSnr(100, profile.halfFluxRadius() / 1.1774, SKY_NOISE);
            SyntheticSky sky = grid(1024, 1024, 64, flux, profile, new Random(2));
            StarList found = detector.detect(sky.render(READ_NOISE, 12));
            double truth = profile.halfFluxRadius();
            double bias = found.medianHfr() / truth - 1;
            System.out.printf("HFR: true %.4f px, median measured %.4f px, bias %+.2f%%%n", truth, found.medianHfr(), bias * 100);
            assertTrue(found.stars().size() >= sky.truth().size() * 0.95, "stars found: " + found.stars().size());
            assertTrue(Math.abs(bias) < 0.03, "median HFR " + found.medianHfr() + " against true " + truth + ": bias "
                    + Math.round(bias * 1000) / 10.0 + "%, want within 3%");
        }
    }

    @Test
    void fwhmAndEccentricityOfRoundGaussianStars() {
        double sigma = 2.0;
        SyntheticSky sky = grid(1024, 1024, 64, SyntheticSky.fluxForSnr(100, sigma, SKY_NOISE), SyntheticSky.gaussian(sigma), new Random(3));
        StarList found = detector.detect(sky.render(READ_NOISE, 13));
        // FWHM of a Gaussian is 2.3548 sigma (the detector takes off the pixel's own blur). Tolerance 5%.
        double expected = 2.3548 * sigma;
        assertEquals(expected, found.medianFwhm(), expected * 0.05);
        assertTrue(found.medianEccentricity() < 0.25, "round stars, eccentricity " + found.medianEccentricity());
    }

    @Test
    void recallIsAtLeastNinetyFivePercentAboveSnr10() {
        SyntheticSky sky = new SyntheticSky(1024, 1024, SKY);
        Random random = new Random(4);
        for (int i = 0; i < 300; i++) {
            double snr = 10 + random.nextDouble() * 90;
            sky.star(20 + random.nextDouble() * 984, 20 + random.nextDouble() * 984, SyntheticSky.fluxForSnr(snr, 1.8, SKY_NOISE),
                    SyntheticSky.gaussian(1.8));
        }
        StarList found = detector.detect(sky.render(READ_NOISE, 14));
        long recovered = sky.truth().stream().filter(t -> nearest(found.stars(), t, 1.5) != null).count();
        assertTrue(recovered >= 0.95 * sky.truth().size(), "recovered " + recovered + " of " + sky.truth().size());
        long spurious = found.stars().stream().filter(s -> sky.truth().stream().noneMatch(
                t -> Math.hypot(s.x() - t.x(), s.y() - t.y()) < 3)).count();
        assertTrue(spurious <= 3, spurious + " detections match no star");
    }

    @Test
    void hotPixelsAndCosmicRaysAreRejectedNotReported() {
        SyntheticSky sky = grid(512, 512, 64, SyntheticSky.fluxForSnr(80, 1.8, SKY_NOISE), SyntheticSky.gaussian(1.8), new Random(5));
        int[][] spikes = { { 100, 37 }, { 211, 305 }, { 400, 123 }, { 37, 450 }, { 480, 480 } };
        for (int[] spike : spikes) {
            sky.spike(spike[0], spike[1], 20000);
        }
        sky.spike(300, 200, 15000).spike(301, 200, 12000); // a two-pixel cosmic-ray track
        StarList found = detector.detect(sky.render(READ_NOISE, 15));
        for (int[] spike : spikes) {
            assertTrue(found.stars().stream().noneMatch(s -> Math.hypot(s.x() - spike[0], s.y() - spike[1]) < 2),
                    "hot pixel at " + spike[0] + "," + spike[1] + " reported as a star");
        }
        assertTrue(found.stars().stream().noneMatch(s -> Math.hypot(s.x() - 300.5, s.y() - 200) < 2), "cosmic ray reported");
        assertTrue(found.rejectedHotPixels() >= spikes.length, "rejections counted: " + found.rejectedHotPixels());
        assertEquals(sky.truth().size(), found.stars().size(), "the real stars all remain");
    }

    @Test
    void saturatedAndEdgeStarsAreRejected() {
        SyntheticSky sky = new SyntheticSky(512, 512, SKY);
        sky.star(256, 256, 3_000_000, SyntheticSky.gaussian(2.0)); // peak far above 65535
        sky.star(1.5, 200, 50_000, SyntheticSky.gaussian(1.8)); // cut by the left edge
        sky.star(150, 150, 60_000, SyntheticSky.gaussian(1.8));
        StarList found = detector.detect(sky.render(READ_NOISE, 16));
        assertEquals(1, found.stars().size(), "only the clean star: " + found.stars());
        assertEquals(150, found.stars().get(0).x(), 0.1);
        assertTrue(found.rejectedSaturated() >= 1, "saturated star counted");
        assertTrue(found.rejectedEdge() >= 1, "edge star counted");
    }

    @Test
    void aBadColumnGivesNoStars() {
        SyntheticSky sky = new SyntheticSky(512, 512, SKY);
        sky.star(150, 150, 60_000, SyntheticSky.gaussian(1.8));
        sky.star(380, 400, 40_000, SyntheticSky.gaussian(2.2));
        Frame frame = sky.render(READ_NOISE, 19);
        short[] pixels = frame.pixels();
        for (int y = 0; y < 512; y++) {
            pixels[y * 512 + 300] += 3000; // a bright column of defective pixels, as on many CCDs
        }
        StarList found = detector.detect(frame);
        assertTrue(found.stars().stream().noneMatch(s -> Math.abs(s.x() - 300) < 3), "no star on the column: " + found.stars());
        for (TrueStar truth : sky.truth()) {
            assertTrue(nearest(found.stars(), truth, 0.5) != null, "star at " + truth.x() + "," + truth.y() + ": " + found.stars());
        }
        assertTrue(found.rejectedHotPixels() >= 1, "the column's candidates counted with the hot pixels");
    }

    @Test
    void closePairsAreDeblended() {
        SyntheticSky sky = new SyntheticSky(256, 256, SKY);
        sky.star(100, 100, 40_000, SyntheticSky.gaussian(1.5));
        sky.star(105, 101, 25_000, SyntheticSky.gaussian(1.5));
        StarList found = detector.detect(sky.render(READ_NOISE, 17));
        assertEquals(2, found.stars().size(), "two stars 5.1 px apart: " + found.stars());
        for (TrueStar truth : sky.truth()) {
            Star star = nearest(found.stars(), truth, 0.5);
            assertTrue(star != null, "star at " + truth.x() + "," + truth.y() + " measured within 0.5 px: " + found.stars());
        }
    }

    @Test
    void bayerFramesGiveStarsInRawPixels() {
        double sigma = 2.0;
        SyntheticSky sky = grid(1024, 1024, 64, SyntheticSky.fluxForSnr(100, sigma, SKY_NOISE), SyntheticSky.gaussian(sigma), new Random(6));
        Frame raw = sky.render(READ_NOISE, 18, BayerPattern.RGGB);
        // colour: the red and blue pixels of each cell see less light than the greens
        short[] pixels = raw.pixels();
        for (int y = 0; y < raw.height(); y++) {
            for (int x = 0; x < raw.width(); x++) {
                double gain = switch (BayerPattern.RGGB.colorAt(x, y)) {
                    case RED -> 0.6;
                    case GREEN -> 1.0;
                    case BLUE -> 0.45;
                };
                pixels[y * raw.width() + x] = (short) Math.round((pixels[y * raw.width() + x] & 0xFFFF) * gain);
            }
        }
        StarList found = detector.detect(raw);
        long matched = sky.truth().stream().filter(t -> nearest(found.stars(), t, 0.3) != null).count();
        assertTrue(matched >= 0.95 * sky.truth().size(), matched + " of " + sky.truth().size() + " within 0.3 px");
        // Measured on 2×2 cells, corrected for the cell's blur: HFR within 5% of the truth, in raw pixels.
        assertEquals(sky.truth().get(0).hfr(), found.medianHfr(), 0.05 * sky.truth().get(0).hfr());
    }

    /** Stars on a jittered grid, {@code spacing} apart, away from the edges. */
    static SyntheticSky grid(int width, int height, int spacing, double flux, Profile profile, Random random) {
        SyntheticSky sky = new SyntheticSky(width, height, SKY);
        for (int y = spacing; y <= height - spacing; y += spacing) {
            for (int x = spacing; x <= width - spacing; x += spacing) {
                sky.star(x + random.nextDouble() - 0.5, y + random.nextDouble() - 0.5, flux, profile);
            }
        }
        return sky;
    }

    static Star nearest(List<Star> stars, TrueStar truth, double within) {
        Star best = null;
        double bestDistance = within;
        for (Star star : stars) {
            double d = Math.hypot(star.x() - truth.x(), star.y() - truth.y());
            if (d <= bestDistance) {
                best = star;
                bestDistance = d;
            }
        }
        return best;
    }
}
