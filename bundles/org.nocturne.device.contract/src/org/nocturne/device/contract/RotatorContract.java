package org.nocturne.device.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.rotator.Rotator;

/** The rotator contract: mechanical moves, a sky sync, then sky moves. */
public abstract class RotatorContract extends DeviceContract<Rotator> {

    @Override
    protected CompletableFuture<?> anyCommand() {
        return device.moveMechanical(10);
    }

    @Test
    void turnsMechanicallyAndBySkyAngleOnceSynced() throws Exception {
        await(device.connect());
        await(device.moveMechanical(90));
        assertEquals(90, device.state().mechanicalDegrees(), 0.1);
        await(device.syncSky(120));
        assertEquals(120, device.state().skyDegrees(), 0.1);
        await(device.moveSky(150));
        assertEquals(150, device.state().skyDegrees(), 0.1);
        assertEquals(120, device.state().mechanicalDegrees(), 0.1);
        await(device.moveMechanical(350));
        assertEquals(350, device.state().mechanicalDegrees(), 0.1, "across 0°");
    }
}
