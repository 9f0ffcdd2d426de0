package org.nocturne.solver.builtin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nocturne.core.sky.Equatorial;
import org.nocturne.image.Wcs;

/**
 * Looks the frame's quads up in catalog quad indexes and verifies the solutions they suggest, until one is accepted
 * or the quads run out. Each match of a frame quad with a catalog quad of the same code gives a candidate: the
 * similarity that carries the four frame stars onto the four catalog stars (of whichever parity fits), kept when its
 * scale is allowed and, near a hint, its centre lies within the search radius. Candidates that agree (centre within
 * 3% of the field, rotation within 1.5°, scale within 2%, same parity) are votes for one solution.
 *
 * <p>A solution is verified when it gets its first vote (near a hint, where false matches are rare) or its second
 * (blind, where the whole sky offers many chance look-alikes); blind solutions with one vote are verified after all
 * quads have been looked up, while time remains. Not thread-safe: one per solve attempt.
 */
final class QuadSearch {

    /** What may be solved: pixel scales in radians per pixel, and where the centre may be. */
    record Limits(double lowestScale, double highestScale, Equatorial hint, double radiusDegrees) {
    }

    private static final double CELL_CHORD = Math.toRadians(0.5);
    private static final int MOST_LATE_VERIFICATIONS = 300;

    private final ImageStars image;
    private final ImageQuads quads;
    private final MatchVerifier verifier;
    private final Budget budget;
    private final Limits limits;
    private final boolean verifyFirstVote;
    private final Map<Long, List<Cluster>> clusters = new HashMap<>();
    private final List<Cluster> waiting = new ArrayList<>();

    QuadSearch(ImageStars image, ImageQuads quads, MatchVerifier verifier, Limits limits, boolean verifyFirstVote,
            Budget budget) {
        this.image = image;
        this.quads = quads;
        this.verifier = verifier;
        this.limits = limits;
        this.verifyFirstVote = verifyFirstVote;
        this.budget = budget;
    }

    /** The first verified solution from {@code indexes}, or null when none is found. */
    MatchVerifier.Verdict run(List<QuadIndex> indexes) {
        double shortSide = Math.min(image.width, image.height);
        List<Integer> hits = new ArrayList<>();
        for (int q = 0; q < quads.count; q++) {
            budget.check();
            double[] code = new double[5];
            System.arraycopy(quads.ratios, q * 5, code, 0, 5);
            for (QuadIndex index : indexes) {
                double lowest = Math.max(limits.lowestScale(), index.smallestField / shortSide);
                double highest = Math.min(limits.highestScale(), index.largestField / shortSide);
                if (lowest > highest) {
                    continue;
                }
                hits.clear();
                index.forEachNear(code, quads.tolerance[q], hits::add);
                for (int hit : hits) {
                    MatchVerifier.Verdict verdict = consider(q, index, hit, lowest, highest);
                    if (verdict != null) {
                        return verdict;
                    }
                }
            }
        }
        waiting.sort((a, b) -> Integer.compare(a.firstQuad, b.firstQuad));
        int late = 0;
        for (Cluster cluster : waiting) {
            if (cluster.verifiedAtVotes > 0 || late++ >= MOST_LATE_VERIFICATIONS) {
                continue;
            }
            budget.check();
            cluster.verifiedAtVotes = cluster.votes;
            MatchVerifier.Verdict verdict = verifier.verify(cluster.wcs, cluster.flipped);
            if (verdict != null) {
                return verdict;
            }
        }
        return null;
    }

    private MatchVerifier.Verdict consider(int q, QuadIndex index, int hit, double lowestScale, double highestScale) {
        SkyStars stars = index.stars;
        int[] sky = new int[4];
        for (int r = 0; r < 4; r++) {
            sky[r] = index.member(hit, r);
        }
        double size = 0;
        for (int[] pair : QuadCode.PAIRS) {
            size = Math.max(size, stars.chord(sky[pair[0]], sky[pair[1]]));
        }
        double scale = size / quads.sizePixels[q];
        if (scale < lowestScale || scale > highestScale) {
            return null;
        }
        Candidate candidate = Candidate.of(image, quads, q, stars, sky);
        if (candidate == null) {
            return null;
        }
        Equatorial centre = candidate.wcs.toSky((image.width + 1) / 2.0, (image.height + 1) / 2.0);
        if (limits.hint() != null && centre.separationDegrees(limits.hint()) > limits.radiusDegrees()) {
            return null;
        }
        Cluster cluster = vote(candidate, centre, q);
        int needed = verifyFirstVote ? 1 : 2;
        if (cluster.votes == needed || (cluster.votes == 4 && cluster.verifiedAtVotes < 4)) {
            cluster.verifiedAtVotes = cluster.votes;
            cluster.wcs = candidate.wcs;
            return verifier.verify(candidate.wcs, candidate.flipped);
        }
        return null;
    }

    private Cluster vote(Candidate candidate, Equatorial centre, int q) {
        double[] v = vector(centre);
        double diagonal = Math.toRadians(Math.hypot(image.width, image.height) * candidate.wcs.scaleArcsecPerPixel() / 3600);
        double pa = candidate.wcs.positionAngleDegrees();
        double scale = candidate.wcs.scaleArcsecPerPixel();
        long cx = (long) Math.floor(v[0] / CELL_CHORD);
        long cy = (long) Math.floor(v[1] / CELL_CHORD);
        long cz = (long) Math.floor(v[2] / CELL_CHORD);
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                for (long dz = -1; dz <= 1; dz++) {
                    List<Cluster> list = clusters.get(cellKey(cx + dx, cy + dy, cz + dz));
                    if (list == null) {
                        continue;
                    }
                    for (Cluster cluster : list) {
                        if (cluster.flipped == candidate.flipped && Math.abs(cluster.scale - scale) < 0.02 * scale
                                && Math.abs(Math.IEEEremainder(cluster.pa - pa, 360)) < 1.5
                                && chord(cluster.centre, v) < 0.03 * diagonal) {
                            cluster.votes++;
                            return cluster;
                        }
                    }
                }
            }
        }
        Cluster cluster = new Cluster(v, pa, scale, candidate.flipped, candidate.wcs, q);
        clusters.computeIfAbsent(cellKey(cx, cy, cz), key -> new ArrayList<>()).add(cluster);
        waiting.add(cluster);
        return cluster;
    }

    private static long cellKey(long x, long y, long z) {
        return (x & 0x1fffff) << 42 | (y & 0x1fffff) << 21 | (z & 0x1fffff);
    }

    private static double[] vector(Equatorial place) {
        double cosDec = Math.cos(place.decRadians());
        return new double[] { cosDec * Math.cos(place.raRadians()), cosDec * Math.sin(place.raRadians()),
                Math.sin(place.decRadians()) };
    }

    private static double chord(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    /** Candidates that agree: one possible solution. */
    private static final class Cluster {
        final double[] centre;
        final double pa;
        final double scale;
        final boolean flipped;
        final int firstQuad;
        Wcs wcs;
        int votes = 1;
        int verifiedAtVotes;

        Cluster(double[] centre, double pa, double scale, boolean flipped, Wcs wcs, int firstQuad) {
            this.centre = centre;
            this.pa = pa;
            this.scale = scale;
            this.flipped = flipped;
            this.wcs = wcs;
            this.firstQuad = firstQuad;
        }
    }
}
