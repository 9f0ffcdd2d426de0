package org.nocturne.device.api.guider;

import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.Device;

/**
 * An autoguider: PHD2 through its event server, or Nocturne's internal guider for the simulator. The sequence of a
 * night: connect, {@link #loop}, {@link #guide} (which calibrates first when needed), {@link #dither} between
 * frames, {@link #stop} at the end.
 */
public interface Guider extends Device<GuiderState> {

    /** Starts looping exposures on the guide camera; completes when the first frame is in. */
    CompletableFuture<Void> loop();

    /**
     * Selects a guide star, calibrates if no calibration is valid (or {@code recalibrate}), and starts guiding;
     * completes when guiding has settled.
     */
    CompletableFuture<Void> guide(Settle settle, boolean recalibrate);

    /**
     * Shifts the lock position by up to {@code pixels} (guide camera pixels, random direction; only in RA when
     * {@code raOnly}) and completes when guiding has settled again.
     */
    CompletableFuture<Void> dither(double pixels, boolean raOnly, Settle settle);

    /** Stops guiding and looping. */
    CompletableFuture<Void> stop();

    /**
     * When guiding counts as settled: the distance stays within {@code pixels} for {@code seconds}, giving up after
     * {@code timeoutSeconds}.
     */
    record Settle(double pixels, double seconds, double timeoutSeconds) {
        /** PHD2's and N.I.N.A.'s usual values: 1.5 px for 10 s, 60 s timeout. */
        public static final Settle DEFAULT = new Settle(1.5, 10, 60);
    }
}
