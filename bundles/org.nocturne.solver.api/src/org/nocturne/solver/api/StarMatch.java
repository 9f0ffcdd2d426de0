package org.nocturne.solver.api;

import org.nocturne.core.sky.Equatorial;

/**
 * A detected star paired with the catalog star the solution says it is.
 *
 * @param x the detected star's x, frame pixels, 0-based (the centre of the first pixel is 0)
 * @param y the detected star's y, frame pixels, 0-based
 * @param catalog the catalog star's position, ICRS
 * @param magnitude the catalog star's magnitude, or NaN when the solver does not say
 * @param residualArcsec the distance on the sky between the catalog star and where the solution puts the detected star
 */
public record StarMatch(double x, double y, Equatorial catalog, double magnitude, double residualArcsec) {
}
