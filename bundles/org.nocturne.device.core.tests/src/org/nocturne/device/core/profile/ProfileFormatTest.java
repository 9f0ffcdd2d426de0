package org.nocturne.device.core.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.device.api.DeviceKind;

class ProfileFormatTest {

    private static final Path FILE = Path.of("profiles", "rig.json");

    private final ProfileFormat format = new ProfileFormat();

    @Test
    void aProfileReadsBackEqualToWhatWasWritten() throws Exception {
        Map<DeviceKind, DeviceChoice> devices = new EnumMap<>(DeviceKind.class);
        devices.put(DeviceKind.CAMERA, new DeviceChoice("org.nocturne.device.indi",
                Map.of("host", "observatory.local", "port", "7624", "device", "ZWO CCD ASI2600MM Pro", "note", "“quoted” \\ \n")));
        devices.put(DeviceKind.MOUNT, new DeviceChoice("org.nocturne.device.lx200", Map.of("serialPort", "/dev/ttyUSB0")));
        devices.put(DeviceKind.SAFETY_MONITOR, DeviceChoice.withDefaults("org.nocturne.device.alpaca"));
        EquipmentProfile rig = new EquipmentProfile("Rig #2 — Été", new ObserverSite("Siding Spring", -31.2733, 149.0617, 1165),
                1000.0 / 3, 0.1 + 0.2, devices);

        for (EquipmentProfile profile : new EquipmentProfile[] { rig, EquipmentProfile.simulator() }) {
            byte[] bytes = format.write(profile);
            assertEquals(profile, format.parse(FILE, bytes));
            assertArrayEquals(bytes, format.write(format.parse(FILE, bytes)), "the same profile gives the same bytes");
        }
    }

    @Test
    void theFileIsSortedPrettyPrintedPlainJsonWithItsFormat() {
        EquipmentProfile profile = EquipmentProfile.simulator().withoutDevice(DeviceKind.MOUNT);
        for (DeviceKind kind : DeviceKind.values()) {
            if (kind != DeviceKind.FILTER_WHEEL) {
                profile = profile.withoutDevice(kind);
            }
        }
        profile = profile.withDevice(DeviceKind.CAMERA, new DeviceChoice("org.nocturne.device.sim", Map.of("readNoise", "1.5", "gain", "100")));

        assertEquals("""
                {
                  "apertureMm": 80,
                  "devices": {
                    "camera": {
                      "provider": "org.nocturne.device.sim",
                      "settings": {
                        "gain": "100",
                        "readNoise": "1.5"
                      }
                    },
                    "filter_wheel": {
                      "provider": "org.nocturne.device.sim",
                      "settings": {}
                    }
                  },
                  "focalLengthMm": 400,
                  "format": 1,
                  "name": "Simulator",
                  "site": {
                    "elevationMeters": 46,
                    "latitudeDegrees": 51.4769,
                    "longitudeDegreesEast": -0.0005,
                    "name": "Royal Observatory Greenwich"
                  }
                }
                """, new String(format.write(profile), StandardCharsets.UTF_8));
    }

    @Test
    void aFileWithABlankNameOrOddSpacingReadsAsLongAsItIsValid() throws Exception {
        String compact = "{\"format\":1,\"name\":\"  Travel rig  \",\"focalLengthMm\":250.0,\"apertureMm\":5e1,\"devices\":{},"
                + "\"site\":{\"name\":\"Home\",\"latitudeDegrees\":45,\"longitudeDegreesEast\":7.5,\"elevationMeters\":300}}";

        EquipmentProfile profile = format.parse(FILE, compact.getBytes(StandardCharsets.UTF_8));

        assertEquals("Travel rig", profile.name());
        assertEquals(50, profile.apertureMm());
        assertTrue(profile.devices().isEmpty());
        ProfileException blank = assertThrows(ProfileException.class,
                () -> format.parse(FILE, compact.replace("  Travel rig  ", " ").getBytes(StandardCharsets.UTF_8)));
        assertEquals("field \"name\": The profile name is empty", blank.problem());
    }
}
