package org.nocturne.solver.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.nocturne.core.sky.Equatorial;
import org.nocturne.image.Wcs;

/** How one solve attempt ended: with a solution, or without one and the reason why. Immutable. */
public sealed interface SolveResult permits SolveResult.Solved, SolveResult.Failed {

    /** The {@link PlateSolver#id()} of the solver that made the attempt ("chain" for a chain that tried none). */
    String solverId();

    /** How the attempt searched. */
    SolveMode mode();

    /** How long the attempt took, wall time. */
    Duration elapsed();

    /**
     * A solution.
     *
     * @param wcs the world coordinate system of the frame, FITS pixel convention, with distortion where it helps
     * @param width the frame's width, pixels
     * @param height the frame's height, pixels
     * @param matches the detected stars the solution pairs with catalog stars
     * @param rmsArcsec root-mean-square distance of the matched pairs after the fit, arc-seconds
     */
    record Solved(String solverId, SolveMode mode, Duration elapsed, Wcs wcs, int width, int height,
            List<StarMatch> matches, double rmsArcsec) implements SolveResult {

        public Solved {
            Objects.requireNonNull(wcs, "wcs");
            matches = List.copyOf(matches);
        }

        /** The sky at the frame's centre, ICRS. */
        public Equatorial centre() {
            return wcs.toSky((width + 1) / 2.0, (height + 1) / 2.0);
        }

        /** The pixel scale, arc-seconds per pixel of the frame. */
        public double scaleArcsecPerPixel() {
            return wcs.scaleArcsecPerPixel();
        }

        /**
         * The position angle of the frame's +y axis at its centre, east of north, degrees in [0, 360): see
         * {@link Wcs#positionAngleDegreesAt}. Taken at the centre whatever reference pixel the solver chose.
         */
        public double rotationDegrees() {
            return wcs.positionAngleDegreesAt((width + 1) / 2.0, (height + 1) / 2.0);
        }

        /** Whether the frame is mirrored against the sky: see {@link Wcs#isFlipped()}. */
        public boolean flipped() {
            return wcs.isFlipped();
        }

        /** The field's width on the sky, degrees. */
        public double fieldWidthDegrees() {
            return width * scaleArcsecPerPixel() / 3600;
        }

        /** The field's height on the sky, degrees. */
        public double fieldHeightDegrees() {
            return height * scaleArcsecPerPixel() / 3600;
        }

        public int matchedStars() {
            return matches.size();
        }

        /** How far the solved centre lies from {@code reported}, such as where the mount said it pointed. */
        public PointingOffset offsetFrom(Equatorial reported) {
            return PointingOffset.between(reported, centre());
        }
    }

    /**
     * No solution.
     *
     * @param reason why, in words a user can act on ("only 4 stars detected; 8 are needed")
     */
    record Failed(String solverId, SolveMode mode, Duration elapsed, String reason) implements SolveResult {

        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
