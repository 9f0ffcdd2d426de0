package org.nocturne.device.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.flatpanel.FlatPanel;

/** The flat panel contract: the cover opens and closes, the light takes any brightness in range. */
public abstract class FlatPanelContract extends DeviceContract<FlatPanel> {

    @Override
    protected CompletableFuture<?> anyCommand() {
        return device.setBrightness(0);
    }

    @Test
    void closesTheCoverAndSetsTheLight() throws Exception {
        await(device.connect());
        if (device.hasCover()) {
            await(device.setCover(false));
            assertFalse(device.state().coverOpen());
            await(device.setCover(true));
            assertTrue(device.state().coverOpen());
        }
        await(device.setBrightness(device.maxBrightness() / 2));
        assertEquals(device.maxBrightness() / 2, device.state().brightness());
        assertInstanceOf(IllegalArgumentException.class, failureOf(device.setBrightness(device.maxBrightness() + 1)));
    }
}
