package org.nocturne.solver.api;

import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.TangentPlane;

/**
 * How far one sky position lies from another, as a pointing error: the components on the tangent plane at the first
 * position and the great-circle distance.
 *
 * @param eastArcsec how far east (towards increasing RA) the second lies, arc-seconds on the sky (Δα·cos δ near it)
 * @param northArcsec how far north it lies, arc-seconds
 * @param totalArcsec the great-circle distance, arc-seconds
 */
public record PointingOffset(double eastArcsec, double northArcsec, double totalArcsec) {

    /** The offset of {@code actual} from {@code expected}. */
    public static PointingOffset between(Equatorial expected, Equatorial actual) {
        double[] xiEta = new double[2];
        double total = expected.separationDegrees(actual) * 3600;
        if (!new TangentPlane(expected).project(actual, xiEta)) {
            return new PointingOffset(Double.NaN, Double.NaN, total);
        }
        return new PointingOffset(Math.toDegrees(xiEta[0]) * 3600, Math.toDegrees(xiEta[1]) * 3600, total);
    }
}
