package org.nocturne.image;

/**
 * The rotator during the exposure. Components may be null when unknown.
 *
 * @param name rotator name ({@code ROTNAME})
 * @param mechanicalAngle mechanical position angle in degrees ({@code ROTATOR}, {@code ROTATANG})
 * @param stepSizeDegrees step size in degrees ({@code ROTSTPSZ})
 */
public record RotatorState(String name, Double mechanicalAngle, Double stepSizeDegrees) {
}
