package org.nocturne.image.benchmark;

import java.util.SplittableRandom;

import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;

/**
 * The benchmark's input, made the way docs' {@code synth24.fits} was: 16-bit mono, Gaussian stars with sigma 1.4 to
 * 2.2 px (500 per 4 megapixels), sky about 1000 ADU, Poisson noise plus read noise 8. Seeded: every run, the same frame.
 */
final class BenchmarkFrames {

    private BenchmarkFrames() {
    }

    static Frame synthetic(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] signal = new float[width * height];
        java.util.Arrays.fill(signal, 1000f);
        int stars = (int) ((long) width * height / 8000);
        for (int s = 0; s < stars; s++) {
            double x = 8 + random.nextDouble() * (width - 16);
            double y = 8 + random.nextDouble() * (height - 16);
            double sigma = 1.4 + random.nextDouble() * 0.8;
            double flux = 3000 * Math.pow(10, random.nextDouble() * 2.3);
            double norm = flux / (2 * Math.PI * sigma * sigma);
            int reach = (int) Math.ceil(5 * sigma);
            for (int py = (int) y - reach; py <= (int) y + reach; py++) {
                for (int px = (int) x - reach; px <= (int) x + reach; px++) {
                    if (px >= 0 && py >= 0 && px < width && py < height) {
                        double dx = px - x;
                        double dy = py - y;
                        signal[py * width + px] += (float) (norm * Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)));
                    }
                }
            }
        }
        short[] pixels = new short[signal.length];
        for (int i = 0; i < pixels.length; i++) {
            double value = signal[i] + gaussian(random) * Math.sqrt(signal[i] + 64.0);
            pixels[i] = (short) Math.max(0, Math.min(65535, Math.round(value)));
        }
        return Frame.mono(width, height, pixels, FrameMetadata.EMPTY);
    }

    /** A standard normal deviate (Marsaglia's polar method). */
    private static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = random.nextDouble() * 2 - 1;
            v = random.nextDouble() * 2 - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
