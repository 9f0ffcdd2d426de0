package org.nocturne.device.api.mount;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.api.Device;

/**
 * A telescope mount. Coordinates cross this interface in ICRS (J2000); a driver whose mount works in JNow (see
 * {@link MountCapabilities#equatorialSystem()}) converts with the core's astrometry, so callers never care.
 */
public interface Mount extends Device<MountState> {

    MountCapabilities capabilities();

    /** Slews to an ICRS position and completes when the mount has settled there and tracks. Cancelling stops the slew. */
    CompletableFuture<Void> slew(Equatorial icrs);

    /** Tells the mount that it points at this ICRS position (after a plate solve). */
    CompletableFuture<Void> sync(Equatorial icrs);

    /** Parks; completes when parked. Tracking stops. */
    CompletableFuture<Void> park();

    CompletableFuture<Void> unpark();

    /** Starts tracking at a rate, or stops it (null). */
    CompletableFuture<Void> setTracking(TrackingRate rate);

    /**
     * Moves by a guide pulse: at the guide rate in {@code direction} for {@code duration}; completes when the pulse
     * has ended.
     */
    CompletableFuture<Void> pulseGuide(GuideDirection direction, Duration duration);

    /**
     * Moves an axis at a rate in degrees per second (sign gives the direction; 0 stops), as hand-control buttons and
     * polar-alignment rotations do. Completes when the command is accepted.
     */
    CompletableFuture<Void> moveAxis(MountAxis axis, double degreesPerSecond);

    /** Stops any slew or axis motion at once; tracking goes on. */
    CompletableFuture<Void> abort();
}
