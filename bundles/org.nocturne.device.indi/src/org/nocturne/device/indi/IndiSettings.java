package org.nocturne.device.indi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.SettingDescriptor.Type;
import org.nocturne.device.api.support.SettingValues;

/**
 * The settings of an INDI device, checked: the server's host and port, the INDI device name, the time allowed for the
 * server to answer, and for a mount whether to send it the profile's site.
 *
 * @param host the server's host name or address
 * @param port its TCP port
 * @param device the INDI device name ("CCD Simulator")
 * @param timeout how long the server may take to answer a connect or a setting change
 * @param sendSite for a mount: send the profile's site (GEOGRAPHIC_COORD) on connect
 */
public record IndiSettings(String host, int port, String device, Duration timeout, boolean sendSite) {

    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String DEVICE = "device";
    public static final String TIMEOUT = "timeout";
    public static final String SEND_SITE = "sendSite";

    /** The form fields of a device of {@code kind}, in order. */
    public static List<SettingDescriptor> descriptors(DeviceKind kind) {
        List<SettingDescriptor> fields = new ArrayList<>(List.of(
                SettingDescriptor.of(HOST, "Server host", Type.HOST, "localhost", "", "The computer the INDI server runs on"),
                SettingDescriptor.of(PORT, "Server port", Type.PORT, "7624", "", "The INDI server's TCP port (7624 unless changed)"),
                SettingDescriptor.of(DEVICE, "Device name", Type.TEXT, defaultDevice(kind), "",
                        "The INDI device's name as the server lists it (Find shows them)"),
                SettingDescriptor.of(TIMEOUT, "Answer timeout", Type.INTEGER, "10", "s",
                        "How long the server may take to answer a connect or a setting change")));
        if (kind == DeviceKind.MOUNT) {
            fields.add(SettingDescriptor.of(SEND_SITE, "Send site to mount", Type.BOOLEAN, "true", "",
                    "On connect, set the mount's latitude, longitude and elevation to the profile's site"));
        }
        return List.copyOf(fields);
    }

    /** The name of the Debian indi-bin simulator of that kind, the default device. */
    static String defaultDevice(DeviceKind kind) {
        return switch (kind) {
            case CAMERA -> "CCD Simulator";
            case MOUNT -> "Telescope Simulator";
            case FOCUSER -> "Focuser Simulator";
            case FILTER_WHEEL -> "Filter Simulator";
            case ROTATOR -> "Rotator Simulator";
            case FLAT_PANEL -> "Light Panel Simulator";
            case WEATHER, SAFETY_MONITOR -> "Weather Simulator";
            case GUIDER, SWITCH -> "";
        };
    }

    /**
     * Reads and checks the settings of a device of {@code kind}; missing keys take their defaults.
     *
     * @throws IllegalArgumentException naming the first invalid or unknown setting
     */
    public static IndiSettings of(DeviceKind kind, Map<String, String> given) {
        return read(kind, given, true);
    }

    /**
     * As {@link #of}, for looking at a server's devices: the device name may be empty (finding it is what the look is
     * for).
     */
    public static IndiSettings ofServer(DeviceKind kind, Map<String, String> given) {
        return read(kind, given, false);
    }

    private static IndiSettings read(DeviceKind kind, Map<String, String> given, boolean needsDevice) {
        SettingValues values = SettingValues.of(descriptors(kind), given);
        String device = values.text(DEVICE);
        if (needsDevice && device.isEmpty()) {
            throw new IllegalArgumentException("Device name is empty");
        }
        // As a long: a whole number too big for an int still gets the message below.
        long seconds = Long.parseLong(values.text(TIMEOUT));
        if (seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("Answer timeout " + seconds + " s is outside 1 to 600 s");
        }
        boolean site = kind == DeviceKind.MOUNT && values.bool(SEND_SITE);
        return new IndiSettings(values.text(HOST), values.integer(PORT), device, Duration.ofSeconds(seconds), site);
    }

    /** "host:port". */
    public String address() {
        return host + ":" + port;
    }
}
