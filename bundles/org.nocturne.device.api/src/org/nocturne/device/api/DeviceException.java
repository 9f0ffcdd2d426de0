package org.nocturne.device.api;

/** A device operation failed; the message names the device and says what went wrong, for the user. */
public class DeviceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The standard refusal of a command sent to a device that is not connected. */
    public static DeviceException notConnected(DeviceInfo device, String command) {
        return new DeviceException(device.name() + " is not connected: cannot " + command);
    }
}
