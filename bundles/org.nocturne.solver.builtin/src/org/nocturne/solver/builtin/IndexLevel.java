package org.nocturne.solver.builtin;

import java.util.ArrayList;
import java.util.List;

import org.nocturne.core.sky.Equatorial;

/**
 * One density of catalog stars for a quad index, and the field sizes it serves. Its stars are the brightest
 * {@value #PER_CELL} of each cell of side {@code cellSide}, so that a frame whose short side is 4/3 of the cell holds
 * 16 or more of them (at a 3:2 aspect ratio) wherever the catalog is that deep. Levels come in steps of
 * {@value #BAND_RATIO} in cell size, and each serves fields over two steps, so every field size is served by two
 * densities: the frame's brightest 15–120 stars then match one of them even when its brightest stars are saturated
 * or it is shallower or deeper than expected. Immutable.
 *
 * @param cellSide the side of the cells the stars are thinned in, radians
 * @param smallestSide the smallest field short side served, radians
 * @param largestSide the largest, radians
 * @param neighbours how many nearest neighbours each star's quads draw on
 */
record IndexLevel(double cellSide, double smallestSide, double largestSide, int neighbours) {

    static final double BAND_RATIO = 2.4;
    static final int PER_CELL = 6;
    /** How far a star's neighbours are looked for, in cell sides: enough for the four or five nearest. */
    private static final double REACH_CELLS = 2.5;

    /**
     * The levels serving short sides from {@code smallestSide} to {@code largestSide} (radians); with {@code denser},
     * the smallest sides are served by a level one step denser as well.
     */
    static List<IndexLevel> covering(double smallestSide, double largestSide, int neighbours, boolean denser) {
        List<IndexLevel> levels = new ArrayList<>();
        double side = denser ? smallestSide / BAND_RATIO : smallestSide;
        do {
            double upper = side * BAND_RATIO;
            levels.add(new IndexLevel(0.75 * side, side / 1.05, upper * BAND_RATIO * 1.05, neighbours));
            side = upper;
        } while (side < largestSide);
        return levels;
    }

    /** The index of this level over the stars of {@code region} within {@code radiusDegrees} of {@code centre}. */
    QuadIndex build(SkyStars.Region region, Equatorial centre, double radiusDegrees, Budget budget) {
        SkyStars stars = SkyStars.select(region, centre, radiusDegrees,
                new SkyStars.Density(Math.toDegrees(cellSide), PER_CELL), budget);
        return QuadIndex.build(stars, neighbours, REACH_CELLS * cellSide, smallestSide, largestSide, budget);
    }
}
