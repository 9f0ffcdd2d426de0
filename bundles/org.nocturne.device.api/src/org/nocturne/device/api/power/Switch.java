package org.nocturne.device.api.power;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.Device;

/** A set of switches and variable outputs: dew heaters, power ports, relays. */
public interface Switch extends Device<SwitchState> {

    /** The channels, in the device's order. */
    List<Channel> channels();

    /** Sets channel {@code index} to {@code value} (0 or 1 for an on/off switch). */
    CompletableFuture<Void> set(int index, double value);

    /**
     * One channel.
     *
     * @param name "Dew heater 1", "12 V port 2"
     * @param min smallest value (0 for off)
     * @param max largest value (1 for an on/off switch, 100 for a percentage)
     * @param writable false for a read-only sensor channel
     */
    record Channel(String name, double min, double max, boolean writable) {
    }
}
