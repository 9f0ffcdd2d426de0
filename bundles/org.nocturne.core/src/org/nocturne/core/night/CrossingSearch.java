package org.nocturne.core.night;

import java.time.Instant;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import java.util.function.LongToDoubleFunction;

/**
 * Finds when a quantity sampled on the night's grid first crosses a level, then pins the instant down on an exact
 * function of time: bisection until the bracket is under {@value #BRACKET_MILLIS} ms, then linear interpolation inside
 * it. Altitudes are smooth enough that the interpolation leaves well under a second (about 0.1 s for the Sun). A
 * crossing and its return within one sample step are not seen. Immutable; as thread-safe as the exact function.
 */
final class CrossingSearch {

    private static final long BRACKET_MILLIS = 40_000;

    private final NightGrid grid;
    private final IntToDoubleFunction sampled;
    private final LongToDoubleFunction exact;

    /**
     * @param grid the sample times
     * @param sampled the quantity at sample i
     * @param exact the same quantity, computed accurately at an epoch millisecond
     */
    CrossingSearch(NightGrid grid, IntToDoubleFunction sampled, LongToDoubleFunction exact) {
        this.grid = grid;
        this.sampled = sampled;
        this.exact = exact;
    }

    /** The first instant between samples {@code from} and {@code to} when the quantity passes the level. */
    Optional<Instant> first(double level, boolean upward, int from, int to) {
        for (int i = from; i < to; i++) {
            boolean belowBefore = sampled.applyAsDouble(i) < level;
            boolean belowAfter = sampled.applyAsDouble(i + 1) < level;
            if (belowBefore != belowAfter && belowBefore == upward) {
                return Optional.of(Instant.ofEpochMilli(refine(grid.millis(i), grid.millis(i + 1), level)));
            }
        }
        return Optional.empty();
    }

    private long refine(long start, long end, double level) {
        double atStart = exact.applyAsDouble(start) - level;
        double atEnd = exact.applyAsDouble(end) - level;
        if (Math.signum(atStart) == Math.signum(atEnd)) {
            return Math.abs(atStart) <= Math.abs(atEnd) ? start : end;
        }
        while (end - start > BRACKET_MILLIS) {
            long middle = start + (end - start) / 2;
            double atMiddle = exact.applyAsDouble(middle) - level;
            if (Math.signum(atMiddle) == Math.signum(atStart)) {
                start = middle;
                atStart = atMiddle;
            } else {
                end = middle;
                atEnd = atMiddle;
            }
        }
        return start + Math.round((end - start) * atStart / (atStart - atEnd));
    }
}
