package org.nocturne.image.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nocturne.image.BayerPattern;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;
import org.nocturne.image.stats.ImageStatistics;

class DisplayTest {

    @Test
    void midtonesTransferFunctionMapsItsBalanceToOneHalf() {
        for (double m : new double[] { 0.01, 0.1, 0.25, 0.5, 0.9 }) {
            assertEquals(0.5, ScreenTransferFunction.midtonesTransfer(m, m), 1e-12);
            assertEquals(0.0, ScreenTransferFunction.midtonesTransfer(m, 0), 0);
            assertEquals(1.0, ScreenTransferFunction.midtonesTransfer(m, 1), 0);
        }
        assertEquals(0.3, ScreenTransferFunction.midtonesTransfer(0.5, 0.3), 1e-12, "0.5 is linear");
    }

    @Test
    void autoStretchPutsTheBackgroundAtAQuarterAndClipsBelowShadows() {
        Random random = new Random(9);
        short[] pixels = new short[200_000];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) Math.round(1200 + random.nextGaussian() * 20);
        }
        ImageStatistics stats = ImageStatistics.of(Frame.mono(500, 400, pixels, FrameMetadata.EMPTY));
        ScreenTransferFunction stf = ScreenTransferFunction.auto(stats);
        byte[] lut = stf.lookupTable();
        assertEquals(Math.round(0.25 * 255), lut[(int) stats.median()] & 0xFF, 1, "median background shown at 25%");
        assertEquals(0, lut[(int) (stats.median() - 2.9 * stats.sigma())] & 0xFF, "below the shadows clip: black");
        assertEquals(255, lut[65535] & 0xFF);
        byte[] out = new byte[pixels.length];
        ScreenTransferFunction.apply(lut, pixels, out);
        assertEquals(lut[pixels[123] & 0xFFFF], out[123]);
    }

    @Test
    void linkedStretchAveragesTheChannels() {
        ImageStatistics red = stats(1000, 10);
        ImageStatistics green = stats(3000, 30);
        ScreenTransferFunction linked = ScreenTransferFunction.autoLinked(red, green);
        double median = (red.median() + green.median()) / 2 / 65535.0;
        double sigma = (red.sigma() + green.sigma()) / 2 / 65535.0;
        assertEquals(ScreenTransferFunction.auto(median, sigma), linked);
    }

    @Test
    void superpixelAndBilinearDebayerRecoverFlatColours() {
        int w = 8;
        int h = 6;
        short[] raw = new short[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raw[y * w + x] = (short) switch (BayerPattern.BGGR.colorAt(x, y)) {
                    case RED -> 3000;
                    case GREEN -> 2000;
                    case BLUE -> 1000;
                };
            }
        }
        Frame frame = Frame.of(w, h, raw, BayerPattern.BGGR, FrameMetadata.EMPTY);
        RgbImage half = Debayer.superpixel(frame);
        assertEquals(4, half.width());
        assertEquals(3, half.height());
        assertEquals(3000, half.red()[5]);
        assertEquals(2000, half.green()[5]);
        assertEquals(1000, half.blue()[5]);
        RgbImage full = Debayer.bilinear(frame);
        for (int i = 0; i < w * h; i++) {
            assertEquals(3000, full.red()[i]);
            assertEquals(2000, full.green()[i]);
            assertEquals(1000, full.blue()[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> Debayer.superpixel(Frame.mono(2, 2, new short[4], FrameMetadata.EMPTY)));
    }

    @Test
    void bilinearDebayerInterpolatesAGradientExactly() {
        // A linear ramp in x for every channel: bilinear interpolation must reproduce it inside the frame.
        int w = 10;
        int h = 8;
        short[] raw = new short[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int base = switch (BayerPattern.GRBG.colorAt(x, y)) {
                    case RED -> 10000;
                    case GREEN -> 20000;
                    case BLUE -> 30000;
                };
                raw[y * w + x] = (short) (base + 100 * x + 10 * y);
            }
        }
        RgbImage rgb = Debayer.bilinear(Frame.of(w, h, raw, BayerPattern.GRBG, FrameMetadata.EMPTY));
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                assertEquals(10000 + 100 * x + 10 * y, rgb.red()[i] & 0xFFFF, "red at " + x + "," + y);
                assertEquals(20000 + 100 * x + 10 * y, rgb.green()[i] & 0xFFFF, "green at " + x + "," + y);
                assertEquals(30000 + 100 * x + 10 * y, rgb.blue()[i] & 0xFFFF, "blue at " + x + "," + y);
            }
        }
    }

    @Test
    void previewShrinksToFitAndStretchesTheBackgroundToAQuarter() {
        Random random = new Random(10);
        short[] pixels = new short[3000 * 2000];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) Math.round(1500 + random.nextGaussian() * 30);
        }
        Preview mono = Preview.of(Frame.mono(3000, 2000, pixels, FrameMetadata.EMPTY), 1000);
        assertEquals(3, mono.scale());
        assertEquals(1000, mono.width());
        assertEquals(666, mono.height());
        long sum = 0;
        for (int i = 0; i < mono.rgb().length; i += 3) {
            sum += mono.rgb()[i] & 0xFF;
        }
        assertEquals(0.25 * 255, sum / (mono.rgb().length / 3.0), 6, "mean grey of a stretched flat background");

        Preview colour = Preview.of(Frame.of(3000, 2000, pixels, BayerPattern.RGGB, FrameMetadata.EMPTY), 1000);
        assertEquals(4, colour.scale(), "superpixel halves, then every other cell");
        assertEquals(750, colour.width());
    }

    private static ImageStatistics stats(int median, int sigma) {
        Random random = new Random(median);
        short[] pixels = new short[100_001];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) Math.round(median + random.nextGaussian() * sigma);
        }
        return ImageStatistics.of(Frame.mono(pixels.length, 1, pixels, FrameMetadata.EMPTY));
    }
}
