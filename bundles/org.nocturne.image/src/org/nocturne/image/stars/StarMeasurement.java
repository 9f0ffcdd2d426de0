package org.nocturne.image.stars;

import java.util.List;

/**
 * Measures one star on the background-subtracted detection grid: windowed centroid, aperture flux, half-flux radius,
 * FWHM and eccentricity. Pixels nearer to another candidate than to this one are left out (deblending).
 * One instance per star; not thread-safe.
 */
final class StarMeasurement {

    private static final double SIGMA_TO_FWHM = 2.0 * Math.sqrt(2.0 * Math.log(2.0));
    /** Half-flux radius of a Gaussian in sigmas: sqrt(2 ln 2). */
    private static final double HFR_TO_SIGMA = 1.0 / Math.sqrt(2.0 * Math.log(2.0));
    private static final int SUBSAMPLES = 5;
    /**
     * The curve of growth spreads each pixel's value over its square, which convolves the image with the pixel once
     * more, on top of the sensor's own pixel; each box adds 1/12 px² to a Gaussian's variance, so 2 ln 2 / 12 px² to
     * its squared half-flux radius. Both are taken off, so the HFR is that of the star as it fell on the sensor.
     */
    private static final double PIXEL_BOXES_HFR2 = 2 * (2 * Math.log(2) / 12);
    /** Width of the ring outside the aperture where the local background is measured, in pixels. */
    private static final int ANNULUS = 4;
    /** Width of the distance rings of the curve of growth, in pixels. */
    private static final double RING_WIDTH = 0.25;
    /** Width of the half-flux radius's bracket from which its bisection weighs single sub-samples, in pixels. */
    private static final double BRACKET = 0.25;
    /** Radius of the first, rough look at a candidate, in pixels. */
    private static final int FIRST_LOOK_RADIUS = 10;
    private static final double HALF_DIAGONAL = Math.sqrt(0.5);
    /** The farthest a pixel's sub-sample lies from its centre (0.4 √2 px), with a margin for rounding. */
    private static final double SUBSAMPLE_REACH = 0.4 * Math.sqrt(2) + 1e-6;
    /** How far the windowed centroid may move before it lists the disc pixels near it again, in pixels. */
    private static final double NEAR_MARGIN = 1;

    private final Residual residual;
    private final int width;
    private final int height;
    private final int[] peak;
    /** The rivals' coordinates, x and y interleaved. */
    private final int[] rivals;
    private final int maxRadius;
    /** The sky under the disc as a plane around the peak: level, slope in x, slope in y. */
    private final double[] sky;

    /**
     * Arrays for one measurement at a time, kept per thread and reused from star to star, so that measuring thousands
     * of stars allocates next to nothing. Sized for the largest disc.
     */
    private static final class Workspace {
        final int[] dxs;
        final int[] dys;
        final double[] values;
        final double[] ring;
        final double[] distance;
        final int[] ringOf;
        final int[] byRing;
        /** The sub-samples inside the bracket of the half-flux radius: squared distances and shares of flux. */
        final double[] subsampleSquares;
        final double[] subsampleShares;
        /** The disc pixels near the centre of the windowed centroid. */
        final int[] near;
        /** The disc pixels in the rings of the curve of growth. */
        final int[] inRings;
        /** The window's weights by column and by row of the disc, offset by the disc's radius. */
        final double[] windowX;
        final double[] windowY;
        /** The squared x offsets of a pixel's sub-sample columns, for {@link StarMeasurement#coverage}. */
        final double[] subsampleColumns = new double[SUBSAMPLES];
        /** What {@link Residual#touch} read, kept so that the reads are not optimised away. */
        int touched;
        int[] ringStart = new int[64];
        int[] next = new int[64];
        double[] ringFlux = new double[64];

        Workspace(int maxRadius) {
            int side = 2 * largestDisc(maxRadius) + 1;
            int size = side * side;
            dxs = new int[size];
            dys = new int[size];
            values = new double[size];
            ring = new double[size];
            distance = new double[size];
            ringOf = new int[size];
            byRing = new int[size];
            subsampleSquares = new double[size * SUBSAMPLES * SUBSAMPLES];
            subsampleShares = new double[size * SUBSAMPLES * SUBSAMPLES];
            near = new int[size];
            inRings = new int[size];
            windowX = new double[side];
            windowY = new double[side];
        }

        void ensureRings(int rings) {
            if (ringStart.length < rings + 1) {
                ringStart = new int[2 * rings + 1];
                next = new int[2 * rings + 1];
                ringFlux = new double[2 * rings + 1];
            }
        }
    }

    /** The largest radius {@link #collect} is called with: the first look, or the aperture plus the annulus and 1. */
    private static int largestDisc(int maxRadius) {
        return Math.max(FIRST_LOOK_RADIUS, maxRadius + 1);
    }

    private static final ThreadLocal<Workspace> WORKSPACE = new ThreadLocal<>();

    private final Workspace work;

    /** The disc's pixels: offsets from the peak and values; their |dx| and |dy| are at most collectedRadius. */
    private int count;
    private int collectedRadius;
    private final int[] dxs;
    private final int[] dys;
    private final double[] values;
    /** The curve of growth around (centreX, centreY): each pixel's distance, pixels by ring, rings' running sums. */
    private double centreX;
    private double centreY;
    private double preparedRadius;
    private double[] distance;
    private int[] ringStart;
    private int ringCount;
    private int[] byRing;
    private double[] ringFlux;

    StarMeasurement(Residual residual, PeakIndex index, int[] peak, int maxRadius) {
        this.residual = residual;
        this.width = residual.width();
        this.height = residual.height();
        this.peak = peak;
        this.maxRadius = maxRadius;
        List<int[]> neighbours = index.neighbours(peak, maxRadius);
        this.rivals = new int[2 * neighbours.size()];
        for (int k = 0; k < neighbours.size(); k++) {
            rivals[2 * k] = neighbours.get(k)[0];
            rivals[2 * k + 1] = neighbours.get(k)[1];
        }
        this.sky = residual.plane(peak[0], peak[1]);
        Workspace workspace = WORKSPACE.get();
        if (workspace == null || workspace.windowX.length < 2 * largestDisc(maxRadius) + 1) {
            workspace = new Workspace(maxRadius);
            WORKSPACE.set(workspace);
        }
        this.work = workspace;
        this.dxs = work.dxs;
        this.dys = work.dys;
        this.values = work.values;
    }

    /** The measured star on the grid, or null when there is nothing measurable. */
    Star measure(double background, double noise, double gain) {
        // A first look in a small disc: rough centre and size, which set the measuring aperture.
        collect(FIRST_LOOK_RADIUS);
        double[] centre = quickCentroid();
        prepareCurveOfGrowth(centre[0], centre[1], FIRST_LOOK_RADIUS - ANNULUS);
        double firstHfr = halfFluxRadius(FIRST_LOOK_RADIUS - ANNULUS, enclosedFlux(FIRST_LOOK_RADIUS - ANNULUS));
        if (!(firstHfr > 0)) {
            // In a crowded field the map's sky can lie above the sky between the stars, enough to leave the first
            // look's disc with no flux: look again with the median of the ring around it taken off.
            removeLocalBackground(centre, FIRST_LOOK_RADIUS - ANNULUS);
            prepareCurveOfGrowth(centre[0], centre[1], FIRST_LOOK_RADIUS - ANNULUS);
            firstHfr = halfFluxRadius(FIRST_LOOK_RADIUS - ANNULUS, enclosedFlux(FIRST_LOOK_RADIUS - ANNULUS));
        }
        if (!(firstHfr > 0)) {
            return null;
        }
        double apertureRadius = Math.min(maxRadius - ANNULUS, Math.max(5.0, 6.0 * firstHfr));
        collect((int) Math.ceil(apertureRadius) + ANNULUS + 1);
        double localBackground = removeLocalBackground(centre, apertureRadius);
        double sigmaWindow = Math.max(firstHfr * HFR_TO_SIGMA, 0.5);
        double[] moments = windowedCentroid(centre, sigmaWindow);
        if (moments == null) {
            return null;
        }
        double x = moments[0];
        double y = moments[1];
        double[] refined = { x - peak[0], y - peak[1] };
        prepareCurveOfGrowth(refined[0], refined[1], apertureRadius);
        double flux = enclosedFlux(apertureRadius);
        double measuredHfr = halfFluxRadius(apertureRadius, flux);
        if (!(measuredHfr > 0) || !(flux > 0)) {
            return null;
        }
        double hfr = Math.sqrt(Math.max(measuredHfr * measuredHfr - PIXEL_BOXES_HFR2, 0.01));
        // Signal-to-noise in a near-optimal aperture (about 3 sigma), where faint stars are not drowned by sky.
        double snrRadius = Math.max(2.0, 2.55 * hfr);
        if (snrRadius > apertureRadius) {
            prepareCurveOfGrowth(refined[0], refined[1], snrRadius);
        }
        double snrFlux = enclosedFlux(snrRadius);
        // Second moments of a Gaussian seen through a Gaussian window: m = s² w² / (s² + w²), so s² = m w² / (w² - m).
        double w2 = sigmaWindow * sigmaWindow;
        double mxx = moments[2];
        double myy = moments[3];
        double mxy = moments[4];
        double mean = (mxx + myy) / 2;
        double spread = Math.sqrt((mxx - myy) * (mxx - myy) / 4 + mxy * mxy);
        double major = deconvolve(mean + spread, w2);
        double minor = deconvolve(mean - spread, w2);
        // The moments see the star through the sensor's pixel, which adds 1/12 px² per axis: taken off, as for the HFR.
        double fwhm = SIGMA_TO_FWHM * Math.sqrt(Math.max((major + minor) / 2 - 1.0 / 12, 0.01));
        double eccentricity = major > 0 ? Math.sqrt(Math.max(0, 1 - minor / major)) : 0;
        double pixels = Math.PI * snrRadius * snrRadius;
        double snr = snrFlux / Math.sqrt(pixels * noise * noise + Math.max(snrFlux, 0) / gain);
        double peakValue = residual.at(peak[0], peak[1]) - localBackground;
        return new Star(x, y, flux, peakValue, background + localBackground, snr, hfr, fwhm, eccentricity);
    }

    private static double deconvolve(double moment, double w2) {
        if (moment <= 0) {
            return 0;
        }
        return moment >= w2 * 0.98 ? moment * 50 : moment * w2 / (w2 - moment);
    }

    /**
     * Measures what the background map left in the ring just outside {@code radius} around the offset {@code centre}
     * (median of the ring's pixels: stars' wings raise a tile's median a little) and takes it off every pixel of the
     * disc. Returns the amount taken off; the disc's values are changed.
     */
    private double removeLocalBackground(double[] centre, double radius) {
        double inner2 = radius * radius;
        double outer2 = (radius + ANNULUS) * (radius + ANNULUS);
        double[] ring = work.ring;
        int n = 0;
        for (int i = 0; i < count; i++) {
            double dx = dxs[i] - centre[0];
            double dy = dys[i] - centre[1];
            double d2 = dx * dx + dy * dy;
            if (d2 >= inner2 && d2 < outer2) {
                ring[n++] = values[i];
            }
        }
        if (n < 12) {
            return 0;
        }
        double level = median(ring, n);
        for (int i = 0; i < count; i++) {
            values[i] -= level;
        }
        return level;
    }

    /** The median of the first {@code n} values (reordered in place), by quickselect. */
    private static double median(double[] a, int n) {
        double upper = select(a, n, n / 2);
        if (n % 2 == 1) {
            return upper;
        }
        double lower = a[0];
        for (int i = 1; i < n / 2; i++) {
            lower = Math.max(lower, a[i]);
        }
        return (lower + upper) / 2;
    }

    /**
     * The k-th smallest of the first n values; afterwards a[0..k) are all at most it. Quickselect whose partitions
     * move every value without a branch on it (the sky's values fall either side of a pivot at random, which a
     * branch would mispredict half the time): first those below the pivot to the front, then those equal to it.
     */
    private static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n;
        while (hi - lo > 1) {
            double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi - 1]);
            int below = partition(a, lo, hi, pivot, false);
            int notAbove = partition(a, below, hi, pivot, true);
            if (k < below) {
                hi = below;
            } else if (k >= notAbove) {
                lo = notAbove;
            } else {
                return pivot; // a[below..notAbove) all equal the pivot
            }
        }
        return a[k];
    }

    /**
     * Moves the values of a[from..to) below {@code pivot} (or, with {@code orEqual}, not above it) to the front of
     * the range; returns where the rest begin.
     */
    private static int partition(double[] a, int from, int to, double pivot, boolean orEqual) {
        int store = from;
        for (int i = from; i < to; i++) {
            double v = a[i];
            a[i] = a[store];
            a[store] = v;
            store += (orEqual ? v <= pivot : v < pivot) ? 1 : 0;
        }
        return store;
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** Gathers the disc of radius {@code r} around the peak, leaving out pixels that belong to a nearer candidate. */
    private void collect(int r) {
        count = 0;
        collectedRadius = r;
        int px = peak[0];
        int py = peak[1];
        work.touched += residual.touch(Math.max(px - r, 0), Math.max(py - r, 0), Math.min(px + r, width - 1),
                Math.min(py + r, height - 1));
        int reach2 = (r + 1) * (r + 1);
        for (int dy = -r; dy <= r; dy++) {
            int y = py + dy;
            if (y < 0 || y >= height) {
                continue;
            }
            // the row's pixels with dx² + dy² <= (r + 1)², inside the frame
            int half = (int) Math.sqrt(reach2 - dy * dy);
            while (half * half + dy * dy > reach2) {
                half--;
            }
            while ((half + 1) * (half + 1) + dy * dy <= reach2) {
                half++;
            }
            half = Math.min(half, r);
            int from = Math.max(-half, -px);
            int to = Math.min(half, width - 1 - px);
            // A rival takes the pixels nearer to it than to the peak: one side of the line halfway between them, so
            // what is left of the row is a run. Integer arithmetic: the run is exactly the pixels no rival is nearer to.
            for (int k = 0; k < rivals.length && from <= to; k += 2) {
                long rx = rivals[k];
                long ry = rivals[k + 1];
                long a = 2 * (px - rx);
                long c = (long) px * px + (long) py * py - rx * rx - ry * ry - 2L * y * (py - ry);
                // nearer to the rival exactly when a x < c
                if (a > 0) {
                    from = (int) Math.max(from, Math.ceilDiv(c, a) - px);
                } else if (a < 0) {
                    to = (int) Math.min(to, Math.floorDiv(c, a) - px);
                } else if (c > 0) {
                    to = from - 1;
                }
            }
            for (int dx = from; dx <= to; dx++) {
                dxs[count] = dx;
                dys[count] = dy;
                values[count] = residual.raw(px + dx, y) - (sky[0] + sky[1] * dx + sky[2] * dy);
                count++;
            }
        }
    }

    /** Flux-weighted centroid of the positive pixels within 2 px of the peak, as offsets from the peak. */
    private double[] quickCentroid() {
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < count; i++) {
            if (Math.abs(dxs[i]) <= 2 && Math.abs(dys[i]) <= 2 && values[i] > 0) {
                sum += values[i];
                sx += values[i] * dxs[i];
                sy += values[i] * dys[i];
            }
        }
        return sum > 0 ? new double[] { sx / sum, sy / sum } : new double[] { 0, 0 };
    }

    /**
     * SExtractor's XWIN iteration: x ← x + 2 Σ w I (xi − x) / Σ w I with a Gaussian window of sigma {@code sigmaWindow};
     * returns the centre in grid pixels and the windowed second moments {x, y, mxx, myy, mxy}, or null. The window is
     * separable, exp(−(dx² + dy²)/2w²) = exp(−dx²/2w²) exp(−dy²/2w²), so each iteration works out the weights of
     * the columns and rows within the window's limit (by {@link #fillWindow}) instead of an exponential per pixel.
     */
    private double[] windowedCentroid(double[] start, double sigmaWindow) {
        double cx = start[0];
        double cy = start[1];
        double inv2w2 = 1.0 / (2 * sigmaWindow * sigmaWindow);
        double limit = Math.min(maxRadius, 4 * sigmaWindow + 1);
        double limit2 = limit * limit;
        int[] near = work.near;
        int nearCount = 0;
        double nearX = Double.NaN;
        double nearY = Double.NaN;
        int reach = collectedRadius;
        double[] windowX = work.windowX;
        double[] windowY = work.windowY;
        double sum = 0;
        double mxx = 0;
        double myy = 0;
        double mxy = 0;
        for (int iteration = 0; iteration < 12; iteration++) {
            // Only pixels within the window's limit are weighed: those within NEAR_MARGIN more of where the list of
            // near pixels was made, while the centre stays within NEAR_MARGIN of that point in x and in y.
            if (!(Math.abs(cx - nearX) <= NEAR_MARGIN && Math.abs(cy - nearY) <= NEAR_MARGIN)) {
                nearX = cx;
                nearY = cy;
                double nearReach = limit + NEAR_MARGIN * Math.sqrt(2) + 0.01;
                nearCount = 0;
                for (int i = 0; i < count; i++) {
                    double dx = dxs[i] - cx;
                    double dy = dys[i] - cy;
                    if (dx * dx + dy * dy <= nearReach * nearReach) {
                        near[nearCount++] = i;
                    }
                }
            }
            fillWindow(windowX, reach, cx, limit, inv2w2);
            fillWindow(windowY, reach, cy, limit, inv2w2);
            sum = 0;
            double sx = 0;
            double sy = 0;
            mxx = 0;
            myy = 0;
            mxy = 0;
            for (int j = 0; j < nearCount; j++) {
                int i = near[j];
                double dx = dxs[i] - cx;
                double dy = dys[i] - cy;
                if (dx * dx + dy * dy > limit2) {
                    continue;
                }
                double wi = windowX[dxs[i] + reach] * windowY[dys[i] + reach] * values[i];
                sum += wi;
                sx += wi * dx;
                sy += wi * dy;
                mxx += wi * dx * dx;
                myy += wi * dy * dy;
                mxy += wi * dx * dy;
            }
            if (!(sum > 0)) {
                return null;
            }
            double shiftX = 2 * sx / sum;
            double shiftY = 2 * sy / sum;
            if (Math.abs(shiftX) > 2 || Math.abs(shiftY) > 2) {
                shiftX = Math.max(-2, Math.min(2, shiftX));
                shiftY = Math.max(-2, Math.min(2, shiftY));
            }
            cx += shiftX;
            cy += shiftY;
            if (shiftX * shiftX + shiftY * shiftY < 1e-6) {
                break;
            }
        }
        if (Math.abs(cx) > 3 || Math.abs(cy) > 3) {
            return null;
        }
        return new double[] { peak[0] + cx, peak[1] + cy, mxx / sum, myy / sum, mxy / sum };
    }

    /**
     * Fills {@code window[k + reach]} with exp(−(k − c)² a) for the whole k in [−reach, reach] within {@code limit} of
     * c, and one more each side (against rounding at the limit). Three exponentials and a recurrence: the ratio of
     * neighbours, exp(−(2(k − c) + 1) a), itself changes by the factor exp(−2a) from k to k + 1. Relative error below
     * 1e-13 over a window's width.
     */
    private static void fillWindow(double[] window, int reach, double c, double limit, double a) {
        int from = Math.max(-reach, (int) Math.ceil(c - limit) - 1);
        int to = Math.min(reach, (int) Math.floor(c + limit) + 1);
        if (from > to) {
            return;
        }
        double d = from - c;
        double value = Math.exp(-d * d * a);
        double ratio = Math.exp(-(2 * d + 1) * a);
        double step = Math.exp(-2 * a);
        for (int k = from; k <= to; k++) {
            window[k + reach] = value;
            value *= ratio;
            ratio *= step;
        }
    }

    /**
     * Buckets the disc's pixels by distance from the point (ox, oy), an offset from the peak pixel, in rings
     * {@value #RING_WIDTH} px wide, and sums the rings' values, so that the flux within any radius up to
     * {@code radius} costs a sum over whole rings plus the pixels near the circle. Pixels too far out to count at that
     * radius are left out. A counting sort: linear in the disc's pixels.
     */
    private void prepareCurveOfGrowth(double ox, double oy, double radius) {
        centreX = ox;
        centreY = oy;
        preparedRadius = radius;
        distance = work.distance;
        int rings = 1;
        int[] ringOf = work.ringOf;
        // enclosedFlux(r) reads the rings below lastRing(r); a pixel at d >= outer is in none of them for r <= radius
        int maxRing = lastRing(radius);
        double outer = maxRing * RING_WIDTH;
        int kept = 0;
        int[] inRings = work.inRings;
        for (int i = 0; i < count; i++) {
            double dx = dxs[i] - ox;
            double dy = dys[i] - oy;
            double d2 = dx * dx + dy * dy;
            if (d2 > outer * outer) {
                continue;
            }
            distance[i] = Math.sqrt(d2);
            ringOf[i] = (int) (distance[i] / RING_WIDTH);
            if (ringOf[i] < maxRing) {
                inRings[kept++] = i;
                rings = Math.max(rings, ringOf[i] + 1);
            }
        }
        work.ensureRings(rings);
        ringCount = rings;
        ringStart = work.ringStart;
        java.util.Arrays.fill(ringStart, 0, rings + 1, 0);
        for (int k = 0; k < kept; k++) {
            ringStart[ringOf[inRings[k]] + 1]++;
        }
        for (int r = 0; r < rings; r++) {
            ringStart[r + 1] += ringStart[r];
        }
        byRing = work.byRing;
        int[] next = work.next;
        System.arraycopy(ringStart, 0, next, 0, rings);
        for (int k = 0; k < kept; k++) {
            int i = inRings[k];
            byRing[next[ringOf[i]]++] = i;
        }
        ringFlux = work.ringFlux;
        ringFlux[0] = 0;
        for (int r = 0; r < rings; r++) {
            double sum = 0;
            for (int k = ringStart[r]; k < ringStart[r + 1]; k++) {
                sum += values[byRing[k]];
            }
            ringFlux[r + 1] = ringFlux[r] + sum;
        }
    }

    /**
     * The radius holding half the flux {@code total} of the disc of {@code apertureRadius} around the prepared point,
     * or NaN: 24 steps of bisection on the curve of growth. Once the bracket is {@value #BRACKET} px wide, the flux at
     * a radius in it is that at its lower end plus the pixels' shares (1/25 each) of the sub-samples passed, so the
     * remaining steps weigh only the sub-samples still inside the bracket instead of every pixel near the circle.
     */
    private double halfFluxRadius(double apertureRadius, double total) {
        if (!(total > 0)) {
            return Double.NaN;
        }
        double half = total / 2;
        double lo = 0;
        double hi = apertureRadius;
        double fluxLo = 0;
        int step = 0;
        for (; step < 24 && hi - lo > BRACKET; step++) {
            double mid = (lo + hi) / 2;
            double flux = enclosedFlux(mid);
            if (flux < half) {
                lo = mid;
                fluxLo = flux;
            } else {
                hi = mid;
            }
        }
        int n = subsamplesBetween(lo, hi);
        double[] squares = work.subsampleSquares;
        double[] shares = work.subsampleShares;
        for (; step < 24; step++) {
            double mid = (lo + hi) / 2;
            double mid2 = mid * mid;
            double flux = fluxLo;
            for (int k = 0; k < n; k++) {
                if (squares[k] <= mid2) {
                    flux += shares[k];
                }
            }
            // keep the sub-samples on the bracket's side of mid: those passed now count in fluxLo, or lie beyond hi
            boolean inner = flux < half;
            if (inner) {
                lo = mid;
                fluxLo = flux;
            } else {
                hi = mid;
            }
            int kept = 0;
            for (int k = 0; k < n; k++) {
                if ((squares[k] > mid2) == inner) {
                    squares[kept] = squares[k];
                    shares[kept] = shares[k];
                    kept++;
                }
            }
            n = kept;
        }
        return (lo + hi) / 2;
    }

    /**
     * Lists into the workspace the squared distances from the prepared point, and shares of flux, of the sub-samples
     * whose distance lies in (lo, hi]; returns how many.
     */
    private int subsamplesBetween(double lo, double hi) {
        double lo2 = lo * lo;
        double hi2 = hi * hi;
        int first = Math.min(ringCount, Math.max(0, (int) Math.floor((lo - HALF_DIAGONAL) / RING_WIDTH)));
        int last = Math.min(ringCount, lastRing(hi));
        double[] squares = work.subsampleSquares;
        double[] shares = work.subsampleShares;
        int n = 0;
        for (int k = ringStart[first]; k < ringStart[last]; k++) {
            int i = byRing[k];
            double d = distance[i];
            if (d + SUBSAMPLE_REACH <= lo || d - SUBSAMPLE_REACH >= hi) {
                continue; // all its sub-samples on one side of the bracket
            }
            double share = values[i] / (SUBSAMPLES * SUBSAMPLES);
            double dx = dxs[i] - centreX;
            double dy = dys[i] - centreY;
            for (int sy = 0; sy < SUBSAMPLES; sy++) {
                double py = dy - 0.5 + (sy + 0.5) / SUBSAMPLES;
                for (int sx = 0; sx < SUBSAMPLES; sx++) {
                    double px = dx - 0.5 + (sx + 0.5) / SUBSAMPLES;
                    double q = px * px + py * py;
                    if (lo2 < q && q <= hi2) {
                        squares[n] = q;
                        shares[n] = share;
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /**
     * Flux inside the circle of radius {@code r} around the prepared point: pixels wholly inside count whole, pixels
     * cut by the circle are sub-sampled 5×5.
     */
    private double enclosedFlux(double r) {
        assert r <= preparedRadius;
        int rings = ringCount;
        int wholeRings = Math.min(rings, Math.max(0, (int) Math.floor((r - HALF_DIAGONAL) / RING_WIDTH)));
        int lastRing = Math.min(rings, lastRing(r));
        double flux = ringFlux[wholeRings];
        for (int k = ringStart[wholeRings]; k < ringStart[lastRing]; k++) {
            int i = byRing[k];
            double d = distance[i];
            if (d + HALF_DIAGONAL <= r) {
                flux += values[i];
            } else if (d + SUBSAMPLE_REACH <= r) {
                flux += values[i]; // every sub-sample inside: coverage 1
            } else if (d - SUBSAMPLE_REACH < r) {
                flux += values[i] * coverage(i, r);
            } // else every sub-sample outside: coverage 0
        }
        return flux;
    }

    /** The ring after the last one that holds pixels cut by, or inside, the circle of radius r. */
    private static int lastRing(double r) {
        return (int) Math.ceil((r + HALF_DIAGONAL) / RING_WIDTH) + 1;
    }

    /**
     * Fraction of disc pixel i that lies within radius r of the prepared point: the share of its 5×5 sub-samples
     * inside the circle.
     */
    private double coverage(int i, double r) {
        double dx = dxs[i] - centreX;
        double dy = dys[i] - centreY;
        double r2 = r * r;
        double[] px2 = work.subsampleColumns;
        for (int sx = 0; sx < SUBSAMPLES; sx++) {
            double px = dx - 0.5 + (sx + 0.5) / SUBSAMPLES;
            px2[sx] = px * px;
        }
        int inside = 0;
        for (int sy = 0; sy < SUBSAMPLES; sy++) {
            double py = dy - 0.5 + (sy + 0.5) / SUBSAMPLES;
            double py2 = py * py;
            for (int sx = 0; sx < SUBSAMPLES; sx++) {
                inside += px2[sx] + py2 <= r2 ? 1 : 0;
            }
        }
        return inside / (double) (SUBSAMPLES * SUBSAMPLES);
    }
}
