package org.nocturne.solver.benchmark;

import java.time.Duration;

import org.nocturne.solver.api.SolveRequest;

/** How the benchmark asks a solver to search, with the target each is held to (../shared/docs/performance.md). */
enum Search {

    /** Near a hint up to {@link FieldSet#HINT_ERROR_DEGREES} off, within 3°, scale ±10%. */
    NEAR("near", "T6: ≤ 50 ms p50, ≤ 150 ms p95", Duration.ofSeconds(30)),
    /** No position, scale ±20%. */
    BLIND_WITH_SCALE("blind, scale ±20%", "T7: ≤ 0.5 s p50, ≤ 2 s p95", Duration.ofSeconds(30)),
    /** No position and no scale: 0.1–20″/px as far as the solver can tell. */
    BLIND("blind, no scale", "T8: ≤ 1.5 s p50, ≤ 5 s p95", Duration.ofSeconds(30));

    private static final double NEAR_RADIUS_DEGREES = 3;

    private final String label;
    private final String target;
    private final Duration timeLimit;

    Search(String label, String target, Duration timeLimit) {
        this.label = label;
        this.target = target;
        this.timeLimit = timeLimit;
    }

    String label() {
        return label;
    }

    /** The performance target, and the quality one every mode shares (T9). */
    String target() {
        return target + "; T9: ≥ 99% correct, 0 false";
    }

    SolveRequest request(FieldSet.Field field) {
        SolveRequest request = SolveRequest.ofStars(FieldSet.WIDTH, FieldSet.HEIGHT, field.stars()).withTimeLimit(timeLimit);
        return switch (this) {
            case NEAR -> request.withHint(field.hint(), NEAR_RADIUS_DEGREES).withScale(field.arcsecPerPixel(), 0.1);
            case BLIND_WITH_SCALE -> request.withScale(field.arcsecPerPixel(), 0.2);
            case BLIND -> request;
        };
    }
}
