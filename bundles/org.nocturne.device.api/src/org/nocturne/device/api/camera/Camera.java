package org.nocturne.device.api.camera;

import java.util.concurrent.CompletableFuture;

import org.nocturne.core.task.Progress;
import org.nocturne.device.api.Device;
import org.nocturne.image.Frame;

/**
 * A camera: main imager or guide camera. The frame it returns carries the exposure's metadata (type, exposure,
 * gain, offset, binning, temperature, Bayer pattern, pixel size, time); the caller adds what only it knows (target,
 * pointing) before writing it.
 */
public interface Camera extends Device<CameraState> {

    /** What this camera can do; fixed once connected. */
    CameraCapabilities capabilities();

    /**
     * Takes one exposure and downloads it. Cancelling the future aborts the exposure.
     *
     * @throws IllegalArgumentException (in the future) when the request exceeds the capabilities, naming the field
     */
    CompletableFuture<Frame> expose(ExposureRequest request, Progress progress);

    /** Turns the cooler on towards a set-point in °C, or off (null). Completes when the command is accepted. */
    CompletableFuture<Void> setCooler(Double setPointCelsius);
}
