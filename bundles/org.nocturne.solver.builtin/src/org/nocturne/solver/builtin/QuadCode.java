package org.nocturne.solver.builtin;

import java.util.Arrays;

/**
 * The shape of four stars, ASTAP-style: their six separations sorted from the longest, and the five shorter ones
 * divided by the longest. The five ratios do not change when the four stars are moved, turned, scaled or mirrored, so
 * the same asterism gives the same code on the frame and on the sky whatever the frame's scale, rotation and parity.
 * The members are put in a canonical order (by the sum of their separations to the other three, smallest first), which
 * is also unchanged by those moves, so that matched quads pair their stars one to one.
 *
 * <p>Separations are given in the order of {@link #PAIRS}. Not thread-safe: one instance per thread, reused.
 */
final class QuadCode {

    /** The member pairs whose separations make up a code, in the order they are given. */
    static final int[][] PAIRS = { { 0, 1 }, { 0, 2 }, { 0, 3 }, { 1, 2 }, { 1, 3 }, { 2, 3 } };

    /** The code: the five ratios, longest first. */
    final double[] ratios = new double[5];
    /** The members' indices (0–3) in canonical order. */
    final int[] order = new int[4];
    /** The longest separation, in the units given. */
    double size;

    private final double[] sorted = new double[6];
    private final double[] sums = new double[4];

    /** Computes the code of four members with the separations {@code separations} (in the order of {@link #PAIRS}). */
    void compute(double[] separations) {
        System.arraycopy(separations, 0, sorted, 0, 6);
        for (int i = 1; i < 6; i++) {
            double value = sorted[i];
            int j = i;
            for (; j > 0 && sorted[j - 1] > value; j--) {
                sorted[j] = sorted[j - 1];
            }
            sorted[j] = value;
        }
        size = sorted[5];
        for (int i = 0; i < 5; i++) {
            ratios[i] = size > 0 ? sorted[4 - i] / size : 0;
        }
        Arrays.fill(sums, 0);
        for (int p = 0; p < 6; p++) {
            sums[PAIRS[p][0]] += separations[p];
            sums[PAIRS[p][1]] += separations[p];
        }
        for (int i = 0; i < 4; i++) {
            order[i] = i;
        }
        for (int i = 1; i < 4; i++) {
            for (int j = i; j > 0 && sums[order[j]] < sums[order[j - 1]]; j--) {
                int swap = order[j];
                order[j] = order[j - 1];
                order[j - 1] = swap;
            }
        }
    }
}
