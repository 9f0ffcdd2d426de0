package org.nocturne.device.api.rotator;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceState;

/**
 * A rotator at one moment.
 *
 * @param mechanicalDegrees mechanical angle [0, 360)
 * @param skyDegrees the camera's sky position angle, NaN until synced
 * @param moving true while it turns
 */
public record RotatorState(ConnectionState connection, String message, double mechanicalDegrees, double skyDegrees, boolean moving)
        implements DeviceState {

    public static RotatorState disconnected() {
        return new RotatorState(ConnectionState.DISCONNECTED, "", Double.NaN, Double.NaN, false);
    }
}
