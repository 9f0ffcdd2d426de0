package org.nocturne.device.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.power.Switch;

/** The switch contract: writable channels take values in range; read-only ones refuse. */
public abstract class SwitchContract extends DeviceContract<Switch> {

    /** Channel 0 off: a driver may learn its channels only on connect, so none are looked at before. */
    @Override
    protected CompletableFuture<?> anyCommand() {
        return device.set(0, 0);
    }

    @Test
    void setsWritableChannelsAndRefusesTheRest() throws Exception {
        await(device.connect());
        assertEquals(device.channels().size(), device.state().values().size(), "one value per channel");
        for (int i = 0; i < device.channels().size(); i++) {
            Switch.Channel channel = device.channels().get(i);
            if (channel.writable()) {
                await(device.set(i, channel.max()));
                assertEquals(channel.max(), device.state().values().get(i), 1e-9, channel.name());
                assertInstanceOf(IllegalArgumentException.class, failureOf(device.set(i, channel.max() + 1)));
            } else {
                assertInstanceOf(IllegalArgumentException.class, failureOf(device.set(i, channel.min())));
            }
        }
    }
}
