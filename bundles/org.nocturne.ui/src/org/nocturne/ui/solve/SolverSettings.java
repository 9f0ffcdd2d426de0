package org.nocturne.ui.solve;

import java.time.Duration;
import java.util.List;

import org.nocturne.solver.api.ChainStep;
import org.nocturne.solver.api.SolveRequest;
import org.osgi.service.prefs.Preferences;

/**
 * How the user wants frames solved: the solver chain, the search radius around the mount's position, the tolerance on
 * the pixel scale the profile gives, and each solver's time limit. Immutable.
 */
public record SolverSettings(List<ChainStep> chain, double searchRadiusDegrees, double scaleTolerance, Duration timeLimit) {

    public static final SolverSettings DEFAULT = new SolverSettings(ChainStep.DEFAULT,
            SolveRequest.DEFAULT_SEARCH_RADIUS_DEGREES, SolveRequest.DEFAULT_SCALE_TOLERANCE, SolveRequest.DEFAULT_TIME_LIMIT);

    private static final String CHAIN = "solver.chain";
    private static final String RADIUS = "solver.searchRadiusDegrees";
    private static final String TOLERANCE = "solver.scaleTolerance";
    private static final String TIME_LIMIT = "solver.timeLimitSeconds";

    /** @throws IllegalArgumentException naming the first setting out of range */
    public SolverSettings {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("The solver chain needs at least one step");
        }
        if (!(searchRadiusDegrees > 0 && searchRadiusDegrees <= 180)) {
            throw new IllegalArgumentException("Search radius " + searchRadiusDegrees + "° must be above 0° and at most 180°");
        }
        if (!(scaleTolerance >= 0 && scaleTolerance < 1)) {
            throw new IllegalArgumentException("Scale tolerance " + scaleTolerance + " must be at least 0 and below 1");
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("Time limit " + timeLimit + " must be positive");
        }
    }

    public SolverSettings withChain(List<ChainStep> value) {
        return new SolverSettings(value, searchRadiusDegrees, scaleTolerance, timeLimit);
    }

    /** {@code request} with these settings' radius, scale tolerance and time limit. */
    public SolveRequest applyTo(SolveRequest request) {
        SolveRequest configured = request.withTimeLimit(timeLimit);
        if (request.hint() != null) {
            configured = configured.withHint(request.hint(), searchRadiusDegrees);
        }
        if (request.scale() != null) {
            configured = configured.withScale(request.scale().arcsecPerPixel(), scaleTolerance);
        }
        return configured;
    }

    /** The settings saved in {@code node}, or the defaults for what is missing or no longer valid. */
    static SolverSettings read(Preferences node) {
        try {
            return new SolverSettings(ChainStep.parse(node.get(CHAIN, ChainStep.format(DEFAULT.chain))),
                    node.getDouble(RADIUS, DEFAULT.searchRadiusDegrees), node.getDouble(TOLERANCE, DEFAULT.scaleTolerance),
                    Duration.ofMillis(Math.round(node.getDouble(TIME_LIMIT, DEFAULT.timeLimit.toMillis() / 1000.0) * 1000)));
        } catch (IllegalArgumentException corrupt) {
            return DEFAULT;
        }
    }

    void write(Preferences node) {
        node.put(CHAIN, ChainStep.format(chain));
        node.putDouble(RADIUS, searchRadiusDegrees);
        node.putDouble(TOLERANCE, scaleTolerance);
        node.putDouble(TIME_LIMIT, timeLimit.toMillis() / 1000.0);
    }
}
