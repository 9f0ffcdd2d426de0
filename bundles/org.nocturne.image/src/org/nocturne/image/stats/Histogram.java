package org.nocturne.image.stats;

/**
 * Counts of each 16-bit value, from which order statistics are exact: the median and the median absolute deviation of
 * a whole frame come from two passes over 65,536 bins instead of sorting millions of pixels.
 */
public final class Histogram {

    /** One bin per 16-bit value. */
    public static final int BINS = 65536;

    private final long[] counts;
    private final long total;

    private Histogram(long[] counts, long total) {
        this.counts = counts;
        this.total = total;
    }

    /** Pixels counted per task when a histogram is built in parallel. */
    private static final int CHUNK = 1 << 22;

    /** The histogram of every pixel; large frames are counted in parallel chunks (common fork-join pool). */
    public static Histogram of(short[] pixels) {
        int chunks = (pixels.length + CHUNK - 1) / CHUNK;
        long[] counts = java.util.stream.IntStream.range(0, chunks).parallel().mapToObj(c -> {
            int[] partial = new int[BINS];
            int end = Math.min(pixels.length, (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < end; i++) {
                partial[pixels[i] & 0xFFFF]++;
            }
            return partial;
        }).collect(() -> new long[BINS], (sum, partial) -> {
            for (int v = 0; v < BINS; v++) {
                sum[v] += partial[v];
            }
        }, (a, b) -> {
            for (int v = 0; v < BINS; v++) {
                a[v] += b[v];
            }
        });
        return new Histogram(counts, pixels.length);
    }

    public long total() {
        return total;
    }

    /** How many pixels have exactly {@code value}. */
    public long count(int value) {
        return counts[value];
    }

    /** A copy of the counts, indexed by value. */
    public long[] counts() {
        return counts.clone();
    }

    /** The exact median (the mean of the two middle values when the count is even). */
    public double median() {
        return (valueAtRank((total - 1) / 2) + valueAtRank(total / 2)) / 2.0;
    }

    /**
     * The exact median absolute deviation from the median: the bins are taken in order of their distance from the
     * median, walking outwards on both sides, until the middle rank is reached.
     */
    public double medianAbsoluteDeviation() {
        if (total == 0) {
            return BINS;
        }
        // Distances |v - median| are multiples of 1/2: count them in whole half-units.
        long twiceMedian = Math.round(median() * 2);
        int below = (int) (twiceMedian / 2);
        int above = below + 1;
        long lowerRank = (total - 1) / 2;
        long upperRank = total / 2;
        long seen = 0;
        long lowerDistance = -1;
        while (true) {
            long down = below >= 0 ? twiceMedian - 2L * below : Long.MAX_VALUE;
            long up = above < BINS ? 2L * above - twiceMedian : Long.MAX_VALUE;
            long distance;
            if (down <= up) {
                distance = down;
                seen += counts[below--];
            } else {
                distance = up;
                seen += counts[above++];
            }
            if (lowerDistance < 0 && seen > lowerRank) {
                lowerDistance = distance;
            }
            if (seen > upperRank) {
                return (lowerDistance + distance) / 4.0;
            }
        }
    }

    /** The smallest value whose cumulative count exceeds {@code rank} (0-based). */
    public int valueAtRank(long rank) {
        return rank(counts, rank);
    }

    private static int rank(long[] counts, long rank) {
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen > rank) {
                return i;
            }
        }
        return counts.length - 1;
    }
}
