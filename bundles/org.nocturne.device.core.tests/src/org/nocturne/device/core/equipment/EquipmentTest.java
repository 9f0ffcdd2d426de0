package org.nocturne.device.core.equipment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.device.api.DeviceContext;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.core.DeviceRegistry;
import org.nocturne.device.core.profile.DeviceChoice;
import org.nocturne.device.core.profile.EquipmentProfile;
import org.nocturne.device.core.testing.FakeDevice;
import org.nocturne.device.core.testing.FakeProvider;

class EquipmentTest {

    private static final ObserverSite SITE = new ObserverSite("Backyard", 45.5, 7.25, 300);

    private final FakeProvider simulator = new FakeProvider(EquipmentProfile.SIMULATOR_PROVIDER_ID, "Sky simulator");
    private final DeviceRegistry registry = new DeviceRegistry();

    EquipmentTest() {
        registry.addProvider(simulator);
    }

    private static EquipmentProfile threeDevices() {
        EquipmentProfile profile = EquipmentProfile.simulator().withSite(SITE).withTelescope(530, 106);
        for (DeviceKind kind : DeviceKind.values()) {
            if (kind != DeviceKind.CAMERA && kind != DeviceKind.MOUNT && kind != DeviceKind.FOCUSER) {
                profile = profile.withoutDevice(kind);
            }
        }
        return profile;
    }

    @Test
    void makesEveryChosenDeviceWithTheProfilesSiteTelescopeAndSeed() throws Exception {
        Equipment equipment = Equipment.create(threeDevices(), registry, 42);

        assertEquals(List.of(DeviceKind.CAMERA, DeviceKind.MOUNT, DeviceKind.FOCUSER), List.copyOf(equipment.devices().keySet()));
        assertSame(simulator.made(DeviceKind.CAMERA).device(), equipment.camera().orElseThrow());
        assertSame(simulator.made(DeviceKind.MOUNT).device(), equipment.device(DeviceKind.MOUNT, Mount.class).orElseThrow());
        assertSame(simulator.made(DeviceKind.FOCUSER).device(), equipment.focuser().orElseThrow());
        assertTrue(equipment.filterWheel().isEmpty());
        assertTrue(equipment.safetyMonitor().isEmpty());
        assertEquals(List.of(new DeviceContext(SITE, 530, 106, 42)), simulator.contexts().stream().distinct().toList());
        assertTrue(simulator.made().stream().noneMatch(FakeDevice::isConnected), "made, not connected");
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> equipment.device(DeviceKind.MOUNT, Camera.class));
        assertEquals("Mount devices are Mount, not Camera", wrongType.getMessage());
    }

    @Test
    void theSimulatorProfileMakesOneDeviceOfEveryKind() throws Exception {
        Equipment equipment = Equipment.create(EquipmentProfile.simulator(), registry, 1);

        assertEquals(DeviceKind.values().length, equipment.devices().size());
        for (DeviceKind kind : DeviceKind.values()) {
            assertInstanceOf(kind.type(), equipment.devices().get(kind));
        }
        assertTrue(equipment.switches().isPresent() && equipment.weather().isPresent() && equipment.guider().isPresent());
    }

    @Test
    void aProfileNamingAMissingDriverSaysWhichKindAndDriver() {
        EquipmentProfile profile = threeDevices()
                .withDevice(DeviceKind.CAMERA, DeviceChoice.withDefaults("org.x.y"))
                .withDevice(DeviceKind.FOCUSER, new DeviceChoice(EquipmentProfile.SIMULATOR_PROVIDER_ID, Map.of("speed", "3")));

        EquipmentException failure = assertThrows(EquipmentException.class, () -> Equipment.create(profile, registry, 1));

        assertEquals("""
                Could not make 2 of 3 devices of profile "Simulator":
                Camera: driver org.x.y is not installed
                Focuser: setting "speed" is not one that Sky simulator (org.nocturne.device.sim) knows; it takes no settings""",
                failure.getMessage());
        assertEquals(List.of(DeviceKind.CAMERA, DeviceKind.FOCUSER), failure.failures().stream().map(DeviceFailure::kind).toList());
    }

    @Test
    void aDriverThatFailsToMakeItsDeviceIsNamed() {
        simulator.failingToCreate(DeviceKind.MOUNT, "no mount model \"EQ9\"");

        EquipmentException failure = assertThrows(EquipmentException.class, () -> Equipment.create(threeDevices(), registry, 1));

        assertEquals(List.of(new DeviceFailure(DeviceKind.MOUNT,
                "Mount: driver Sky simulator (org.nocturne.device.sim) could not make the device: no mount model \"EQ9\"")),
                failure.failures());
        assertEquals(1, failure.getSuppressed().length, "the cause is kept for the log");
    }

    @Test
    void connectAllNamesTheDeviceThatFailedAndStillConnectsTheOthers() throws Exception {
        simulator.connecting(DeviceKind.CAMERA, FakeDevice.Connect.LATER)
                .connecting(DeviceKind.MOUNT, FakeDevice.Connect.FAILS)
                .connecting(DeviceKind.FOCUSER, FakeDevice.Connect.LATER);
        Equipment equipment = Equipment.create(threeDevices(), registry, 1);

        CompletableFuture<Void> connecting = equipment.connectAll();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> connecting.get(10, TimeUnit.SECONDS));

        EquipmentException failure = assertInstanceOf(EquipmentException.class, failed.getCause());
        assertEquals("Could not connect 1 of 3 devices:\nMount \"Fake mount\": Fake mount does not answer on its port", failure.getMessage());
        assertEquals(List.of(DeviceKind.MOUNT), failure.failures().stream().map(DeviceFailure::kind).toList());
        assertTrue(simulator.made(DeviceKind.CAMERA).isConnected(), "the camera connected although the mount failed first");
        assertTrue(simulator.made(DeviceKind.FOCUSER).isConnected());
        assertFalse(simulator.made(DeviceKind.MOUNT).isConnected());
    }

    @Test
    void aDeviceThatThrowsInsteadOfFailingItsFutureIsReportedLikeAnyFailure() throws Exception {
        simulator.connecting(DeviceKind.FOCUSER, FakeDevice.Connect.THROWS).connecting(DeviceKind.CAMERA, FakeDevice.Connect.FAILS);
        Equipment equipment = Equipment.create(threeDevices(), registry, 1);

        ExecutionException failed = assertThrows(ExecutionException.class, () -> equipment.connectAll().get(10, TimeUnit.SECONDS));

        assertEquals("""
                Could not connect 2 of 3 devices:
                Camera "Fake camera": Fake camera does not answer on its port
                Focuser "Fake focuser": Fake focuser threw instead of failing its future""", failed.getCause().getMessage());
        assertTrue(simulator.made(DeviceKind.MOUNT).isConnected());
    }

    @Test
    void connectAllAndDisconnectAllCompleteWhenEveryDeviceHas() throws Exception {
        simulator.connecting(DeviceKind.MOUNT, FakeDevice.Connect.LATER);
        Equipment equipment = Equipment.create(threeDevices(), registry, 1);

        equipment.connectAll().get(10, TimeUnit.SECONDS);
        assertTrue(simulator.made().stream().allMatch(FakeDevice::isConnected));

        equipment.disconnectAll().get(10, TimeUnit.SECONDS);
        assertTrue(simulator.made().stream().noneMatch(FakeDevice::isConnected));
    }

    @Test
    void cancellingConnectAllCancelsTheConnectsStillRunning() throws Exception {
        simulator.connecting(DeviceKind.MOUNT, FakeDevice.Connect.NEVER);
        Equipment equipment = Equipment.create(threeDevices(), registry, 1);

        CompletableFuture<Void> connecting = equipment.connectAll();
        assertFalse(connecting.isDone(), "waits for the mount");
        connecting.cancel(true);

        assertTrue(simulator.made(DeviceKind.MOUNT).lastConnect().isCancelled());
        assertTrue(simulator.made(DeviceKind.CAMERA).isConnected());
    }

    @Test
    void equipmentWithoutDevicesConnectsAtOnce() throws Exception {
        EquipmentProfile empty = threeDevices().withoutDevice(DeviceKind.CAMERA).withoutDevice(DeviceKind.MOUNT)
                .withoutDevice(DeviceKind.FOCUSER);

        Equipment equipment = Equipment.create(empty, registry, 1);

        assertTrue(equipment.connectAll().isDone());
        assertTrue(equipment.devices().isEmpty());
    }
}
