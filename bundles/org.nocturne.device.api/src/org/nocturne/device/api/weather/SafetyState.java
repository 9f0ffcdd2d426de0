package org.nocturne.device.api.weather;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceState;

/**
 * The safety verdict at one moment.
 *
 * @param safe true when it is safe to observe; false also when unknown
 */
public record SafetyState(ConnectionState connection, String message, boolean safe) implements DeviceState {

    public static SafetyState disconnected() {
        return new SafetyState(ConnectionState.DISCONNECTED, "", false);
    }
}
