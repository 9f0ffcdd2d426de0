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
 * <p>The steps, after SExtractor: (1) a background and noise map ({@link BackgroundMap}); (2) the frame smoothed with
 * a 5×5 binomial kernel (a matched filter for stars about 2 px across), less the background (the kernel leaves the
 * bilinear map as it is but within 2 px of its tile-centre lines, so this is the smoothed background-subtracted
 * frame), and thresholded at {@link Settings#thresholdSigma()} times the smoothed noise; (3) every local maximum of
 * the smoothed frame above the threshold is a candidate, so a close pair gives two; each pixel belongs to the nearest
 * candidate, which deblends pairs; (4) candidates at the edge, with saturated pixels, or sharper than any star (hot
 * pixels, cosmic-ray hits) are rejected and counted; (5) each star gets a windowed centroid (SExtractor's XWIN
 * iteration), its flux in an aperture scaled to its size, the half-flux radius from the exact curve of growth (pixels
 * cut by the circle are sub-sampled), and FWHM and eccentricity from Gaussian-window second moments.
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
    private static final int[] BINOMIAL = { 1, 4, 6, 4, 1 };
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

    /** Fewest rows per parallel task of the peak scan (each band recomputes eight rows next to it). */
    private static final int MIN_BAND = 64;

    /**
     * Local maxima of the smoothed residual above the threshold, brightest first. The frame is scanned in bands of
     * rows in parallel (a few bands per core); each band streams its rows through two rings of five rows (grid rows,
     * then smoothed residual), so no full-frame copy is made.
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
        int[][] rows = new int[5][w];
        int[] vertical = new int[w];
        float[][] smoothed = new float[5][w];
        float[] level = new float[w];
        float[] column = sky.newScratch();
        List<float[]> peaks = new ArrayList<>();
        // Smoothed rows [first, last) are made; row t's peaks are decided once smoothed rows t - 2 ... t + 2 exist.
        int first = Math.max(y0 - 2, 0);
        int last = Math.min(y1 + 2, h);
        for (int r = first - 2; r < first + 2; r++) {
            grid.row(Math.min(Math.max(r, 0), h - 1), rows[Math.floorMod(r, 5)]);
        }
        for (int s = first; s < last; s++) {
            grid.row(Math.min(s + 2, h - 1), rows[Math.floorMod(s + 2, 5)]);
            sumVertically(rows, s, vertical, w);
            sky.fill(s, level, column);
            smoothRow(vertical, level, smoothed[Math.floorMod(s, 5)], w);
            if (s - 2 >= y0) {
                scanRow(smoothed, background, floor, s - 2, w, h, peaks);
            }
        }
        for (int t = Math.max(y0, last - 2); t < Math.min(y1, h); t++) {
            scanRow(smoothed, background, floor, t, w, h, peaks);
        }
        return peaks;
    }

    /** Adds the peaks of smoothed row t (held in the ring with its neighbours) to {@code peaks}. */
    private void scanRow(float[][] smoothed, BackgroundMap background, float floor, int t, int w, int h, List<float[]> peaks) {
        float[] row = smoothed[Math.floorMod(t, 5)];
        for (int x = 0; x < w; x++) {
            float value = row[x];
            if (value > floor && isLocalMaximum(smoothed, w, h, x, t, value)
                    && value > (float) (settings.thresholdSigma() * SMOOTHED_NOISE * background.noise(x, t))) {
                peaks.add(new float[] { x, t, value });
            }
        }
    }

    /**
     * Grid row s smoothed vertically with the binomial kernel, in whole numbers (weights 1 4 6 4 1, so 16 times the
     * smoothed value): rows s - 2 ... s + 2 are in the ring {@code rows} (row r at r mod 5, edge rows replicated).
     */
    private static void sumVertically(int[][] rows, int s, int[] out, int w) {
        int[] a = rows[Math.floorMod(s - 2, 5)];
        int[] b = rows[Math.floorMod(s - 1, 5)];
        int[] c = rows[Math.floorMod(s, 5)];
        int[] d = rows[Math.floorMod(s + 1, 5)];
        int[] e = rows[Math.floorMod(s + 2, 5)];
        for (int x = 0; x < w; x++) {
            out[x] = a[x] + e[x] + 4 * (b[x] + d[x]) + 6 * c[x];
        }
    }

    /**
     * Finishes the smoothing of a row: the vertical sums smoothed horizontally in whole numbers (edges replicate), scaled
     * by 1/256, less the background. The sums stay exact (at most 2^26 for Bayer cells), so the smoothed value is
     * rounded once, not at every tap.
     */
    private static void smoothRow(int[] vertical, float[] level, float[] out, int w) {
        for (int x = 0; x < Math.min(2, w); x++) {
            out[x] = smoothEdge(vertical, x, w) * (1 / 256f) - level[x];
        }
        for (int x = 2; x < w - 2; x++) {
            int sum = vertical[x - 2] + vertical[x + 2] + 4 * (vertical[x - 1] + vertical[x + 1]) + 6 * vertical[x];
            out[x] = sum * (1 / 256f) - level[x];
        }
        for (int x = Math.max(2, w - 2); x < w; x++) {
            out[x] = smoothEdge(vertical, x, w) * (1 / 256f) - level[x];
        }
    }

    private static int smoothEdge(int[] vertical, int x, int w) {
        int sum = 0;
        for (int k = -2; k <= 2; k++) {
            sum += BINOMIAL[k + 2] * vertical[Math.min(Math.max(x + k, 0), w - 1)];
        }
        return sum;
    }

    /**
     * Greater than every neighbour in 5×5 of the smoothed rows held in the ring {@code rows} (row y at y mod 5); ties:
     * greater or equal to those before it in raster order. Neighbours outside the frame do not count. The four
     * nearest neighbours are tried first: on a star's flank one of them is usually higher.
     */
    private static boolean isLocalMaximum(float[][] rows, int w, int h, int x, int y, float s) {
        float[] own = rows[Math.floorMod(y, 5)];
        if ((x > 0 && own[x - 1] > s) || (x + 1 < w && own[x + 1] >= s)
                || (y > 0 && rows[Math.floorMod(y - 1, 5)][x] > s) || (y + 1 < h && rows[Math.floorMod(y + 1, 5)][x] >= s)) {
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
