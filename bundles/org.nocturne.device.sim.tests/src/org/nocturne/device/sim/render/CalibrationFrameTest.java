package org.nocturne.device.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.camera.ExposureRequest.Region;
import org.nocturne.image.BayerPattern;
import org.nocturne.image.Frame;
import org.nocturne.image.ImageType;

/**
 * Darks, biases and flats hold what calibration expects of them: no stars, the bias, the dark current for the
 * temperature and exposure, the same hot pixels every time, and the vignetting. Tolerances are stated in each test.
 */
class CalibrationFrameTest {

    /** A warm-ish sensor with visible dark current: 0.02 e⁻/s at 0 °C, 0.8 e⁻/ADU, 2 hot pixels in 10,000. */
    private static final SensorModel SENSOR = new SensorModel(2000, 1500, 3.76, null, 0.8, 500, 2.0, 0.02, 2e-4, 50_000);

    @Test
    void aDarkHasNoStarsAndTheBiasPlusTheDarkCurrent() {
        SkyRenderer renderer = Rig.renderer(21);
        ExposureScene dark = Rig.cygnus().withImageType(ImageType.DARK).withSeconds(600).withSensorCelsius(12);
        RenderedExposure exposure = renderer.render(SENSOR, dark);

        double darkElectrons = 0.02 * 4 * 600;
        double expected = 500 + darkElectrons / 0.8;
        double sigma = Math.sqrt(darkElectrons + 2.0 * 2.0) / 0.8;
        double clippedMean = clippedMean(exposure.frame(), expected, 10 * sigma);
        System.out.printf("dark: expected %.3f ADU, mean without hot pixels %.3f ADU, median %d ADU%n", expected, clippedMean,
                median(exposure.frame()));
        assertTrue(exposure.stars().isEmpty(), "a dark has no stars: " + exposure.stars().size());
        assertEquals(0, Rig.detector(25).detect(exposure.frame()).stars().size(), "stars detected in a dark");
        assertEquals(expected, clippedMean, 0.3, "mean of the pixels within 10 σ, ADU");
        assertEquals(expected, median(exposure.frame()), 1.0, "median, ADU");
    }

    @Test
    void hotPixelsRepeatFromDarkToDark() {
        SkyRenderer renderer = Rig.renderer(22);
        ExposureScene dark = Rig.cygnus().withImageType(ImageType.DARK).withSeconds(300).withSensorCelsius(0);
        Frame first = renderer.render(SENSOR, dark).frame();
        Frame second = renderer.render(SENSOR, dark).frame();

        double darkElectrons = 0.02 * 300;
        double level = 500 + darkElectrons / 0.8;
        double threshold = level + 20 * Math.sqrt(darkElectrons + 4) / 0.8;
        Set<Integer> hotInFirst = above(first, threshold);
        Set<Integer> hotInSecond = above(second, threshold);
        double expectedCount = 2e-4 * 2000 * 1500;
        System.out.printf("hot pixels: %d and %d above %.1f ADU, %.0f drawn%n", hotInFirst.size(), hotInSecond.size(), threshold,
                expectedCount);
        assertEquals(hotInFirst, hotInSecond, "the same hot pixels in both darks");
        assertTrue(hotInFirst.size() > 0.95 * expectedCount && hotInFirst.size() <= expectedCount,
                "hot pixels found: " + hotInFirst.size() + ", drawn " + expectedCount);
        assertFalse(Arrays.equals(first.pixels(), second.pixels()), "the noise differs from dark to dark");
    }

    @Test
    void aBiasIsTheBiasAndTheReadNoise() {
        ExposureScene bias = Rig.cygnus().withImageType(ImageType.BIAS).withSeconds(0);
        Frame frame = Rig.renderer(23).render(SENSOR, bias).frame();
        double mean = 0;
        double squares = 0;
        for (short p : frame.pixels()) {
            mean += p & 0xFFFF;
        }
        mean /= frame.pixels().length;
        for (short p : frame.pixels()) {
            double d = (p & 0xFFFF) - mean;
            squares += d * d;
        }
        double sigma = Math.sqrt(squares / frame.pixels().length);
        double expectedSigma = Math.sqrt(2.0 * 2.0 / (0.8 * 0.8) + 1 / 12.0);
        System.out.printf("bias: mean %.3f ADU, noise %.3f ADU (expected %.3f with rounding)%n", mean, sigma, expectedSigma);
        assertEquals(500, mean, 0.05, "bias mean, ADU");
        assertEquals(expectedSigma, sigma, 0.02 * expectedSigma, "read noise in ADU, within 2%");
    }

    @Test
    void aFlatShowsTheVignettingAndNoStars() {
        ExposureScene flat = Rig.cygnus().withImageType(ImageType.FLAT).withSeconds(2).withFlatIllumination(10_000);
        RenderedExposure exposure = Rig.renderer(24).render(SENSOR, flat);
        double centre = boxMean(exposure.frame(), 975, 725, 50) - 500;
        double corner = boxMean(exposure.frame(), 0, 0, 50) - 500;
        double expectedCorner = new Vignetting(SENSOR).at(24.5, 24.5);
        System.out.printf("flat: centre %.1f ADU, corner %.1f ADU, ratio %.4f (model %.4f)%n", centre, corner, corner / centre,
                expectedCorner);
        assertTrue(exposure.stars().isEmpty(), "the panel hides the stars");
        assertEquals(20_000 / 0.8, centre, 0.002 * 20_000 / 0.8, "centre level within 0.2%, ADU");
        assertEquals(expectedCorner, corner / centre, 0.003, "corner over centre");
        assertEquals(Vignetting.CORNER_ILLUMINATION, new Vignetting(SENSOR).at(0, 0), 1e-12);
    }

    @Test
    void aColourFlatShowsEachFilterItsShareOfTheLight() {
        SensorModel colour = new SensorModel(2000, 1500, 3.76, BayerPattern.RGGB, 0.8, 500, 2.0, 0.02, 2e-4, 50_000);
        ExposureScene flat = Rig.cygnus().withImageType(ImageType.FLAT).withSeconds(2).withFlatIllumination(10_000)
                .withRegion(new Region(900, 650, 200, 200));
        Frame frame = Rig.renderer(25).render(colour, flat).frame();
        double[] sum = new double[3];
        int[] count = new int[3];
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int channel = frame.bayerPattern().colorAt(x, y).ordinal();
                sum[channel] += frame.value(x, y) - 500;
                count[channel]++;
            }
        }
        for (BayerPattern.Channel channel : BayerPattern.Channel.values()) {
            double expected = 20_000 / 0.8 * SensorModel.filterTransmission(channel);
            double measured = sum[channel.ordinal()] / count[channel.ordinal()];
            assertEquals(expected, measured, 0.005 * expected, channel + " level within 0.5%, ADU");
        }
    }

    private static double clippedMean(Frame frame, double centre, double halfWidth) {
        double sum = 0;
        long n = 0;
        for (short p : frame.pixels()) {
            int v = p & 0xFFFF;
            if (Math.abs(v - centre) <= halfWidth) {
                sum += v;
                n++;
            }
        }
        return sum / n;
    }

    private static int median(Frame frame) {
        int[] histogram = new int[65536];
        for (short p : frame.pixels()) {
            histogram[p & 0xFFFF]++;
        }
        int half = frame.pixels().length / 2;
        int seen = 0;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (seen > half) {
                return v;
            }
        }
        return 65535;
    }

    private static Set<Integer> above(Frame frame, double threshold) {
        Set<Integer> indices = new HashSet<>();
        short[] pixels = frame.pixels();
        for (int i = 0; i < pixels.length; i++) {
            if ((pixels[i] & 0xFFFF) > threshold) {
                indices.add(i);
            }
        }
        return indices;
    }

    private static double boxMean(Frame frame, int x0, int y0, int size) {
        double sum = 0;
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                sum += frame.value(x, y);
            }
        }
        return sum / (size * size);
    }
}
