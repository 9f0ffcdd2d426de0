package org.nocturne.solver.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.nocturne.core.sky.Equatorial;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.image.stars.StarList;

/**
 * What to solve and what is known about it. Immutable; start with {@link #ofFrame} or {@link #ofStars} and add what
 * is known with the {@code with…} methods.
 *
 * <p>Solvers work from the star list; a solver that reads images itself (ASTAP) uses the frame's file when there is
 * one. {@link #withStarsDetected} fills in the star list once, so that every solver of a chain shares one detection.
 *
 * @param frame the frame, or null when only its stars are known
 * @param imageFile the frame's FITS file, or null when it has none (yet)
 * @param stars the stars detected on the frame, or null until detected
 * @param width the frame's width in pixels
 * @param height the frame's height in pixels
 * @param hint where the frame is thought to point (ICRS), or null for none
 * @param searchRadiusDegrees how far from the hint the frame's centre may be
 * @param scale the expected pixel scale, or null when unknown
 * @param timeLimit how long one solver may take before it gives up
 * @param blindAllowed whether a solve without a hint (over the whole sky) may be tried
 */
public record SolveRequest(Frame frame, Path imageFile, StarList stars, int width, int height, Equatorial hint,
        double searchRadiusDegrees, ScaleHint scale, Duration timeLimit, boolean blindAllowed) {

    /** The search radius around a hint unless said otherwise, degrees: N.I.N.A.'s and Ekos's default. */
    public static final double DEFAULT_SEARCH_RADIUS_DEGREES = 30;

    /** How long one solver may take unless said otherwise. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    /** The relative scale tolerance of a hint taken from the frame's metadata: focal lengths are often a little off. */
    public static final double DEFAULT_SCALE_TOLERANCE = 0.2;

    public SolveRequest {
        if (frame == null && stars == null) {
            throw new IllegalArgumentException("A solve needs a frame or the stars detected on one");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Frame size " + width + "×" + height + " must be positive");
        }
        if (!(searchRadiusDegrees > 0 && searchRadiusDegrees <= 180)) {
            throw new IllegalArgumentException("Search radius " + searchRadiusDegrees + "° must be above 0° and at most 180°");
        }
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("Time limit " + timeLimit + " must be positive");
        }
    }

    /**
     * A request to solve {@code frame} with what its metadata know: the position hint is where the mount said it
     * pointed (else the centre of an earlier solution), and the scale hint the one its pixel size and focal length give
     * (else an earlier solution's), within {@link #DEFAULT_SCALE_TOLERANCE}.
     */
    public static SolveRequest ofFrame(Frame frame) {
        FrameMetadata metadata = frame.metadata();
        Equatorial hint = metadata.pointing();
        if (hint == null && metadata.wcs() != null) {
            try {
                hint = metadata.wcs().toSky((frame.width() + 1) / 2.0, (frame.height() + 1) / 2.0);
            } catch (IllegalArgumentException unusable) {
                // a header's WCS that does not map to the sky (declination beyond ±90°, a singular matrix): no hint
            }
        }
        double scale = metadata.arcsecPerPixel();
        boolean usable = scale > 0 && Double.isFinite(scale);
        return new SolveRequest(frame, null, null, frame.width(), frame.height(), hint, DEFAULT_SEARCH_RADIUS_DEGREES,
                usable ? new ScaleHint(scale, DEFAULT_SCALE_TOLERANCE) : null, DEFAULT_TIME_LIMIT, true);
    }

    /** A request to solve the frame of {@code width × height} pixels on which {@code stars} were detected. */
    public static SolveRequest ofStars(int width, int height, StarList stars) {
        return new SolveRequest(null, null, stars, width, height, null, DEFAULT_SEARCH_RADIUS_DEGREES, null,
                DEFAULT_TIME_LIMIT, true);
    }

    /** The same request, solved near {@code place} within {@code radiusDegrees}. */
    public SolveRequest withHint(Equatorial place, double radiusDegrees) {
        return new SolveRequest(frame, imageFile, stars, width, height, Objects.requireNonNull(place, "place"),
                radiusDegrees, scale, timeLimit, blindAllowed);
    }

    /** The same request without a position hint: a blind solve. */
    public SolveRequest withoutHint() {
        return new SolveRequest(frame, imageFile, stars, width, height, null, searchRadiusDegrees, scale, timeLimit,
                blindAllowed);
    }

    /** The same request with an expected pixel scale (″/px of the frame's pixels) and relative tolerance. */
    public SolveRequest withScale(double arcsecPerPixel, double tolerance) {
        return new SolveRequest(frame, imageFile, stars, width, height, hint, searchRadiusDegrees,
                new ScaleHint(arcsecPerPixel, tolerance), timeLimit, blindAllowed);
    }

    /** The same request with no expected pixel scale. */
    public SolveRequest withoutScale() {
        return new SolveRequest(frame, imageFile, stars, width, height, hint, searchRadiusDegrees, null, timeLimit,
                blindAllowed);
    }

    public SolveRequest withTimeLimit(Duration value) {
        return new SolveRequest(frame, imageFile, stars, width, height, hint, searchRadiusDegrees, scale, value,
                blindAllowed);
    }

    public SolveRequest withBlindAllowed(boolean value) {
        return new SolveRequest(frame, imageFile, stars, width, height, hint, searchRadiusDegrees, scale, timeLimit,
                value);
    }

    /** The same request, with the FITS file that holds the frame. */
    public SolveRequest withImageFile(Path file) {
        return new SolveRequest(frame, file, stars, width, height, hint, searchRadiusDegrees, scale, timeLimit,
                blindAllowed);
    }

    /** The same request with {@code value} as its detected stars. */
    public SolveRequest withStars(StarList value) {
        return new SolveRequest(frame, imageFile, Objects.requireNonNull(value, "stars"), width, height, hint,
                searchRadiusDegrees, scale, timeLimit, blindAllowed);
    }

    /**
     * This request if its stars are known, else the same request with the stars {@code detector} finds on the frame.
     * Blocks for the detection (a few hundred milliseconds at 24 MP); call it off the UI thread.
     */
    public SolveRequest withStarsDetected(StarDetector detector) {
        return stars != null ? this : withStars(detector.detect(frame));
    }

    /** How this request searches: near its hint, or blind when it has none. */
    public SolveMode mode() {
        return hint == null ? SolveMode.BLIND : SolveMode.NEAR;
    }
}
