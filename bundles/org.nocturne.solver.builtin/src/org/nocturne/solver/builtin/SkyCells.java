package org.nocturne.solver.builtin;

import java.util.function.IntConsumer;

/**
 * The sky cut into cells of about equal area: declination rings of equal height, each cut into as many right-ascension
 * cells as make them about as wide as they are high (one cell at a pole). Used to keep the brightest stars per cell, so
 * that the kept stars have about the same density everywhere, and to find stars near a place. Immutable.
 */
final class SkyCells {

    private final double ringHeight;
    private final int[] ringStart;
    private final int[] ringCells;

    /** @param cellDegrees the side of a cell, degrees */
    SkyCells(double cellDegrees) {
        int rings = Math.max(1, (int) Math.ceil(180 / cellDegrees));
        ringHeight = Math.PI / rings;
        ringStart = new int[rings + 1];
        ringCells = new int[rings];
        for (int i = 0; i < rings; i++) {
            double middle = -Math.PI / 2 + (i + 0.5) * ringHeight;
            ringCells[i] = Math.max(1, (int) Math.round(2 * Math.PI * Math.cos(middle) / ringHeight));
            ringStart[i + 1] = ringStart[i] + ringCells[i];
        }
    }

    int count() {
        return ringStart[ringStart.length - 1];
    }

    /** The cell holding the place, both angles in radians. */
    int cellOf(double raRadians, double decRadians) {
        int ring = ringOf(decRadians);
        int n = ringCells[ring];
        int column = (int) Math.floor(raRadians / (2 * Math.PI) * n);
        return ringStart[ring] + Math.floorMod(column, n);
    }

    /** Visits every cell that may hold a place within {@code radius} radians of the place; each cell once. */
    void forEachCellNear(double raRadians, double decRadians, double radius, IntConsumer visitor) {
        int first = ringOf(decRadians - radius);
        int last = ringOf(decRadians + radius);
        for (int ring = first; ring <= last; ring++) {
            int n = ringCells[ring];
            double low = -Math.PI / 2 + ring * ringHeight;
            double high = low + ringHeight;
            double widest = Math.max(Math.abs(Math.max(low, decRadians - radius)), Math.abs(Math.min(high, decRadians + radius)));
            double cos = Math.cos(widest);
            if (n == 1 || cos * Math.PI <= radius) {
                for (int j = 0; j < n; j++) {
                    visitor.accept(ringStart[ring] + j);
                }
                continue;
            }
            double halfWidth = Math.min(Math.PI, Math.asin(Math.min(1, Math.sin(radius) / cos)) + 1e-9);
            int from = (int) Math.floor((raRadians - halfWidth) / (2 * Math.PI) * n);
            int to = (int) Math.floor((raRadians + halfWidth) / (2 * Math.PI) * n);
            if (to - from + 1 >= n) {
                from = 0;
                to = n - 1;
            }
            for (int column = from; column <= to; column++) {
                visitor.accept(ringStart[ring] + Math.floorMod(column, n));
            }
        }
    }

    private int ringOf(double decRadians) {
        int ring = (int) Math.floor((decRadians + Math.PI / 2) / ringHeight);
        return Math.max(0, Math.min(ringCells.length - 1, ring));
    }
}
