package org.nocturne.device.sim;

import java.time.Instant;

import org.nocturne.core.sky.Equatorial;

/**
 * The simulator's truth, read-only, for tests that measure something and compare: where the mount really points, the
 * camera's true position angle, the true best focus, the clouds. Each call reads the observatory at that moment.
 */
public final class GroundTruth {

    private final SimulatedObservatory observatory;

    GroundTruth(SimulatedObservatory observatory) {
        this.observatory = observatory;
    }

    /** The simulated instant now. */
    public Instant now() {
        return observatory.now();
    }

    /** Where the optical axis really points now, ICRS. */
    public Equatorial pointing() {
        return observatory.truePointing(observatory.now());
    }

    /** Where the optical axis really pointed at a simulated instant, ICRS (tracking, drift and guiding included). */
    public Equatorial pointingAt(Instant instant) {
        return observatory.truePointing(instant);
    }

    /** The focuser position of best focus now, for the filter in the light path and the current temperature. */
    public double bestFocus() {
        return observatory.focus().bestFocus(observatory.ambientCelsius()) + observatory.filterFocusOffset();
    }

    public int focuserPosition() {
        return observatory.focuserPosition();
    }

    /** The half-flux radius of a star now (seeing and defocus), arc-seconds. */
    public double starHfrArcsec() {
        return observatory.starHfrArcsec();
    }

    public double ambientCelsius() {
        return observatory.ambientCelsius();
    }

    public String filter() {
        return observatory.filterName();
    }

    public double rotatorMechanicalDegrees() {
        return observatory.rotatorMechanical();
    }

    public double transparency() {
        return observatory.transparency();
    }
}
