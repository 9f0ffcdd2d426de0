package org.nocturne.device.indi;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.Discovered;
import org.nocturne.device.indi.protocol.IndiConnection;
import org.nocturne.device.indi.protocol.IndiProperty;
import org.nocturne.device.indi.protocol.IndiStreamParser;
import org.nocturne.device.indi.protocol.IndiXml;

/**
 * Lists the devices of an INDI server that can serve as one kind, from the DRIVER_INTERFACE bitmask of each device's
 * DRIVER_INFO. Blocking; runs off the caller's thread (see {@link IndiProvider#discover}).
 */
final class IndiDiscovery {

    /** How long the server's definitions may keep coming. */
    private static final Duration LONGEST = Duration.ofSeconds(4);
    /** A pause in the definitions this long ends the listing, once every device listed has sent its DRIVER_INFO. */
    private static final Duration QUIET = Duration.ofMillis(500);

    private IndiDiscovery() {
    }

    /** DRIVER_INTERFACE bits that make a device usable as {@code kind} (INDI's DriverInterface enum); 0 for none. */
    static int interfaceBits(DeviceKind kind) {
        return switch (kind) {
            case MOUNT -> 1;
            case CAMERA -> 2;
            case FOCUSER -> 8;
            case FILTER_WHEEL -> 16;
            case WEATHER, SAFETY_MONITOR -> 128;
            case FLAT_PANEL -> 512 | 1024;
            case ROTATOR -> 4096;
            case GUIDER, SWITCH -> 0;
        };
    }

    /**
     * Asks the server at the settings' host and port for its devices.
     *
     * @return the devices of {@code kind}, those doing the least else first
     * @throws DeviceException when the server does not answer or sends nothing that is INDI
     */
    static List<Discovered> discover(DeviceKind kind, IndiSettings settings) throws InterruptedException {
        int wanted = interfaceBits(kind);
        try (IndiConnection connection = IndiConnection.open(settings.host(), settings.port(), settings.timeout(),
                IndiStreamParser.DEFAULT_MAX_BLOB_BYTES)) {
            connection.send(IndiXml.getProperties(null));
            long deadline = System.nanoTime() + LONGEST.toNanos();
            long seen = connection.version();
            while (System.nanoTime() < deadline && connection.failure() == null) {
                long now = connection.awaitChange(seen, QUIET);
                if (now == seen && seen > 0 && everyDeviceDescribed(connection)) {
                    break;
                }
                seen = now;
            }
            if (connection.devices().isEmpty()) {
                String failure = connection.failure();
                throw new DeviceException("The INDI server at " + settings.address() + " listed no devices"
                        + (failure == null ? "" : " (" + failure + ")"));
            }
            List<Found> found = new ArrayList<>();
            for (String device : connection.devices()) {
                IndiProperty info = connection.property(device, "DRIVER_INFO");
                int bits = info == null ? 0 : parse(info.text("DRIVER_INTERFACE"));
                if ((bits & wanted) != 0) {
                    found.add(new Found(device, Integer.bitCount(bits)));
                }
            }
            found.sort(Comparator.comparingInt(Found::roles));
            return found.stream().map(device -> new Discovered(device.name() + " on " + settings.address(),
                    Map.of(IndiSettings.DEVICE, device.name()))).toList();
        } catch (IOException e) {
            throw new DeviceException(capitalised(e.getMessage()), e);
        }
    }

    /** True when every device listed so far has sent its DRIVER_INFO (which says what it can serve as). */
    private static boolean everyDeviceDescribed(IndiConnection connection) {
        return connection.devices().stream().allMatch(device -> connection.property(device, "DRIVER_INFO") != null);
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String capitalised(String text) {
        return text == null || text.isEmpty() ? "The INDI server does not answer" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private record Found(String name, int roles) {
    }
}
