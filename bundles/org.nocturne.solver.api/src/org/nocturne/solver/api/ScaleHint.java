package org.nocturne.solver.api;

/**
 * What the frame's pixel scale is thought to be.
 *
 * @param arcsecPerPixel the expected scale of the frame's own pixels (binned, if the frame is binned)
 * @param tolerance the relative error allowed either way, such as 0.1 for ±10%
 */
public record ScaleHint(double arcsecPerPixel, double tolerance) {

    public ScaleHint {
        if (!(arcsecPerPixel > 0) || !Double.isFinite(arcsecPerPixel)) {
            throw new IllegalArgumentException("Pixel scale " + arcsecPerPixel + "″/px must be a positive number");
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("Scale tolerance " + tolerance + " must be at least 0 and below 1");
        }
    }

    /** The smallest scale allowed, ″/px. */
    public double lowest() {
        return arcsecPerPixel * (1 - tolerance);
    }

    /** The largest scale allowed, ″/px. */
    public double highest() {
        return arcsecPerPixel * (1 + tolerance);
    }

    /** Whether {@code scale} (″/px) lies within the tolerance. */
    public boolean admits(double scale) {
        return scale >= lowest() && scale <= highest();
    }
}
