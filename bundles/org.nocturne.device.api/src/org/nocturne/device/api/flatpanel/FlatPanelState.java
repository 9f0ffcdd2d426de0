package org.nocturne.device.api.flatpanel;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceState;

/**
 * A flat panel at one moment.
 *
 * @param coverOpen true when the cover is open (or there is none)
 * @param coverMoving true while the cover moves
 * @param brightness current brightness, 0 when off
 */
public record FlatPanelState(ConnectionState connection, String message, boolean coverOpen, boolean coverMoving, int brightness)
        implements DeviceState {

    public static FlatPanelState disconnected() {
        return new FlatPanelState(ConnectionState.DISCONNECTED, "", true, false, 0);
    }
}
