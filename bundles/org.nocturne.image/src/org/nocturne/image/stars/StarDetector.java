package org.nocturne.image.stars;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.nocturne.image.Frame;

/**
 * Finds and measures stars in a frame. Configure once, then call {@link #detect} for each frame; a detector holds no
 * per-frame state, so one instance may serve several threads.
 *
 * <p>The steps, after SExtractor: (1) a background and noise map ({@link BackgroundMap}); (2) the background-subtracted
 * frame smoothed with a 5×5 binomial kernel (a matched filter for stars about 2 px across) and thresholded at
 * {@link Settings#thresholdSigma()} times the smoothed noise; (3) every local maximum of the smoothed frame above
 * the threshold is a candidate, so a close pair gives two; each pixel belongs to the nearest candidate, which deblends
 * pairs; (4) candidates at the edge, with saturated pixels, or sharper than any star (hot pixels, cosmic-ray hits) are
 * rejected and counted; (5) each star gets a windowed centroid (SExtractor's XWIN iteration), its flux in an aperture
 * scaled to its size, the half-flux radius from the exact curve of growth (pixels cut by the circle are sub-sampled),
 * and FWHM and eccentricity from Gaussian-window second moments.
 *
 * <p>Bayer frames are measured on their 2×2 colour cells (the sum of each cell), so colour does not break stars
 * apart; positions and sizes are reported in raw-frame pixels. Blocks the calling thread for the work.
 */
public final class StarDetector {

    /**
     * How the detector works.
     *
     * @param thresholdSigma detection threshold, in sigmas of the smoothed noise (5 is a good default)
     * @param backgroundTile size of the background tiles in pixels (64)
     * @param saturationLevel raw value from which a pixel counts as saturated (65535 unless the camera clips lower)
     * @param maxRadius largest measuring radius in pixels of the detection grid (25)
     * @param gain electrons per ADU for the signal-to-noise ratio (1 when unknown)
     * @param maxStars most stars measured, the brightest first
     */
    public record Settings(double thresholdSigma, int backgroundTile, int saturationLevel, int maxRadius, double gain,
            int maxStars) {

        public static final Settings DEFAULT = new Settings(5.0, 64, 65535, 25, 1.0, 20000);

        public Settings {
            if (!(thresholdSigma > 0) || backgroundTile < 16 || maxRadius < 4 || !(gain > 0) || maxStars < 1) {
                throw new IllegalArgumentException("Invalid star detector settings: " + thresholdSigma + " sigma, tile "
                        + backgroundTile + ", radius " + maxRadius + ", gain " + gain + ", max stars " + maxStars);
            }
        }

        public Settings withThresholdSigma(double sigma) {
            return new Settings(sigma, backgroundTile, saturationLevel, maxRadius, gain, maxStars);
        }

        public Settings withSaturationLevel(int level) {
            return new Settings(thresholdSigma, backgroundTile, level, maxRadius, gain, maxStars);
        }
    }

    /** Noise of the binomial-smoothed image relative to the raw noise: sqrt(sum of squared kernel weights). */
    private static final double SMOOTHED_NOISE = 70.0 / 256.0;
    private static final float[] BINOMIAL = { 1 / 16f, 4 / 16f, 6 / 16f, 4 / 16f, 1 / 16f };
    /** A star's four nearest neighbours hold at least this fraction of its peak; hot pixels and cosmic rays less. */
    private static final double MIN_NEIGHBOUR_RATIO = 0.2;
    private static final int EDGE_MARGIN = 4;

    private final Settings settings;

    public StarDetector(Settings settings) {
        this.settings = settings;
    }

    public StarDetector() {
        this(Settings.DEFAULT);
    }

    public Settings settings() {
        return settings;
    }

    /** Finds and measures the stars of {@code frame}; uses the common fork-join pool for rows and stars. */
    public StarList detect(Frame frame) {
        DetectionGrid grid = DetectionGrid.of(frame, settings.saturationLevel());
        BackgroundMap background = BackgroundMap.estimate(grid.values, grid.width, grid.height, settings.backgroundTile());
        float[] residual = grid.values;
        BackgroundMap.RowInterpolator rows = background.rowInterpolator(grid.width);
        IntStream.range(0, grid.height).parallel().forEach(y -> {
            float[] row = new float[grid.width];
            rows.fill(y, row);
            int offset = y * grid.width;
            for (int x = 0; x < grid.width; x++) {
                residual[offset + x] -= row[x];
            }
        });
        float[] smooth = smooth(residual, grid.width, grid.height);
        List<int[]> peaks = findPeaks(smooth, grid, background);
        PeakIndex index = new PeakIndex(peaks, grid.width, grid.height, settings.maxRadius());

        Outcome[] outcomes = new Outcome[peaks.size()];
        IntStream.range(0, peaks.size()).parallel()
                .forEach(k -> outcomes[k] = examine(peaks.get(k), grid, residual, background, index));
        List<Star> stars = new ArrayList<>();
        int hot = 0;
        int saturated = 0;
        int edge = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.star() != null) {
                stars.add(outcome.star());
                continue;
            }
            switch (outcome.rejection()) {
                case EDGE -> edge++;
                case SATURATED -> saturated++;
                case TOO_SHARP -> hot++;
                case FAINT -> {
                    // below the threshold once measured: not counted
                }
            }
        }
        stars.sort(Comparator.comparingDouble(Star::flux).reversed());
        if (stars.size() > settings.maxStars()) {
            stars = stars.subList(0, settings.maxStars());
        }
        return new StarList(stars, grid.toFrameLevel(medianLevel(background, grid)), grid.toFrameNoise(background.globalNoise()),
                hot, saturated, edge);
    }

    /** Why a candidate is not a star. */
    private enum Rejection {
        EDGE, SATURATED, TOO_SHARP, FAINT
    }

    /** What became of one candidate: a star, or the reason it is not one. */
    private record Outcome(Star star, Rejection rejection) {
        static Outcome rejected(Rejection why) {
            return new Outcome(null, why);
        }
    }

    /** Rejects or measures one candidate. Thread-safe: reads the shared arrays only. */
    private Outcome examine(int[] peak, DetectionGrid grid, float[] residual, BackgroundMap background, PeakIndex index) {
        int px = peak[0];
        int py = peak[1];
        if (px < EDGE_MARGIN || py < EDGE_MARGIN || px >= grid.width - EDGE_MARGIN || py >= grid.height - EDGE_MARGIN) {
            return Outcome.rejected(Rejection.EDGE);
        }
        if (grid.saturatedNear(px, py)) {
            return Outcome.rejected(Rejection.SATURATED);
        }
        if (isTooSharp(residual, grid.width, px, py)) {
            return Outcome.rejected(Rejection.TOO_SHARP);
        }
        StarMeasurement measurement = new StarMeasurement(residual, grid.width, grid.height, index, peak, settings.maxRadius());
        Star star = measurement.measure(background.level(px, py), background.noise(px, py), settings.gain() * grid.cellsPerPixel);
        if (star == null || star.snr() < settings.thresholdSigma()) {
            return Outcome.rejected(Rejection.FAINT);
        }
        return star.fwhm() < 0.8 ? Outcome.rejected(Rejection.TOO_SHARP) : new Outcome(grid.toFramePixels(star), null);
    }

    private static double medianLevel(BackgroundMap background, DetectionGrid grid) {
        float[] levels = new float[25];
        int n = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                levels[n++] = background.level(grid.width * (2 * i + 1) / 10, grid.height * (2 * j + 1) / 10);
            }
        }
        Arrays.sort(levels);
        return levels[n / 2];
    }

    /** Local maxima of the smoothed image above the threshold, brightest first; rows are scanned in parallel. */
    private List<int[]> findPeaks(float[] smooth, DetectionGrid grid, BackgroundMap background) {
        int w = grid.width;
        float floor = (float) (settings.thresholdSigma() * SMOOTHED_NOISE * background.minimumNoise());
        List<float[]> found = IntStream.range(0, grid.height).parallel().mapToObj(y -> {
            List<float[]> row = new ArrayList<>();
            for (int x = 0; x < w; x++) {
                float s = smooth[y * w + x];
                if (s > floor && isLocalMaximum(smooth, w, grid.height, x, y, s)
                        && s > (float) (settings.thresholdSigma() * SMOOTHED_NOISE * background.noise(x, y))) {
                    row.add(new float[] { x, y, s });
                }
            }
            return row;
        }).flatMap(List::stream).sorted((a, b) -> Float.compare(b[2], a[2])).toList();
        List<int[]> peaks = new ArrayList<>(found.size());
        for (float[] peak : found) {
            peaks.add(new int[] { (int) peak[0], (int) peak[1], peaks.size() });
        }
        return peaks;
    }

    /** Greater than every neighbour in 5×5 (ties: greater or equal to those before it in raster order). */
    private static boolean isLocalMaximum(float[] smooth, int w, int h, int x, int y, float s) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if ((dx == 0 && dy == 0) || nx < 0 || ny < 0 || nx >= w || ny >= h) {
                    continue;
                }
                float neighbour = smooth[ny * w + nx];
                boolean before = dy < 0 || (dy == 0 && dx < 0);
                if (neighbour > s || (!before && neighbour == s)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A hot pixel or cosmic-ray hit: its four neighbours hold almost none of its height. */
    private static boolean isTooSharp(float[] residual, int w, int x, int y) {
        int i = y * w + x;
        float peak = residual[i];
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                peak = Math.max(peak, residual[i + dy * w + dx]);
            }
        }
        int top = i;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (residual[i + dy * w + dx] == peak) {
                    top = i + dy * w + dx;
                }
            }
        }
        double neighbours = (residual[top - 1] + residual[top + 1] + residual[top - w] + residual[top + w]) / 4.0;
        return neighbours < MIN_NEIGHBOUR_RATIO * peak;
    }

    /** Separable 5×5 binomial smoothing (edges replicate), rows in parallel. */
    private static float[] smooth(float[] image, int w, int h) {
        float[] horizontal = new float[image.length];
        IntStream.range(0, h).parallel().forEach(y -> {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (x >= 2 && x < w - 2) {
                    int i = row + x;
                    horizontal[i] = (image[i - 2] + image[i + 2]) * (1 / 16f) + (image[i - 1] + image[i + 1]) * (4 / 16f)
                            + image[i] * (6 / 16f);
                    continue;
                }
                float sum = 0;
                for (int k = -2; k <= 2; k++) {
                    int xx = Math.min(Math.max(x + k, 0), w - 1);
                    sum += BINOMIAL[k + 2] * image[row + xx];
                }
                horizontal[row + x] = sum;
            }
        });
        float[] out = new float[image.length];
        IntStream.range(0, h).parallel().forEach(y -> {
            int r0 = Math.max(y - 2, 0) * w;
            int r1 = Math.max(y - 1, 0) * w;
            int r2 = y * w;
            int r3 = Math.min(y + 1, h - 1) * w;
            int r4 = Math.min(y + 2, h - 1) * w;
            for (int x = 0; x < w; x++) {
                out[r2 + x] = (horizontal[r0 + x] + horizontal[r4 + x]) * (1 / 16f)
                        + (horizontal[r1 + x] + horizontal[r3 + x]) * (4 / 16f) + horizontal[r2 + x] * (6 / 16f);
            }
        });
        return out;
    }
}
