package org.nocturne.device.api.rotator;

import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.Device;

/**
 * A camera rotator. The mechanical angle is the rotator's own; the sky angle is the camera's position angle on the
 * sky (north through east, degrees), which the rotator knows once synced to a plate solve.
 */
public interface Rotator extends Device<RotatorState> {

    /** Turns to a mechanical angle in degrees [0, 360) and completes when stopped. */
    CompletableFuture<Void> moveMechanical(double degrees);

    /** Turns so that the camera's sky position angle becomes {@code degrees}. */
    CompletableFuture<Void> moveSky(double degrees);

    /** Declares the current sky position angle (from a plate solve), so that sky angles are known from now on. */
    CompletableFuture<Void> syncSky(double degrees);
}
