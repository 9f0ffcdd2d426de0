package org.nocturne.device.sim.render;

/**
 * One star's image on the sensor: a Moffat profile with β = 3, {@code I(r) ∝ (1 + r²/α²)^−3}, whose half-flux
 * radius is {@code α·sqrt(√2 − 1)}, integrated over each pixel and over the trail that tracking error draws.
 *
 * <p>Pixels within {@code max(4α, 3 px)} of the trail's middle are integrated on an n×n grid of sub-pixel samples,
 * {@code n = ceil(4 / HFR)} with the HFR in pixels (1 to 10): sampling at points instead of integrating would shrink
 * the image's second moment by 1/(6n²) px², the blur of the pixel itself, and this n keeps that below about 0.3% of
 * the half-flux radius at any size. Pixels further out, where the profile is smooth on a pixel's scale, are sampled
 * at their centre. The trail is sampled at K evenly spaced points half an α apart, close enough that its brightness
 * ripples by less than 10⁻⁵. Every sample pattern is symmetric about the star's centre, so the image's centroid is
 * the star's position exactly. The stamp stops where a pixel would get less than {@value #FAINTEST_PIXEL_ELECTRONS}
 * e⁻ (at most {@code max(128, 16α)} px from the centre): the flux lost beyond is below what any measurement sees.
 *
 * <p>Coordinates are those of the readout window in unbinned pixels (0-based, pixel centres at integers).
 * Immutable; {@link #addTo} may run for different rows on different threads.
 */
final class MoffatStar {

    /** Half-flux radius of a β = 3 Moffat profile in units of α: sqrt(2^(1/(β−1)) − 1). */
    static final double HFR_PER_ALPHA = Math.sqrt(Math.sqrt(2) - 1);
    private static final double FAINTEST_PIXEL_ELECTRONS = 0.01;

    private final double x;
    private final double y;
    private final double alpha;
    private final double peakDensity;
    private final double coreRadius2;
    private final int subSamples;
    private final double[] trailX;
    private final double[] trailY;
    private final int left;
    private final int right;
    private final int top;
    private final int bottom;

    /**
     * @param x centre at mid-exposure, window pixels
     * @param y centre at mid-exposure, window pixels
     * @param electrons total charge, e⁻
     * @param hfrPixels half-flux radius of the still image, unbinned pixels
     * @param trailDx the star's motion over the exposure, unbinned pixels
     * @param trailDy the same, y
     */
    MoffatStar(double x, double y, double electrons, double hfrPixels, double trailDx, double trailDy) {
        this.x = x;
        this.y = y;
        this.alpha = hfrPixels / HFR_PER_ALPHA;
        this.peakDensity = electrons * 2 / (Math.PI * alpha * alpha);
        this.subSamples = (int) Math.max(1, Math.min(10, Math.ceil(4 / hfrPixels)));
        double length = Math.hypot(trailDx, trailDy);
        int k = length < 0.05 * alpha ? 1 : (int) Math.min(256, Math.ceil(length / (0.5 * alpha)) + 1);
        this.trailX = new double[k];
        this.trailY = new double[k];
        for (int i = 0; i < k; i++) {
            double t = k == 1 ? 0 : (i + 0.5) / k - 0.5;
            trailX[i] = t * trailDx;
            trailY[i] = t * trailDy;
        }
        double core = Math.max(4 * alpha, 3) + length / 2;
        this.coreRadius2 = core * core;
        double reach = reach(alpha, peakDensity);
        this.left = (int) Math.floor(x - Math.abs(trailDx) / 2 - reach);
        this.right = (int) Math.ceil(x + Math.abs(trailDx) / 2 + reach);
        this.top = (int) Math.floor(y - Math.abs(trailDy) / 2 - reach);
        this.bottom = (int) Math.ceil(y + Math.abs(trailDy) / 2 + reach);
    }

    /** The largest distance from its centre at which a stamp of profile width {@code alpha} may reach, pixels. */
    static double maxReach(double alpha) {
        return Math.max(128, 16 * alpha);
    }

    /** Distance from the centre where a pixel gets {@value #FAINTEST_PIXEL_ELECTRONS} e⁻, within 1 px and the limit. */
    private static double reach(double alpha, double peakDensity) {
        double ratio = Math.cbrt(peakDensity / FAINTEST_PIXEL_ELECTRONS);
        double radius = ratio > 1 ? alpha * Math.sqrt(ratio - 1) : 0;
        return Math.max(1, Math.min(maxReach(alpha), radius));
    }

    /** First window row the stamp touches. */
    int top() {
        return top;
    }

    /** Last window row the stamp touches. */
    int bottom() {
        return bottom;
    }

    /** First window column the stamp touches. */
    int left() {
        return left;
    }

    /** Last window column the stamp touches. */
    int right() {
        return right;
    }

    /**
     * Adds the star's electrons to {@code buffer}, which holds window rows {@code firstRow} to {@code firstRow + rows − 1}
     * of {@code width} columns each, row by row.
     */
    void addTo(float[] buffer, int firstRow, int rows, int width) {
        int y0 = Math.max(top, firstRow);
        int y1 = Math.min(bottom, firstRow + rows - 1);
        int x0 = Math.max(left, 0);
        int x1 = Math.min(right, width - 1);
        double inverseAlpha2 = 1 / (alpha * alpha);
        int n = subSamples;
        int k = trailX.length;
        double coreScale = peakDensity / (n * n * k);
        double wingScale = peakDensity / k;
        for (int py = y0; py <= y1; py++) {
            int offset = (py - firstRow) * width;
            double dy = py - y;
            for (int px = x0; px <= x1; px++) {
                double dx = px - x;
                double value;
                if (dx * dx + dy * dy < coreRadius2) {
                    double sum = 0;
                    for (int j = 0; j < n; j++) {
                        double sy = dy + (j + 0.5) / n - 0.5;
                        for (int i = 0; i < n; i++) {
                            double sx = dx + (i + 0.5) / n - 0.5;
                            sum += trailSum(sx, sy, inverseAlpha2);
                        }
                    }
                    value = sum * coreScale;
                } else {
                    value = trailSum(dx, dy, inverseAlpha2) * wingScale;
                }
                buffer[offset + px] += (float) value;
            }
        }
    }

    /** The profile, relative to its peak, summed over the trail's sample points, at offset (sx, sy) from the centre. */
    private double trailSum(double sx, double sy, double inverseAlpha2) {
        double sum = 0;
        for (int t = 0; t < trailX.length; t++) {
            double ex = sx - trailX[t];
            double ey = sy - trailY[t];
            double w = 1 / (1 + (ex * ex + ey * ey) * inverseAlpha2);
            sum += w * w * w;
        }
        return sum;
    }
}
