package org.nocturne.solver.benchmark;

import org.nocturne.solver.api.SolveResult;

/**
 * One solve of one field, judged against the simulator's truth.
 *
 * @param seconds wall time from the request to the result, process start included for external solvers
 * @param centreErrorArcsec distance of the solved centre from the true one, NaN when not solved
 * @param rotationErrorDegrees difference of the solved and true position angles, NaN when not solved
 */
record Attempt(FieldSet.Field field, String solver, Search search, Verdict verdict, double seconds,
        double centreErrorArcsec, double rotationErrorDegrees, String failure) {

    /** A solution within this of the truth, with the right parity, counts as correct. */
    static final double CORRECT_CENTRE_ARCSEC = 10;
    static final double CORRECT_ROTATION_DEGREES = 0.1;
    /** A solution farther than this from the truth, or with the wrong parity, is a false solve. */
    static final double FALSE_CENTRE_ARCSEC = 60;
    static final double FALSE_ROTATION_DEGREES = 1;

    enum Verdict {
        CORRECT, IMPRECISE, FALSE, NOT_SOLVED
    }

    static Attempt judge(FieldSet.Field field, String solver, Search search, SolveResult result, double seconds) {
        if (!(result instanceof SolveResult.Solved solved)) {
            String reason = result instanceof SolveResult.Failed failed ? failed.reason() : "no result";
            return new Attempt(field, solver, search, Verdict.NOT_SOLVED, seconds, Double.NaN, Double.NaN, reason);
        }
        double centre = solved.centre().separationDegrees(field.centre()) * 3600;
        double rotation = Math.abs(solved.rotationDegrees()
                - field.truth().positionAngleDegreesAt((FieldSet.WIDTH + 1) / 2.0, (FieldSet.HEIGHT + 1) / 2.0)) % 360;
        rotation = Math.min(rotation, 360 - rotation);
        boolean parity = solved.flipped() == field.truth().isFlipped();
        Verdict verdict = !parity || centre > FALSE_CENTRE_ARCSEC || rotation > FALSE_ROTATION_DEGREES ? Verdict.FALSE
                : centre <= CORRECT_CENTRE_ARCSEC && rotation <= CORRECT_ROTATION_DEGREES ? Verdict.CORRECT : Verdict.IMPRECISE;
        return new Attempt(field, solver, search, verdict, seconds, centre, rotation, null);
    }
}
