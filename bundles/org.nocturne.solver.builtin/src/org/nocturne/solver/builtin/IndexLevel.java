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
 * or it is shallower or deeper than expected.
 *
 * <p>Levels of wide cells ({@value #WIDE_CELL_DEGREES}° and more, for fields over about 2°) draw their quads on more
 * neighbours. Such fields are undersampled (a star's half-flux radius a third of a pixel at 6″/px), and the detector
 * takes most of their stars for hot pixels: at 6″/px on a 3008×2008 sensor it keeps only about a quarter of the
 * catalog stars, more or less at random whatever their brightness. A quad is found only when all four of its stars
 * are detected, about 1 in 250 then, so these levels need several times as many quads a star; having few stars, they
 * can afford them. Immutable.
 *
 * @param cellSide the side of the cells the stars are thinned in, radians
 * @param smallestSide the smallest field short side served, radians
 * @param largestSide the largest, radians
 * @param neighbours how many nearest neighbours each star's quads draw on
 */
record IndexLevel(double cellSide, double smallestSide, double largestSide, int neighbours) {

    static final double BAND_RATIO = 2.4;
    static final int PER_CELL = 6;
    static final double WIDE_CELL_DEGREES = 0.5;
    /** How far a star's neighbours are looked for, in cell sides: enough for the eight nearest. */
    private static final double REACH_CELLS = 2.5;

    /**
     * The levels serving short sides from {@code smallestSide} to {@code largestSide} (radians); with {@code denser},
     * the smallest sides are served by a level one step denser as well. Quads draw on {@code neighbours} nearest
     * neighbours, or {@code wideNeighbours} in levels of wide cells.
     */
    static List<IndexLevel> covering(double smallestSide, double largestSide, int neighbours, int wideNeighbours,
            boolean denser) {
        List<IndexLevel> levels = new ArrayList<>();
        double side = denser ? smallestSide / BAND_RATIO : smallestSide;
        do {
            double upper = side * BAND_RATIO;
            double cellSide = 0.75 * side;
            levels.add(new IndexLevel(cellSide, side / 1.05, upper * BAND_RATIO * 1.05,
                    cellSide >= Math.toRadians(WIDE_CELL_DEGREES) ? wideNeighbours : neighbours));
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
