package org.nocturne.image.stars;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
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
 * pairs; (4) candidates at the edge, with saturated pixels, or sharper than any star (hot pixels, cosmic-ray hits;
 * once measured, narrower than 0.8 px or a line one pixel wide, such as a bad column) are rejected and counted;
 * (5) each star gets a windowed centroid (SExtractor's XWIN iteration), its flux in an aperture scaled to its size,
 * the half-flux radius from the exact curve of growth (pixels cut by the circle are sub-sampled), and FWHM and
 * eccentricity from Gaussian-window second moments.
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
    /**
     * A star, even a trailed one, is at least a tenth as wide as it is long (eccentricity √(1 − 0.1²) ≈ 0.995); only a
     * line of defective pixels, a bad column or row, is narrower, and its noise makes a row of candidates along it.
     */
    private static final double MAX_ECCENTRICITY = 0.995;

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
        BackgroundMap background = BackgroundMap.estimate(grid, settings.backgroundTile());
        Residual residual = new Residual(grid, background);
        List<int[]> peaks = findPeaks(grid, background);
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
    private Outcome examine(int[] peak, DetectionGrid grid, Residual residual, BackgroundMap background, PeakIndex index) {
        int px = peak[0];
        int py = peak[1];
        if (px < EDGE_MARGIN || py < EDGE_MARGIN || px >= grid.width - EDGE_MARGIN || py >= grid.height - EDGE_MARGIN) {
            return Outcome.rejected(Rejection.EDGE);
        }
        if (grid.saturatedNear(px, py)) {
            return Outcome.rejected(Rejection.SATURATED);
        }
        if (isTooSharp(residual, px, py)) {
            return Outcome.rejected(Rejection.TOO_SHARP);
        }
        StarMeasurement measurement = new StarMeasurement(residual, index, peak, settings.maxRadius());
        Star star = measurement.measure(background.level(px, py), background.noise(px, py), settings.gain() * grid.cellsPerPixel);
        if (star == null || star.snr() < settings.thresholdSigma()) {
            return Outcome.rejected(Rejection.FAINT);
        }
        if (star.fwhm() < 0.8 || star.eccentricity() > MAX_ECCENTRICITY) {
            return Outcome.rejected(Rejection.TOO_SHARP);
        }
        return new Outcome(grid.toFramePixels(star), null);
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

    /** Fewest rows per parallel task of the peak scan (each band recomputes eight rows next to it). */
    private static final int MIN_BAND = 64;

    /**
     * Local maxima of the smoothed residual above the threshold, brightest first. The frame is scanned in bands of
     * rows in parallel (a few bands per core); each band streams its rows through two rings of five rows
     * (horizontally smoothed residual, then fully smoothed), so no full-frame copy is made.
     */
    private List<int[]> findPeaks(DetectionGrid grid, BackgroundMap background) {
        int h = grid.height;
        float floor = (float) (settings.thresholdSigma() * SMOOTHED_NOISE * background.minimumNoise());
        BackgroundMap.RowInterpolator sky = background.rowInterpolator(grid.width);
        int tasks = 4 * (ForkJoinPool.getCommonPoolParallelism() + 1);
        int band = Math.max(MIN_BAND, (h + tasks - 1) / tasks);
        List<float[]> found = IntStream.range(0, (h + band - 1) / band).parallel()
                .mapToObj(b -> scanBand(grid, background, sky, floor, b * band, Math.min(h, (b + 1) * band)))
                .flatMap(List::stream).sorted((a, b) -> Float.compare(b[2], a[2])).toList();
        List<int[]> peaks = new ArrayList<>(found.size());
        for (float[] peak : found) {
            peaks.add(new int[] { (int) peak[0], (int) peak[1], peaks.size() });
        }
        return peaks;
    }

    /** The peaks {x, y, height} in rows [y0, y1). */
    private List<float[]> scanBand(DetectionGrid grid, BackgroundMap background, BackgroundMap.RowInterpolator sky,
            float floor, int y0, int y1) {
        int w = grid.width;
        int h = grid.height;
        float[][] horizontal = new float[5][w];
        float[][] smoothed = new float[5][w];
        float[] raw = new float[w];
        float[] level = new float[w];
        float[] column = sky.newScratch();
        List<float[]> peaks = new ArrayList<>();
        // Row r of the residual feeds smoothed row r - 2, whose peaks are decided when smoothed row r - 2 + 2 exists.
        for (int r = y0 - 4; r <= y1 + 3; r++) {
            int source = Math.min(Math.max(r, 0), h - 1);
            grid.row(source, raw);
            sky.fill(source, level, column);
            smoothRow(raw, level, horizontal[Math.floorMod(r, 5)], w);
            int s = r - 2;
            if (s >= y0 - 2) {
                float[] out = smoothed[Math.floorMod(s, 5)];
                float[] a = horizontal[Math.floorMod(s - 2, 5)];
                float[] b = horizontal[Math.floorMod(s - 1, 5)];
                float[] c = horizontal[Math.floorMod(s, 5)];
                float[] d = horizontal[Math.floorMod(s + 1, 5)];
                float[] e = horizontal[Math.floorMod(s + 2, 5)];
                for (int x = 0; x < w; x++) {
                    out[x] = (a[x] + e[x]) * (1 / 16f) + (b[x] + d[x]) * (4 / 16f) + c[x] * (6 / 16f);
                }
            }
            int t = s - 2;
            if (t >= y0 && t < y1 && t < h) {
                float[] row = smoothed[Math.floorMod(t, 5)];
                for (int x = 0; x < w; x++) {
                    float value = row[x];
                    if (value > floor && isLocalMaximum(smoothed, w, h, x, t, value)
                            && value > (float) (settings.thresholdSigma() * SMOOTHED_NOISE * background.noise(x, t))) {
                        peaks.add(new float[] { x, t, value });
                    }
                }
            }
        }
        return peaks;
    }

    /**
     * One row of the background-subtracted grid, smoothed horizontally with the binomial kernel (edges replicate).
     * The interior loop has no branch, so the JIT vectorises it.
     */
    private static void smoothRow(float[] raw, float[] level, float[] out, int w) {
        for (int x = 0; x < w; x++) {
            raw[x] -= level[x];
        }
        int inner = Math.max(2, w - 2);
        for (int x = 0; x < Math.min(2, w); x++) {
            out[x] = smoothEdge(raw, x, w);
        }
        for (int x = 2; x < w - 2; x++) {
            out[x] = (raw[x - 2] + raw[x + 2]) * (1 / 16f) + (raw[x - 1] + raw[x + 1]) * (4 / 16f) + raw[x] * (6 / 16f);
        }
        for (int x = inner; x < w; x++) {
            out[x] = smoothEdge(raw, x, w);
        }
    }

    private static float smoothEdge(float[] raw, int x, int w) {
        float sum = 0;
        for (int k = -2; k <= 2; k++) {
            sum += BINOMIAL[k + 2] * raw[Math.min(Math.max(x + k, 0), w - 1)];
        }
        return sum;
    }

    /**
     * Greater than every neighbour in 5×5 of the smoothed rows held in the ring {@code rows} (row y at y mod 5); ties:
     * greater or equal to those before it in raster order. Neighbours outside the frame do not count. The two
     * neighbours in the row are tried first: on a star's flank one of them is usually higher.
     */
    private static boolean isLocalMaximum(float[][] rows, int w, int h, int x, int y, float s) {
        float[] own = rows[Math.floorMod(y, 5)];
        if ((x > 0 && own[x - 1] > s) || (x + 1 < w && own[x + 1] >= s)) {
            return false;
        }
        int x0 = Math.max(x - 2, 0);
        int x1 = Math.min(x + 2, w - 1);
        for (int dy = -2; dy <= 2; dy++) {
            int ny = y + dy;
            if (ny < 0 || ny >= h) {
                continue;
            }
            float[] row = rows[Math.floorMod(ny, 5)];
            if (dy < 0) {
                for (int nx = x0; nx <= x1; nx++) {
                    if (row[nx] > s) {
                        return false;
                    }
                }
            } else if (dy > 0) {
                for (int nx = x0; nx <= x1; nx++) {
                    if (row[nx] >= s) {
                        return false;
                    }
                }
            } else {
                for (int nx = x0; nx < x; nx++) {
                    if (row[nx] > s) {
                        return false;
                    }
                }
                for (int nx = x + 1; nx <= x1; nx++) {
                    if (row[nx] >= s) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** A hot pixel or cosmic-ray hit: the four neighbours of the brightest pixel near the peak hold almost none of it. */
    private static boolean isTooSharp(Residual residual, int x, int y) {
        int topX = x;
        int topY = y;
        float peak = residual.at(x, y);
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                float value = residual.at(x + dx, y + dy);
                if (value > peak) {
                    peak = value;
                    topX = x + dx;
                    topY = y + dy;
                }
            }
        }
        double neighbours = (residual.at(topX - 1, topY) + residual.at(topX + 1, topY) + residual.at(topX, topY - 1)
                + residual.at(topX, topY + 1)) / 4.0;
        return neighbours < MIN_NEIGHBOUR_RATIO * peak;
    }

}
