package org.nocturne.device.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.weather.SafetyMonitor;

/** The safety monitor contract: it is unsafe until connected, and gives a verdict once connected. */
public abstract class SafetyMonitorContract extends DeviceContract<SafetyMonitor> {

    @Override
    protected CompletableFuture<?> anyCommand() {
        return null;
    }

    @Test
    void isUnsafeUntilConnected() throws Exception {
        assertTrue(!device.state().safe(), "unknown counts as unsafe");
        await(device.connect());
        assertTrue(device.state().connection().isConnected());
    }
}
