package org.nocturne.image.stars;

/**
 * The detection grid with the sky background taken off, computed where it is asked for: no full-frame copy is made.
 * Immutable; safe for many threads.
 */
final class Residual {

    private final DetectionGrid grid;
    private final BackgroundMap background;

    Residual(DetectionGrid grid, BackgroundMap background) {
        this.grid = grid;
        this.background = background;
    }

    /** Grid value minus background at (x, y). */
    float at(int x, int y) {
        return grid.value(x, y) - background.level(x, y);
    }

    /** The grid value at (x, y), background included. */
    float raw(int x, int y) {
        return grid.value(x, y);
    }

    /** See {@link DetectionGrid#touch}: brings the box's memory into the cache at once. */
    int touch(int x0, int y0, int x1, int y1) {
        return grid.touch(x0, y0, x1, y1);
    }

    /**
     * The background near (x, y) as a plane {level, slope in x, slope in y} (per pixel): exact inside a tile cell of
     * the bilinear map, and a close fit across a star's disc, at a fraction of the cost of interpolating every pixel.
     */
    double[] plane(int x, int y) {
        int step = 8;
        double level = background.level(x, y);
        double slopeX = (background.level(Math.min(x + step, grid.width - 1), y) - background.level(Math.max(x - step, 0), y))
                / (Math.min(x + step, grid.width - 1) - Math.max(x - step, 0));
        double slopeY = (background.level(x, Math.min(y + step, grid.height - 1)) - background.level(x, Math.max(y - step, 0)))
                / (Math.min(y + step, grid.height - 1) - Math.max(y - step, 0));
        return new double[] { level, slopeX, slopeY };
    }

    int width() {
        return grid.width;
    }

    int height() {
        return grid.height;
    }
}
