package org.nocturne.device.alpaca;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.SettingDescriptor.Type;
import org.nocturne.device.api.support.SettingValues;

/** The settings of an Alpaca device of any kind, and the endpoint they name. */
final class AlpacaSettings {

    static final String HOST = "host";
    static final String PORT = "port";
    static final String DEVICE_NUMBER = "deviceNumber";
    static final String TIMEOUT = "timeoutSeconds";
    /** The ASCOM Alpaca simulators' and most servers' default port. */
    static final int DEFAULT_PORT = 11111;

    static final List<SettingDescriptor> DESCRIPTORS = List.of(
            SettingDescriptor.of(HOST, "Alpaca server", Type.HOST, "localhost", "", "Host name or address of the Alpaca server"),
            SettingDescriptor.of(PORT, "Port", Type.PORT, String.valueOf(DEFAULT_PORT), "", "HTTP port of the Alpaca server (11111 by default)"),
            SettingDescriptor.of(DEVICE_NUMBER, "Device number", Type.INTEGER, "0", "",
                    "The device's number on the server, as the server's configured devices list it"),
            SettingDescriptor.of(TIMEOUT, "Request timeout", Type.INTEGER, "10", "s", "How long one request may take before the device counts as silent"));

    private AlpacaSettings() {
    }

    /** The Alpaca device type (URL segment) of a kind. */
    static String deviceType(DeviceKind kind) {
        return switch (kind) {
            case CAMERA -> "camera";
            case MOUNT -> "telescope";
            case FOCUSER -> "focuser";
            case FILTER_WHEEL -> "filterwheel";
            case ROTATOR -> "rotator";
            case FLAT_PANEL -> "covercalibrator";
            case SWITCH -> "switch";
            case WEATHER -> "observingconditions";
            case SAFETY_MONITOR -> "safetymonitor";
            case GUIDER -> throw new IllegalArgumentException("Alpaca has no guider devices");
        };
    }

    /**
     * The endpoint the settings name, with defaults for what is missing.
     *
     * @throws IllegalArgumentException naming an unknown or invalid setting
     */
    static AlpacaEndpoint endpoint(DeviceKind kind, Map<String, String> given) {
        SettingValues values = SettingValues.of(DESCRIPTORS, given);
        int timeout = values.integer(TIMEOUT);
        if (timeout < 1 || timeout > 600) {
            throw new IllegalArgumentException("Request timeout " + timeout + " s is outside 1 s to 600 s");
        }
        int number = values.integer(DEVICE_NUMBER);
        if (number < 0) {
            throw new IllegalArgumentException("Device number " + number + " is negative");
        }
        return new AlpacaEndpoint(values.text(HOST), values.integer(PORT), deviceType(kind), number, Duration.ofSeconds(timeout));
    }
}
