package org.nocturne.device.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.camera.CameraCapabilities;
import org.nocturne.device.api.camera.ExposureRequest;
import org.nocturne.device.api.camera.ExposureStatus;
import org.nocturne.image.Frame;
import org.nocturne.image.ImageType;

/**
 * The camera contract: exposures of every type come back with the size, binning and metadata asked for; requests
 * beyond the capabilities are refused naming the field; an exposure can be aborted by cancelling it.
 */
public abstract class CameraContract extends DeviceContract<Camera> {

    /** A short exposure the camera can take in the test's time (seconds). */
    protected double shortExposureSeconds() {
        return Math.max(0.1, device.capabilities().minExposureSeconds());
    }

    /** An exposure long enough to cancel half-way (seconds of the device's time). */
    protected double longExposureSeconds() {
        return Math.min(device.capabilities().maxExposureSeconds(), 600);
    }

    @Override
    protected CompletableFuture<?> anyCommand() {
        return device.expose(ExposureRequest.light(1), (fraction, message) -> {
        });
    }

    @Test
    void exposesFramesOfTheSizeBinningAndTypeAskedFor() throws Exception {
        await(device.connect());
        CameraCapabilities camera = device.capabilities();
        List<Double> progress = new CopyOnWriteArrayList<>();
        Frame light = await(device.expose(ExposureRequest.light(shortExposureSeconds()), (fraction, message) -> progress.add(fraction)));
        assertEquals(camera.width(), light.width());
        assertEquals(camera.height(), light.height());
        assertEquals(shortExposureSeconds(), light.metadata().exposureSeconds(), 1e-6, "exposure in the metadata");
        assertEquals(ImageType.LIGHT, light.metadata().imageType());
        assertFalse(progress.isEmpty(), "progress reported");
        assertEquals(ExposureStatus.IDLE, device.state().exposure(), "idle after the download");

        if (camera.maxBinning() >= 2) {
            Frame binned = await(device.expose(ExposureRequest.light(shortExposureSeconds()).withBinning(2), null));
            assertEquals(camera.width() / 2, binned.width());
            assertEquals(camera.height() / 2, binned.height());
        }
        if (camera.canSubframe()) {
            Frame region = await(device.expose(ExposureRequest.light(shortExposureSeconds())
                    .withRegion(new ExposureRequest.Region(10, 20, 200, 100)), null));
            assertEquals(200, region.width());
            assertEquals(100, region.height());
        }
        Frame bias = await(device.expose(ExposureRequest.light(camera.minExposureSeconds()).withType(ImageType.BIAS), null));
        assertEquals(ImageType.BIAS, bias.metadata().imageType());
    }

    @Test
    void refusesRequestsBeyondItsCapabilitiesNamingTheField() throws Exception {
        await(device.connect());
        CameraCapabilities camera = device.capabilities();
        Throwable tooLong = failureOf(device.expose(ExposureRequest.light(camera.maxExposureSeconds() * 2), null));
        assertInstanceOf(IllegalArgumentException.class, tooLong);
        assertTrue(tooLong.getMessage().startsWith("Exposure"), tooLong.getMessage());
        Throwable binning = failureOf(device.expose(ExposureRequest.light(shortExposureSeconds()).withBinning(camera.maxBinning() + 1), null));
        assertTrue(binning.getMessage().startsWith("Binning"), binning.getMessage());
        if (camera.gainRange() != null) {
            Throwable gain = failureOf(device.expose(ExposureRequest.light(shortExposureSeconds()).withGain(camera.gainRange().max() + 1), null));
            assertTrue(gain.getMessage().startsWith("Gain"), gain.getMessage());
        }
    }

    @Test
    void cancellingAnExposureAbortsIt() throws Exception {
        await(device.connect());
        Assumptions.assumeTrue(device.capabilities().canAbort(), "this camera cannot abort an exposure");
        CompletableFuture<Frame> exposure = device.expose(ExposureRequest.light(longExposureSeconds()), null);
        awaitState(camera -> camera.state().exposure() == ExposureStatus.EXPOSING || exposure.isDone(), "the exposure starts");
        Assumptions.assumeTrue(exposure.cancel(true), "the exposure ended before it could be cancelled");
        assertInstanceOf(CancellationException.class, failureOf(exposure));
        awaitState(camera -> camera.state().exposure() == ExposureStatus.IDLE, "the camera is idle again");
        Frame next = await(device.expose(ExposureRequest.light(shortExposureSeconds()), null));
        assertEquals(device.capabilities().width(), next.width(), "the camera works after an abort");
    }
}
