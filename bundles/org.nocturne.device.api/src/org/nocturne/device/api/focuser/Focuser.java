package org.nocturne.device.api.focuser;

import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.Device;

/** A focuser. Positions are in the focuser's own steps. */
public interface Focuser extends Device<FocuserState> {

    FocuserCapabilities capabilities();

    /**
     * Moves to an absolute position (for a relative-only focuser: by the difference from the current position) and
     * completes when it has stopped there. Backlash is taken up as configured. Cancelling halts the motor.
     */
    CompletableFuture<Void> moveTo(int position);

    /** Moves by {@code steps} (negative inwards). */
    CompletableFuture<Void> moveBy(int steps);
}
