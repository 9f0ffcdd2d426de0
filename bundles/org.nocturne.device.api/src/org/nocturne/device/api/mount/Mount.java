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
     * Moves an axis at a rate in degrees per second (0 stops), as hand-control buttons and polar-alignment rotations
     * do, on top of tracking. The sign is on the sky, the same for every driver: a positive right-ascension rate moves
     * the pointing west (its right ascension falls, as the hand controller's W button does), a positive declination
     * rate moves it north. Completes when the command is accepted.
     *
     * @throws IllegalArgumentException (in the future) when the rate is beyond
     *             {@link MountCapabilities#maxAxisRateDegreesPerSecond()}, saying "Axis rate"
     */
    CompletableFuture<Void> moveAxis(MountAxis axis, double degreesPerSecond);

    /**
     * Stops any slew, park or axis motion at once, without waiting for it to end (the slew's future ends cancelled);
     * tracking goes on.
     */
    CompletableFuture<Void> abort();
}
