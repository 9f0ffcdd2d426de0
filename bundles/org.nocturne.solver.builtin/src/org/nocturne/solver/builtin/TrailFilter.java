package org.nocturne.solver.builtin;

import java.util.ArrayList;
import java.util.List;

import org.nocturne.image.stars.Star;

/**
 * Removes the detections a satellite or aircraft trail leaves: points strung along a straight line. Among the
 * brightest {@value #EXAMINED} stars, a line through two of them that passes within {@value #WIDTH} px of enough
 * others is a trail, and every star within {@value #WIDTH} px of it is dropped. Enough means {@value #FEWEST_POINTS}
 * points or more, and more on a crowded frame: as many as make the chance that scattered stars line up so anywhere on
 * the frame below 1%. Stateless.
 */
final class TrailFilter {

    static final int EXAMINED = 150;
    static final int FEWEST_POINTS = 8;
    static final double WIDTH = 1.5;
    private static final double SHORTEST_BASE = 30;

    private TrailFilter() {
    }

    /** {@code stars} (brightest first) without the detections on trails, in the same order. */
    static List<Star> withoutTrails(List<Star> stars, int width, int height) {
        int n = Math.min(EXAMINED, stars.size());
        double lambda = n * 2 * WIDTH * Math.hypot(width, height) / ((double) width * height);
        double pairs = n * (n - 1) / 2.0;
        int points = FEWEST_POINTS;
        while (Math.log10(pairs) + MatchVerifier.log10PoissonTail(points - 2, lambda) > -2) {
            points++;
        }
        List<double[]> trails = new ArrayList<>();
        boolean[] onTrail = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (onTrail[i]) {
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                if (onTrail[j]) {
                    continue;
                }
                double[] line = line(stars.get(i), stars.get(j));
                if (line == null) {
                    continue;
                }
                int count = 0;
                for (int k = 0; k < n; k++) {
                    if (distance(line, stars.get(k)) <= WIDTH) {
                        count++;
                    }
                }
                if (count >= points) {
                    trails.add(line);
                    for (int k = 0; k < n; k++) {
                        onTrail[k] |= distance(line, stars.get(k)) <= WIDTH;
                    }
                    break;
                }
            }
        }
        if (trails.isEmpty()) {
            return stars;
        }
        List<Star> kept = new ArrayList<>(stars.size());
        for (Star star : stars) {
            boolean trail = false;
            for (double[] line : trails) {
                trail |= distance(line, star) <= WIDTH;
            }
            if (!trail) {
                kept.add(star);
            }
        }
        return kept;
    }

    /** The line through two stars as {a, b, c} with a·x + b·y + c = 0 and a² + b² = 1, or null when they are close. */
    private static double[] line(Star p, Star q) {
        double dx = q.x() - p.x();
        double dy = q.y() - p.y();
        double length = Math.hypot(dx, dy);
        if (length < SHORTEST_BASE) {
            return null;
        }
        double a = -dy / length;
        double b = dx / length;
        return new double[] { a, b, -(a * p.x() + b * p.y()) };
    }

    private static double distance(double[] line, Star star) {
        return Math.abs(line[0] * star.x() + line[1] * star.y() + line[2]);
    }
}
