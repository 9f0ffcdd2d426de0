package org.nocturne.image.stars;

import java.util.ArrayList;
import java.util.List;

/** Candidate peaks bucketed on a coarse grid, to find the ones near a pixel quickly (for deblending). */
final class PeakIndex {

    private final int cell;
    private final int columns;
    private final int rows;
    private final List<List<int[]>> buckets;

    PeakIndex(List<int[]> peaks, int width, int height, int radius) {
        this.cell = Math.max(8, radius);
        this.columns = width / cell + 1;
        this.rows = height / cell + 1;
        this.buckets = new ArrayList<>(columns * rows);
        for (int i = 0; i < columns * rows; i++) {
            buckets.add(new ArrayList<>(2));
        }
        for (int[] peak : peaks) {
            buckets.get((peak[1] / cell) * columns + peak[0] / cell).add(peak);
        }
    }

    /** The peaks other than {@code self} within twice {@code radius} of it: those that may claim pixels of its disc. */
    List<int[]> neighbours(int[] self, int radius) {
        List<int[]> found = new ArrayList<>();
        int reach = 2 * radius;
        int c0 = Math.max(0, (self[0] - reach) / cell);
        int c1 = Math.min(columns - 1, (self[0] + reach) / cell);
        int r0 = Math.max(0, (self[1] - reach) / cell);
        int r1 = Math.min(rows - 1, (self[1] + reach) / cell);
        long r2 = (long) radius * radius;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                for (int[] other : buckets.get(r * columns + c)) {
                    long dx = other[0] - self[0];
                    long dy = other[1] - self[1];
                    if (other != self && dx * dx + dy * dy <= r2 * 4) {
                        found.add(other);
                    }
                }
            }
        }
        return found;
    }
}
