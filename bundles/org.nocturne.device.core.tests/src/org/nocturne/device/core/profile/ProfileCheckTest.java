package org.nocturne.device.core.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.core.DeviceRegistry;
import org.nocturne.device.core.testing.FakeProvider;

class ProfileCheckTest {

    private final DeviceRegistry registry = new DeviceRegistry();
    private final ProfileCheck check = new ProfileCheck(registry);

    ProfileCheckTest() {
        registry.addProvider(new FakeProvider("org.nocturne.device.sim", "Sky simulator"));
        registry.addProvider(new FakeProvider("test.weather", "Weather station", EnumSet.of(DeviceKind.WEATHER)));
    }

    @Test
    void soundChoicesAndLeftOutSettingsHaveNoProblems() {
        EquipmentProfile profile = EquipmentProfile.simulator()
                .withDevice(DeviceKind.CAMERA, new DeviceChoice("org.nocturne.device.sim", Map.of("gain", " 120 ", "readout", "quality")))
                .withDevice(DeviceKind.WEATHER, DeviceChoice.withDefaults("test.weather"));

        assertEquals(List.of(), check.problems(profile));
    }

    @Test
    void everyProblemNamesTheKindAndTheSetting() {
        EquipmentProfile profile = EquipmentProfile.simulator()
                .withDevice(DeviceKind.CAMERA, new DeviceChoice("org.nocturne.device.sim",
                        Map.of("gain", "high", "readout", "slow", "port", "70000", "gian", "100")))
                .withDevice(DeviceKind.MOUNT, DeviceChoice.withDefaults("org.x.y"))
                .withDevice(DeviceKind.FOCUSER, new DeviceChoice("org.nocturne.device.sim", Map.of("speed", "3")))
                .withDevice(DeviceKind.GUIDER, DeviceChoice.withDefaults("test.weather"));

        assertEquals(List.of(
                "Camera: setting \"gain\": Gain \"high\" is not a whole number",
                "Camera: setting \"gian\" is not one that Sky simulator (org.nocturne.device.sim) knows; it takes gain, readout, port",
                "Camera: setting \"port\": Server port 70000 is not a TCP port (1 to 65535)",
                "Camera: setting \"readout\": Readout mode \"slow\" is not one of [fast, quality]",
                "Mount: driver org.x.y is not installed",
                "Focuser: setting \"speed\" is not one that Sky simulator (org.nocturne.device.sim) knows; it takes no settings",
                "Guider: driver Weather station (test.weather) does not make this kind of device"), check.problems(profile));
    }

    @Test
    void aDriverInstalledLaterClearsItsProblem() {
        DeviceChoice choice = DeviceChoice.withDefaults("org.x.y");
        assertEquals(List.of("Camera: driver org.x.y is not installed"), check.problems(DeviceKind.CAMERA, choice));

        registry.addProvider(new FakeProvider("org.x.y", "X"));

        assertEquals(List.of(), check.problems(DeviceKind.CAMERA, choice));
    }
}
