package org.nocturne.solver.builtin;

import java.util.HashSet;
import java.util.Set;

/**
 * The quads of a frame's brightest stars, to look up in a {@link QuadIndex}. The brightest 15, 30, 60 and 120 stars in
 * turn each make quads, every star with every three of its six nearest neighbours in that set; the first sets match
 * sparse catalog selections and solve easy frames fast, the larger ones dense selections. A quad appears once, in the
 * first set that makes it. Quads smaller than {@value #SMALLEST_PIXELS} px are left out: their shape is too uncertain.
 * Immutable after construction.
 */
final class ImageQuads {

    static final double SMALLEST_PIXELS = 25;
    private static final int[] SET_SIZES = { 15, 30, 60, 120 };
    private static final int NEIGHBOURS = 6;
    /** The centroid error assumed for the ratio tolerance, px. */
    private static final double POSITION_ERROR = 0.3;
    /** What the ratio tolerance allows besides centroid errors: the catalog codes' rounding and the projection. */
    private static final double CODE_ERROR = 0.002;

    final int count;
    final int[] members;
    final double[] ratios;
    final double[] sizePixels;
    final double[] tolerance;

    private ImageQuads(int count, int[] members, double[] ratios, double[] sizePixels, double[] tolerance) {
        this.count = count;
        this.members = members;
        this.ratios = ratios;
        this.sizePixels = sizePixels;
        this.tolerance = tolerance;
    }

    /** The quads of the first stars of {@code stars} (brightest first). */
    static ImageQuads of(ImageStars stars) {
        int capacity = 0;
        for (int size : SET_SIZES) {
            capacity += Math.min(size, stars.count()) * 20;
            if (size >= stars.count()) {
                break;
            }
        }
        int[] members = new int[capacity * 4];
        double[] ratios = new double[capacity * 5];
        double[] sizes = new double[capacity];
        double[] tolerance = new double[capacity];
        Set<Long> seen = new HashSet<>();
        QuadCode code = new QuadCode();
        double[] separations = new double[6];
        int[] quad = new int[4];
        int count = 0;
        for (int size : SET_SIZES) {
            int n = Math.min(size, stars.count());
            int[][] nearest = nearestNeighbours(stars, n);
            for (int s = 0; s < n; s++) {
                int[] near = nearest[s];
                for (int a = 0; a < near.length; a++) {
                    for (int b = a + 1; b < near.length; b++) {
                        for (int c = b + 1; c < near.length; c++) {
                            quad[0] = s;
                            quad[1] = near[a];
                            quad[2] = near[b];
                            quad[3] = near[c];
                            if (!seen.add(setKey(quad))) {
                                continue;
                            }
                            for (int p = 0; p < 6; p++) {
                                separations[p] = stars.distance(quad[QuadCode.PAIRS[p][0]], quad[QuadCode.PAIRS[p][1]]);
                            }
                            code.compute(separations);
                            if (code.size < SMALLEST_PIXELS) {
                                continue;
                            }
                            for (int r = 0; r < 4; r++) {
                                members[count * 4 + r] = quad[code.order[r]];
                            }
                            System.arraycopy(code.ratios, 0, ratios, count * 5, 5);
                            sizes[count] = code.size;
                            tolerance[count] = Math.min(0.01, Math.max(0.004, 2.5 * POSITION_ERROR / code.size + CODE_ERROR));
                            count++;
                        }
                    }
                }
            }
            if (n == stars.count()) {
                break;
            }
        }
        return new ImageQuads(count, members, ratios, sizes, tolerance);
    }

    private static int[][] nearestNeighbours(ImageStars stars, int n) {
        int k = Math.min(NEIGHBOURS, n - 1);
        int[][] result = new int[n][];
        double[] chosen = new double[Math.max(k, 0)];
        for (int s = 0; s < n; s++) {
            int[] near = new int[Math.max(k, 0)];
            int found = 0;
            for (int o = 0; o < n; o++) {
                if (o == s) {
                    continue;
                }
                double d = stars.distance(s, o);
                if (found == k && (k == 0 || d >= chosen[k - 1])) {
                    continue;
                }
                int at = found == k ? k - 1 : found;
                while (at > 0 && chosen[at - 1] > d) {
                    near[at] = near[at - 1];
                    chosen[at] = chosen[at - 1];
                    at--;
                }
                near[at] = o;
                chosen[at] = d;
                if (found < k) {
                    found++;
                }
            }
            result[s] = near;
        }
        return result;
    }

    private static long setKey(int[] quad) {
        int[] sorted = quad.clone();
        java.util.Arrays.sort(sorted);
        return (long) sorted[0] << 48 | (long) sorted[1] << 32 | (long) sorted[2] << 16 | sorted[3];
    }
}
