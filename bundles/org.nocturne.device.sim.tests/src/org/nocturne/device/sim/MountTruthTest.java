package org.nocturne.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.mount.GuideDirection;
import org.nocturne.device.api.mount.Mount;

/** The simulated mount's truth against its reports, with every error switched off so that they must agree. */
class MountTruthTest {

    private static final Map<String, String> PERFECT = Map.of("polarAltitudeErrorArcmin", "0", "polarAzimuthErrorArcmin", "0",
            "pointingErrorArcmin", "0", "slewJitterArcsec", "0", "periodicErrorArcsec", "0");

    @Test
    void aPerfectMountTracksItsTargetAndLookingAtThePastChangesNothing() throws Exception {
        SimDevices devices = new SimDevices();
        Mount mount = devices.make(DeviceKind.MOUNT, Mount.class, PERFECT);
        mount.connect().get(10, TimeUnit.SECONDS);
        mount.unpark().get(10, TimeUnit.SECONDS);
        mount.slew(SimulatorContractTest.PLEIADES).get(10, TimeUnit.SECONDS);
        assertWithin(1, SimulatorContractTest.PLEIADES, devices.observatory.truth().pointing(), "after the slew");
        devices.observatory.clock().sleep(Duration.ofSeconds(600));
        devices.observatory.truth().pointingAt(devices.observatory.truth().now().minusSeconds(300));
        devices.observatory.truth().pointingAt(devices.observatory.truth().now().minusSeconds(30));
        assertWithin(1, SimulatorContractTest.PLEIADES, devices.observatory.truth().pointing(), "ten minutes and two looks back later");
    }

    @Test
    void aStoppedMountReportsWhatItReallyPointsAt() throws Exception {
        SimDevices devices = new SimDevices();
        Mount mount = devices.make(DeviceKind.MOUNT, Mount.class, PERFECT);
        mount.connect().get(10, TimeUnit.SECONDS);
        mount.unpark().get(10, TimeUnit.SECONDS);
        mount.slew(SimulatorContractTest.PLEIADES).get(10, TimeUnit.SECONDS);
        mount.setTracking(null).get(10, TimeUnit.SECONDS);
        devices.observatory.clock().sleep(Duration.ofSeconds(600));
        mount.pulseGuide(GuideDirection.WEST, Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
        // At a thousand times real time the sky moves 15″ a millisecond: nearly stop the clock, then take a fresh
        // report and the truth at the same simulated moment.
        devices.observatory.clock().setScale(0.001);
        mount.setTracking(null).get(10, TimeUnit.SECONDS);
        Equatorial truth = devices.observatory.truth().pointing();
        assertTrue(Math.abs(truth.raRadians() - SimulatorContractTest.PLEIADES.raRadians()) > Math.toRadians(2), "the sky moved on");
        assertWithin(1, truth, mount.state().position(), "reported after ten minutes stopped and a west pulse");
    }

    @Test
    void aGuidePulseAtTheParkPositionLeavesTheTruthUsable() throws Exception {
        SimDevices devices = new SimDevices();
        Mount mount = devices.make(DeviceKind.MOUNT, Mount.class);
        mount.connect().get(10, TimeUnit.SECONDS);
        mount.unpark().get(10, TimeUnit.SECONDS);
        mount.pulseGuide(GuideDirection.NORTH, Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
        Equatorial truth = devices.observatory.truth().pointing();
        assertTrue(Double.isFinite(truth.raRadians()) && truth.decDegrees() > 85, "still near the pole: " + truth);
    }

    private static void assertWithin(double arcsec, Equatorial expected, Equatorial actual, String when) {
        double cos = Math.sin(expected.decRadians()) * Math.sin(actual.decRadians())
                + Math.cos(expected.decRadians()) * Math.cos(actual.decRadians()) * Math.cos(expected.raRadians() - actual.raRadians());
        double separation = Math.toDegrees(Math.acos(Math.min(1, cos))) * 3600;
        assertEquals(0, separation, arcsec, when + ": " + separation + "″ apart");
    }
}
