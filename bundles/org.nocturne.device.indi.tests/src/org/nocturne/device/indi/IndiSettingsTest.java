package org.nocturne.device.indi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.DeviceKind;

/** The settings a provider receives: defaults for the usual local server, and clear refusals of bad values. */
class IndiSettingsTest {

    @Test
    void defaultsReachTheLocalServersSimulator() {
        IndiSettings mount = IndiSettings.of(DeviceKind.MOUNT, Map.of());
        assertEquals(new IndiSettings("localhost", 7624, "Telescope Simulator", Duration.ofSeconds(10), true), mount);
        IndiSettings camera = IndiSettings.of(DeviceKind.CAMERA, Map.of(IndiSettings.HOST, " 10.0.0.5 ", IndiSettings.DEVICE, "ZWO CCD ASI294MC"));
        assertEquals("10.0.0.5:7624", camera.address());
        assertEquals("ZWO CCD ASI294MC", camera.device());
        assertFalse(camera.sendSite());
    }

    @Test
    void refusesUnknownAndInvalidSettingsNamingThem() {
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> IndiSettings.of(DeviceKind.CAMERA, Map.of(IndiSettings.SEND_SITE, "true"))).getMessage();
        assertTrue(unknown.contains(IndiSettings.SEND_SITE), unknown);
        String port = assertThrows(IllegalArgumentException.class, () -> IndiSettings.of(DeviceKind.FOCUSER, Map.of(IndiSettings.PORT, "70000")))
                .getMessage();
        assertTrue(port.contains("Server port"), port);
        String timeout = assertThrows(IllegalArgumentException.class,
                () -> IndiSettings.of(DeviceKind.FOCUSER, Map.of(IndiSettings.TIMEOUT, "99999999999"))).getMessage();
        assertTrue(timeout.contains("Answer timeout"), timeout);
        String device = assertThrows(IllegalArgumentException.class, () -> IndiSettings.of(DeviceKind.FOCUSER, Map.of(IndiSettings.DEVICE, "  ")))
                .getMessage();
        assertTrue(device.contains("Device name"), device);
    }

    @Test
    void aDeviceIsNotMadeWithoutItsNameThoughFindLooksWithout() {
        String refused = assertThrows(IllegalArgumentException.class,
                () -> new IndiProvider().create(DeviceKind.CAMERA, Map.of(IndiSettings.DEVICE, ""), IndiContractTest.CONTEXT)).getMessage();
        assertTrue(refused.contains("Device name"), refused);
        assertEquals("", IndiSettings.ofServer(DeviceKind.CAMERA, Map.of(IndiSettings.DEVICE, "")).device());
    }
}
