package org.nocturne.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nocturne.core.task.Progress;
import org.nocturne.device.api.camera.ExposureRequest;
import org.nocturne.device.api.mount.MountState;
import org.nocturne.device.core.DeviceRegistry;
import org.nocturne.device.core.equipment.Equipment;
import org.nocturne.device.core.equipment.EquipmentStamp;
import org.nocturne.device.core.profile.EquipmentProfile;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;

/** A frame from the simulated camera gets the mount's, focuser's, wheel's and rotator's reports, not the sky's truth. */
class EquipmentStampTest {

    @Test
    void theFrameCarriesWhatTheOtherDevicesReport() throws Exception {
        SimDevices devices = new SimDevices();
        DeviceRegistry registry = new DeviceRegistry();
        registry.addProvider(devices.provider);
        EquipmentProfile profile = EquipmentProfile.simulator().withSite(SimDevices.SITE)
                .withTelescope(devices.context.focalLengthMm(), devices.context.apertureMm());
        Equipment equipment = Equipment.create(profile, registry, devices.context.seed());
        equipment.connectAll().get(20, TimeUnit.SECONDS);
        equipment.mount().orElseThrow().unpark().get(10, TimeUnit.SECONDS);
        equipment.mount().orElseThrow().slew(SimulatorContractTest.PLEIADES).get(10, TimeUnit.SECONDS);
        equipment.filterWheel().orElseThrow().select(2).get(10, TimeUnit.SECONDS);
        equipment.rotator().orElseThrow().moveMechanical(33).get(20, TimeUnit.SECONDS);

        Frame frame = equipment.camera().orElseThrow().expose(ExposureRequest.light(1), Progress.NONE).get(20, TimeUnit.SECONDS);
        assertNull(frame.metadata().pointing(), "a camera does not know where the mount points");

        Frame stamped = EquipmentStamp.stamp(frame, equipment);
        FrameMetadata m = stamped.metadata();
        MountState mount = equipment.mount().orElseThrow().state();
        assertEquals(mount.position(), m.pointing(), "the mount's report, which its pointing error keeps from the truth");
        assertEquals(mount.pierSide(), m.pierSide());
        assertEquals(equipment.focuser().orElseThrow().state().position(), m.focuser().position());
        assertEquals(equipment.filterWheel().orElseThrow().filters().get(2).name(), m.filter());
        assertEquals(33, m.rotator().mechanicalAngle(), 0.5, "rotator angle, degrees");
        assertEquals(SimDevices.SITE, m.site());
        assertEquals(devices.context.focalLengthMm(), m.optics().focalLengthMm());
        assertEquals(frame.pixels(), stamped.pixels(), "the pixels are shared");
        equipment.disconnectAll().get(20, TimeUnit.SECONDS);
    }
}
