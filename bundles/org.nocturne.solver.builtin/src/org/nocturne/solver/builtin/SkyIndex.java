package org.nocturne.solver.builtin;

import java.util.List;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;

/**
 * The whole-sky quad index for blind solving: {@link IndexLevel} bands for fields whose short side is
 * {@value #SMALLEST_SIDE_DEGREES}° to {@value #LARGEST_SIDE_DEGREES}° (frames about 0.5° to 5° wide and more), each
 * star with every three of its four nearest neighbours (five in the levels of wide cells, see {@link IndexLevel}).
 * Built once from the catalog (a few seconds, a few hundred MB) and shared by every blind solve after; the levels
 * build side by side on the common fork-join pool. Immutable and thread-safe.
 */
final class SkyIndex {

    static final double SMALLEST_SIDE_DEGREES = 0.3;
    static final double LARGEST_SIDE_DEGREES = 5;
    private static final int NEIGHBOURS = 4;
    private static final int WIDE_NEIGHBOURS = 5;

    final List<QuadIndex> levels;
    private SkyIndex(List<QuadIndex> levels) {
        this.levels = List.copyOf(levels);
    }

    /** Builds the index; {@code budget} may stop the build, and then nothing is kept. */
    static SkyIndex build(StarCatalog catalog, Budget budget) {
        SkyStars.Region sky = SkyStars.Region.of(catalog, new Equatorial(0, 0), 180);
        List<QuadIndex> levels = IndexLevel.covering(Math.toRadians(SMALLEST_SIDE_DEGREES),
                Math.toRadians(LARGEST_SIDE_DEGREES), NEIGHBOURS, WIDE_NEIGHBOURS, false).parallelStream()
                .map(level -> level.build(sky, new Equatorial(0, 0), 180, budget)).toList();
        return new SkyIndex(levels);
    }
}
