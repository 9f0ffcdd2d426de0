package org.nocturne.device.api.power;

import java.util.List;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceState;

/**
 * Switches at one moment.
 *
 * @param values one value per channel, in channel order
 */
public record SwitchState(ConnectionState connection, String message, List<Double> values) implements DeviceState {

    public SwitchState {
        values = List.copyOf(values);
    }

    public static SwitchState disconnected() {
        return new SwitchState(ConnectionState.DISCONNECTED, "", List.of());
    }
}
