package org.nocturne.device.lx200;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.DeviceContext;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.Discovered;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.mount.Mount;

/** The provider's identity, its form, its checks of settings, and serial port discovery through jSerialComm. */
class Lx200ProviderTest {

    private final Lx200Provider provider = new Lx200Provider();

    @Test
    void isAMountProviderWithAFormForSerialAndTcp() {
        assertEquals("org.nocturne.device.lx200", provider.id());
        assertEquals("LX200 (serial or TCP)", provider.name());
        assertEquals(Set.of(DeviceKind.MOUNT), provider.kinds());
        List<String> keys = provider.settings(DeviceKind.MOUNT).stream().map(SettingDescriptor::key).toList();
        assertEquals(List.of("name", "connection", "serialPort", "baud", "host", "tcpPort", "timeout", "guideRate", "pulseGuide", "sendSiteAndTime"),
                keys);
        for (SettingDescriptor setting : provider.settings(DeviceKind.MOUNT)) {
            setting.check(setting.defaultValue());
        }
        assertThrows(IllegalArgumentException.class, () -> provider.settings(DeviceKind.CAMERA));
    }

    @Test
    void defaultsMakeASerialMountAt9600Baud() {
        Lx200Settings settings = Lx200Settings.of(Map.of());
        assertEquals(false, settings.tcp());
        assertEquals(9600, settings.baud());
        assertEquals(2000, settings.timeoutMillis());
        Mount mount = (Mount) provider.create(DeviceKind.MOUNT, Map.of(), new DeviceContext(TestMounts.SITE, 800, 200, 1));
        assertEquals("LX200 mount", mount.info().name());
        assertTrue(mount.info().description().contains(settings.serialPort()), mount.info().description());
    }

    @Test
    void badSettingsAreRefusedByName() {
        DeviceContext context = new DeviceContext(TestMounts.SITE, 800, 200, 1);
        assertMessage("Baud rate", () -> provider.create(DeviceKind.MOUNT, Map.of("baud", "1234"), context));
        assertMessage("Bridge TCP port", () -> provider.create(DeviceKind.MOUNT, Map.of("tcpPort", "70000"), context));
        assertMessage("Command timeout", () -> provider.create(DeviceKind.MOUNT, Map.of("timeout", "0"), context));
        assertMessage("Unknown setting \"speed\"", () -> provider.create(DeviceKind.MOUNT, Map.of("speed", "1"), context));
        assertMessage("Serial port", () -> provider.create(DeviceKind.MOUNT, Map.of("serialPort", " "), context));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable executable) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void discoveryListsTheSerialPortsJSerialCommSeesAsSerialSettings() throws Exception {
        List<Discovered> found = provider.discover(DeviceKind.MOUNT, Map.of()).get(30, TimeUnit.SECONDS);
        for (Discovered port : found) {
            assertEquals("serial", port.settings().get("connection"));
            assertTrue(port.label().startsWith(port.settings().get("serialPort")), port.label());
        }
        assertEquals(List.of(), provider.discover(DeviceKind.FOCUSER, Map.of()).get(30, TimeUnit.SECONDS));
    }
}
