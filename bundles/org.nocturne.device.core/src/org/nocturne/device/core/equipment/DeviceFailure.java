package org.nocturne.device.core.equipment;

import java.util.Objects;

import org.nocturne.device.api.DeviceKind;

/**
 * What went wrong with one device of the equipment.
 *
 * @param kind the kind of device
 * @param message for the user, naming the kind and, once it exists, the device: {@code Camera "Simulated camera":
 *            sensor does not answer}, {@code Camera: driver org.x.y is not installed}
 */
public record DeviceFailure(DeviceKind kind, String message) {

    public DeviceFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
