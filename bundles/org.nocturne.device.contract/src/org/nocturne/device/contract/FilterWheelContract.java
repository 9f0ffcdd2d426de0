package org.nocturne.device.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.filterwheel.FilterWheel;

/** The filter wheel contract: every slot can be selected, a slot outside the wheel is refused. */
public abstract class FilterWheelContract extends DeviceContract<FilterWheel> {

    @Override
    protected CompletableFuture<?> anyCommand() {
        return device.select(0);
    }

    @Test
    void selectsEverySlotAndRefusesOneOutsideTheWheel() throws Exception {
        await(device.connect());
        int slots = device.filters().size();
        assertFalse(device.filters().isEmpty(), "a wheel has filters");
        for (int slot = slots - 1; slot >= 0; slot--) {
            await(device.select(slot));
            assertEquals(slot, device.state().slot());
            assertFalse(device.state().moving());
        }
        assertInstanceOf(IllegalArgumentException.class, failureOf(device.select(slots)));
    }
}
