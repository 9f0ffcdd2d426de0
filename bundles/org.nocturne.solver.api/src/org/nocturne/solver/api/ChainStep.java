package org.nocturne.solver.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One step of a {@link SolverChain}: which solver, searching how.
 *
 * @param solverId the {@link PlateSolver#id()} of the solver
 * @param mode near the hint, or blind
 */
public record ChainStep(String solverId, SolveMode mode) {

    /** The chain a new installation starts with: the built-in solver near the hint, then blind. */
    public static final List<ChainStep> DEFAULT = List.of(new ChainStep("builtin", SolveMode.NEAR),
            new ChainStep("builtin", SolveMode.BLIND));

    public ChainStep {
        Objects.requireNonNull(mode, "mode");
        if (solverId == null || solverId.isBlank()) {
            throw new IllegalArgumentException("A chain step needs a solver");
        }
    }

    /**
     * Reads a chain written by {@link #format}: steps as {@code solver:mode}, separated by commas, such as
     * {@code "builtin:near, astrometry:blind"}.
     *
     * @throws IllegalArgumentException naming the step that is not of that form
     */
    public static List<ChainStep> parse(String text) {
        List<ChainStep> steps = new ArrayList<>();
        int position = 0;
        for (String part : text.split(",", -1)) {
            position++;
            String step = part.strip();
            int colon = step.indexOf(':');
            if (colon <= 0 || colon == step.length() - 1) {
                throw new IllegalArgumentException("Solver chain step " + position + " \"" + step
                        + "\" is not of the form solver:near or solver:blind");
            }
            String mode = step.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
            if (!mode.equals("NEAR") && !mode.equals("BLIND")) {
                throw new IllegalArgumentException("Solver chain step " + position + " \"" + step
                        + "\" has mode \"" + step.substring(colon + 1).strip() + "\"; it must be near or blind");
            }
            steps.add(new ChainStep(step.substring(0, colon).strip(), SolveMode.valueOf(mode)));
        }
        return List.copyOf(steps);
    }

    /** Writes {@code steps} as {@link #parse} reads them. */
    public static String format(List<ChainStep> steps) {
        return String.join(", ", steps.stream().map(ChainStep::toString).toList());
    }

    @Override
    public String toString() {
        return solverId + ":" + mode.name().toLowerCase(Locale.ROOT);
    }
}
