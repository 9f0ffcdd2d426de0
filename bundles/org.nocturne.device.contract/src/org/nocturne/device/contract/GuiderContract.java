package org.nocturne.device.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.guider.Guider;
import org.nocturne.device.api.guider.GuiderActivity;

/**
 * The guider contract: loop, guide (calibrating first), dither and settle, stop. {@link #prepareSky()} readies what the
 * guider needs (a mount tracking on a field) before it connects.
 */
public abstract class GuiderContract extends DeviceContract<Guider> {

    /**
     * Readies the guider's surroundings, for example a mount slewed to a field and tracking; runs after
     * {@link #newDevice()} and before every test.
     */
    protected abstract void prepareSky() throws Exception;

    @BeforeEach
    void prepare() throws Exception {
        prepareSky();
    }

    @Override
    protected CompletableFuture<?> anyCommand() {
        return device.loop();
    }

    @Test
    void loopsGuidesDithersAndStops() throws Exception {
        await(device.connect());
        await(device.loop());
        assertEquals(GuiderActivity.LOOPING, device.state().activity());
        await(device.guide(Guider.Settle.DEFAULT, false));
        assertEquals(GuiderActivity.GUIDING, device.state().activity());
        AtomicInteger steps = new AtomicInteger();
        try (Device.Subscription counting = device.subscribe(state -> steps.incrementAndGet())) {
            awaitState(guider -> steps.get() >= 3, "guiding goes on after guide() returns");
        }
        assertTrue(device.state().lastErrorPixels() <= Guider.Settle.DEFAULT.pixels(), "settled: " + device.state());
        await(device.dither(3, false, Guider.Settle.DEFAULT));
        assertEquals(GuiderActivity.GUIDING, device.state().activity(), "guiding again after the dither");
        assertTrue(Double.isFinite(device.state().rmsTotalArcsec()), "RMS while guiding: " + device.state());
        await(device.stop());
        assertEquals(GuiderActivity.STOPPED, device.state().activity());
    }
}
