package org.nocturne.image.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.nocturne.image.BayerPattern;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;

/**
 * Renders test frames whose truth is known: stars with a Gaussian or Moffat profile integrated over each pixel
 * (10×10 sub-samples), on a flat sky, with Poisson noise (as a Gaussian of variance equal to the signal, gain 1) and
 * read noise. Seeded, so every run renders the same frame.
 */
public final class SyntheticSky {

    /** A star to render and its truth. {@code hfr} is the profile's analytic half-flux radius. */
    public record TrueStar(double x, double y, double flux, double hfr) {
    }

    /** A radially symmetric profile with unit total flux. */
    public interface Profile {
        double density(double r2);

        double halfFluxRadius();

        double extent();
    }

    public static Profile gaussian(double sigma) {
        return new Profile() {
            public double density(double r2) {
                return Math.exp(-r2 / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma);
            }

            public double halfFluxRadius() {
                return sigma * Math.sqrt(2 * Math.log(2));
            }

            public double extent() {
                return 6 * sigma;
            }
        };
    }

    public static Profile moffat(double alpha, double beta) {
        return new Profile() {
            public double density(double r2) {
                return (beta - 1) / (Math.PI * alpha * alpha) * Math.pow(1 + r2 / (alpha * alpha), -beta);
            }

            public double halfFluxRadius() {
                return alpha * Math.sqrt(Math.pow(2, 1 / (beta - 1)) - 1);
            }

            public double extent() {
                return 6 * alpha;
            }
        };
    }

    private final int width;
    private final int height;
    private final double[] signal;
    private final List<TrueStar> truth = new ArrayList<>();

    public SyntheticSky(int width, int height, double sky) {
        this.width = width;
        this.height = height;
        this.signal = new double[width * height];
        java.util.Arrays.fill(signal, sky);
    }

    /** Adds a star of {@code flux} ADU centred at (x, y), pixel centres at integers. */
    public SyntheticSky star(double x, double y, double flux, Profile profile) {
        int reach = (int) Math.ceil(profile.extent());
        for (int py = Math.max(0, (int) y - reach); py <= Math.min(height - 1, (int) y + reach); py++) {
            for (int px = Math.max(0, (int) x - reach); px <= Math.min(width - 1, (int) x + reach); px++) {
                double sum = 0;
                for (int sy = 0; sy < 10; sy++) {
                    double dy = py - 0.45 + sy * 0.1 - y;
                    for (int sx = 0; sx < 10; sx++) {
                        double dx = px - 0.45 + sx * 0.1 - x;
                        sum += profile.density(dx * dx + dy * dy);
                    }
                }
                signal[py * width + px] += flux * sum / 100.0;
            }
        }
        truth.add(new TrueStar(x, y, flux, profile.halfFluxRadius()));
        return this;
    }

    /** Sets one pixel to {@code value} on top of the sky (a hot pixel or a cosmic-ray hit). */
    public SyntheticSky spike(int x, int y, double value) {
        signal[y * width + x] += value;
        return this;
    }

    public List<TrueStar> truth() {
        return truth;
    }

    /** The frame with noise; values are clipped to 0..65535. */
    public Frame render(double readNoise, long seed) {
        return render(readNoise, seed, null);
    }

    public Frame render(double readNoise, long seed, BayerPattern bayer) {
        Random random = new Random(seed);
        short[] pixels = new short[signal.length];
        for (int i = 0; i < signal.length; i++) {
            double s = signal[i];
            double value = s + random.nextGaussian() * Math.sqrt(Math.max(s, 0) + readNoise * readNoise);
            pixels[i] = (short) Math.max(0, Math.min(65535, Math.round(value)));
        }
        return Frame.of(width, height, pixels, bayer, FrameMetadata.EMPTY);
    }

    /** The flux that gives a Gaussian star of {@code sigma} the signal-to-noise ratio {@code snr} in a 3-sigma aperture. */
    public static double fluxForSnr(double snr, double sigma, double skyNoise) {
        double area = Math.PI * 9 * sigma * sigma;
        return snr * snr / 2 * (1 + Math.sqrt(1 + 4 * area * skyNoise * skyNoise / (snr * snr)));
    }
}
