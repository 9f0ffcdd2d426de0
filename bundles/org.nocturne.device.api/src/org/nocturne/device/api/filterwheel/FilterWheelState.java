package org.nocturne.device.api.filterwheel;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceState;

/**
 * A filter wheel at one moment.
 *
 * @param slot the slot in the light path, −1 while moving or unknown
 * @param moving true while it turns
 */
public record FilterWheelState(ConnectionState connection, String message, int slot, boolean moving) implements DeviceState {

    public static FilterWheelState disconnected() {
        return new FilterWheelState(ConnectionState.DISCONNECTED, "", -1, false);
    }
}
