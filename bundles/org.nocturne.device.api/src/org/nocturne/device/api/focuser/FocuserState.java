package org.nocturne.device.api.focuser;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceState;

/**
 * A focuser at one moment.
 *
 * @param position current position in steps
 * @param moving true while the motor turns
 * @param temperatureCelsius focuser temperature, NaN when it has no sensor
 */
public record FocuserState(ConnectionState connection, String message, int position, boolean moving, double temperatureCelsius)
        implements DeviceState {

    public static FocuserState disconnected() {
        return new FocuserState(ConnectionState.DISCONNECTED, "", 0, false, Double.NaN);
    }
}
