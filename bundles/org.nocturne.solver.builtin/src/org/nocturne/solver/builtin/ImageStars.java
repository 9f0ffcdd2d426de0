package org.nocturne.solver.builtin;

import java.util.Arrays;
import java.util.List;

import org.nocturne.image.stars.Star;

/**
 * The detected stars a solve works from: positions in frame pixels (0-based, as {@link Star}), brightest first, with a
 * coarse grid to find the star nearest a point. Immutable and thread-safe.
 */
final class ImageStars {

    private static final int GRID_CELL = 32;

    final double[] x;
    final double[] y;
    final int width;
    final int height;
    private final int columns;
    private final int rows;
    private final int[] cellStart;
    private final int[] cellStars;

    /** The first {@code limit} stars of {@code stars} (a detector's list, brightest first) on a frame of that size. */
    ImageStars(List<Star> stars, int limit, int width, int height) {
        int n = Math.min(limit, stars.size());
        this.x = new double[n];
        this.y = new double[n];
        this.width = width;
        this.height = height;
        for (int i = 0; i < n; i++) {
            x[i] = stars.get(i).x();
            y[i] = stars.get(i).y();
        }
        columns = Math.max(1, (width + GRID_CELL - 1) / GRID_CELL);
        rows = Math.max(1, (height + GRID_CELL - 1) / GRID_CELL);
        cellStart = new int[columns * rows + 1];
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            cellOf[i] = cell(x[i], y[i]);
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < columns * rows; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] fill = Arrays.copyOf(cellStart, cellStart.length);
        cellStars = new int[n];
        for (int i = 0; i < n; i++) {
            cellStars[fill[cellOf[i]]++] = i;
        }
    }

    int count() {
        return x.length;
    }

    double distance(int a, int b) {
        return Math.hypot(x[a] - x[b], y[a] - y[b]);
    }

    /**
     * The star among the first {@code first} nearest to (px, py) within {@code radius} px that {@code taken} does not
     * mark, or -1.
     */
    int nearest(double px, double py, double radius, int first, boolean[] taken) {
        int fromColumn = Math.max(0, (int) Math.floor((px - radius) / GRID_CELL));
        int toColumn = Math.min(columns - 1, (int) Math.floor((px + radius) / GRID_CELL));
        int fromRow = Math.max(0, (int) Math.floor((py - radius) / GRID_CELL));
        int toRow = Math.min(rows - 1, (int) Math.floor((py + radius) / GRID_CELL));
        int best = -1;
        double bestDistance = radius * radius;
        for (int row = fromRow; row <= toRow; row++) {
            for (int column = fromColumn; column <= toColumn; column++) {
                int c = row * columns + column;
                for (int k = cellStart[c]; k < cellStart[c + 1]; k++) {
                    int i = cellStars[k];
                    if (i >= first || taken[i]) {
                        continue;
                    }
                    double dx = x[i] - px;
                    double dy = y[i] - py;
                    double d2 = dx * dx + dy * dy;
                    if (d2 <= bestDistance) {
                        bestDistance = d2;
                        best = i;
                    }
                }
            }
        }
        return best;
    }

    private int cell(double px, double py) {
        int column = Math.max(0, Math.min(columns - 1, (int) Math.floor(px / GRID_CELL)));
        int row = Math.max(0, Math.min(rows - 1, (int) Math.floor(py / GRID_CELL)));
        return row * columns + column;
    }
}
