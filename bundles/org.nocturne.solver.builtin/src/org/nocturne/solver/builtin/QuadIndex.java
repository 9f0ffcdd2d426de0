package org.nocturne.solver.builtin;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Quads of catalog stars, looked up by their {@link QuadCode}. Each star of a {@link SkyStars} selection makes a quad
 * with every three of its {@code neighbours} nearest neighbours (the same rule the frame's quads follow, with more
 * neighbours there to allow for missing and spurious stars). Codes are binned per ratio into 64 bins and the quads
 * sorted by the packed bins, so a lookup is a few binary searches. A quad costs 29 bytes. Builds on the common
 * fork-join pool. Immutable and thread-safe.
 */
final class QuadIndex {

    /** Receives the quads whose code is close to the one looked up. */
    interface QuadVisitor {
        void quad(int quad);
    }

    private static final int BINS = 64;
    private static final double RATIO_STEP = 1.0 / 250;

    final SkyStars stars;
    /** Field short sides this index is meant for, radians: quads from frames outside are not looked for. */
    final double smallestField;
    final double largestField;
    /** The quads' binned codes, sorted. */
    private final int[] keys;
    /** Where the quad of each key is stored in {@link #ratios} (five a quad) and {@link #members} (four a quad). */
    private final int[] slots;
    private final byte[] ratios;
    private final int[] members;

    private QuadIndex(SkyStars stars, double smallestField, double largestField, int[] keys, int[] slots, byte[] ratios,
            int[] members) {
        this.stars = stars;
        this.smallestField = smallestField;
        this.largestField = largestField;
        this.keys = keys;
        this.slots = slots;
        this.ratios = ratios;
        this.members = members;
    }

    int size() {
        return keys.length;
    }

    /** The catalog star that is member {@code rank} (canonical order) of {@code quad}. */
    int member(int quad, int rank) {
        return members[slots[quad] * 4 + rank];
    }

    /**
     * Builds the quads of {@code stars}.
     *
     * @param neighbours how many nearest neighbours of each star its quads draw on (3 gives one quad a star)
     * @param reach how far (chord, about radians) neighbours are looked for
     * @param smallestField the shortest field side (radians) the index serves
     * @param largestField the longest field short side (radians) it serves; quads larger than this are left out
     */
    static QuadIndex build(SkyStars stars, int neighbours, double reach, double smallestField, double largestField,
            Budget budget) {
        int n = stars.size();
        int perStar = neighbours * (neighbours - 1) * (neighbours - 2) / 6;
        int capacity = n * perStar;
        int[] rawMembers = new int[capacity * 4];
        byte[] rawRatios = new byte[capacity * 5];
        int[] rawKeys = new int[capacity];
        int[] neighbourTable = new int[n * neighbours];
        int[] neighbourCount = new int[n];
        int chunks = Math.max(1, n / 4096);
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int[] nearest = new int[neighbours];
            double[] nearestChord = new double[neighbours];
            for (int s = (int) ((long) n * chunk / chunks); s < (long) n * (chunk + 1) / chunks; s++) {
                neighbourCount[s] = nearestNeighbours(stars, s, reach, nearest, nearestChord);
                System.arraycopy(nearest, 0, neighbourTable, s * neighbours, neighbourCount[s]);
            }
            budget.check();
        });
        Arrays.fill(rawKeys, -1);
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            QuadCode code = new QuadCode();
            double[] separations = new double[6];
            int[] quad = new int[4];
            for (int s = (int) ((long) n * chunk / chunks); s < (long) n * (chunk + 1) / chunks; s++) {
                int found = neighbourCount[s];
                int base = s * neighbours;
                int slot = s * perStar;
                for (int a = 0; a < found; a++) {
                    for (int b = a + 1; b < found; b++) {
                        for (int c = b + 1; c < found; c++, slot++) {
                            quad[0] = s;
                            quad[1] = neighbourTable[base + a];
                            quad[2] = neighbourTable[base + b];
                            quad[3] = neighbourTable[base + c];
                            if (madeEarlier(quad, neighbourTable, neighbourCount, neighbours)) {
                                continue;
                            }
                            for (int p = 0; p < 6; p++) {
                                separations[p] = stars.chord(quad[QuadCode.PAIRS[p][0]], quad[QuadCode.PAIRS[p][1]]);
                            }
                            code.compute(separations);
                            if (code.size > largestField || code.size <= 0) {
                                continue;
                            }
                            for (int r = 0; r < 4; r++) {
                                rawMembers[slot * 4 + r] = quad[code.order[r]];
                            }
                            for (int r = 0; r < 5; r++) {
                                rawRatios[slot * 5 + r] = (byte) Math.round(code.ratios[r] / RATIO_STEP);
                            }
                            rawKeys[slot] = key(code.ratios);
                        }
                    }
                }
            }
            budget.check();
        });
        int count = 0;
        for (int q = 0; q < capacity; q++) {
            if (rawKeys[q] >= 0) {
                rawKeys[count] = rawKeys[q];
                System.arraycopy(rawRatios, q * 5, rawRatios, count * 5, 5);
                System.arraycopy(rawMembers, q * 4, rawMembers, count * 4, 4);
                count++;
            }
        }
        byte[] ratios = Arrays.copyOf(rawRatios, count * 5);
        int[] members = Arrays.copyOf(rawMembers, count * 4);
        long[] byKey = new long[count];
        for (int q = 0; q < count; q++) {
            byKey[q] = (long) rawKeys[q] << 32 | q;
        }
        Arrays.parallelSort(byKey);
        budget.check();
        int[] keys = new int[count];
        int[] slots = new int[count];
        for (int k = 0; k < count; k++) {
            keys[k] = (int) (byKey[k] >>> 32);
            slots[k] = (int) byKey[k];
        }
        return new QuadIndex(stars, smallestField, largestField, keys, slots, ratios, members);
    }

    /**
     * Visits every quad whose ratios are each within {@code tolerance} (at most one bin, 1/64) of {@code code}'s.
     */
    void forEachNear(double[] code, double tolerance, QuadVisitor visitor) {
        int[] low = new int[5];
        int[] high = new int[5];
        for (int i = 0; i < 5; i++) {
            low[i] = bin(code[i] - tolerance);
            high[i] = bin(code[i] + tolerance);
        }
        int[] bin = new int[5];
        visitBins(0, low, high, bin, code, tolerance, visitor);
    }

    private void visitBins(int dimension, int[] low, int[] high, int[] bin, double[] code, double tolerance,
            QuadVisitor visitor) {
        if (dimension == 5) {
            int key = 0;
            for (int i = 0; i < 5; i++) {
                key = key * BINS + bin[i];
            }
            int at = Arrays.binarySearch(keys, key);
            if (at < 0) {
                return;
            }
            while (at > 0 && keys[at - 1] == key) {
                at--;
            }
            for (; at < keys.length && keys[at] == key; at++) {
                if (close(at, code, tolerance)) {
                    visitor.quad(at);
                }
            }
            return;
        }
        for (int b = low[dimension]; b <= high[dimension]; b++) {
            bin[dimension] = b;
            visitBins(dimension + 1, low, high, bin, code, tolerance, visitor);
        }
    }

    private boolean close(int quad, double[] code, double tolerance) {
        double allowed = tolerance + RATIO_STEP / 2;
        int slot = slots[quad];
        for (int i = 0; i < 5; i++) {
            if (Math.abs((ratios[slot * 5 + i] & 0xff) * RATIO_STEP - code[i]) > allowed) {
                return false;
            }
        }
        return true;
    }

    private static int key(double[] code) {
        int key = 0;
        for (int i = 0; i < 5; i++) {
            key = key * BINS + bin(code[i]);
        }
        return key;
    }

    private static int bin(double ratio) {
        return Math.max(0, Math.min(BINS - 1, (int) Math.floor(ratio * BINS)));
    }

    /**
     * The up to {@code nearest.length} nearest neighbours within {@code reach}, nearest first; returns how many. Looks
     * within a third of the reach first, which is enough where the selection is full.
     */
    private static int nearestNeighbours(SkyStars stars, int star, double reach, int[] nearest, double[] chords) {
        int found = nearestNeighboursWithin(stars, star, reach / 3, nearest, chords);
        return found == nearest.length ? found : nearestNeighboursWithin(stars, star, reach, nearest, chords);
    }

    private static int nearestNeighboursWithin(SkyStars stars, int star, double reach, int[] nearest, double[] chords) {
        int[] found = { 0 };
        stars.forEachNeighbour(star, reach, (other, chord) -> {
            int k = found[0];
            if (k == nearest.length && chord >= chords[k - 1]) {
                return;
            }
            int at = k == nearest.length ? k - 1 : k;
            while (at > 0 && chords[at - 1] > chord) {
                nearest[at] = nearest[at - 1];
                chords[at] = chords[at - 1];
                at--;
            }
            nearest[at] = other;
            chords[at] = chord;
            if (k < nearest.length) {
                found[0]++;
            }
        });
        return found[0];
    }

    /**
     * Whether a member listed before {@code quad[0]} (a lower index) has the other three among its nearest neighbours,
     * so that the same quad was made when that member's neighbours were combined.
     */
    private static boolean madeEarlier(int[] quad, int[] neighbourTable, int[] neighbourCount, int neighbours) {
        for (int m = 1; m < 4; m++) {
            int member = quad[m];
            if (member > quad[0]) {
                continue;
            }
            int others = 0;
            for (int j = 0; j < 4; j++) {
                if (j != m && contains(neighbourTable, member * neighbours, neighbourCount[member], quad[j])) {
                    others++;
                }
            }
            if (others == 3) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(int[] table, int from, int count, int value) {
        for (int i = from; i < from + count; i++) {
            if (table[i] == value) {
                return true;
            }
        }
        return false;
    }
}
