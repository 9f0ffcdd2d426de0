package org.nocturne.device.indi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObservedPlace;
import org.nocturne.core.sky.TopocentricSky;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.api.mount.MountActivity;
import org.nocturne.device.api.mount.MountAxis;
import org.nocturne.device.api.mount.MountCapabilities;
import org.nocturne.device.api.mount.TrackingRate;
import org.nocturne.device.indi.protocol.IndiXml;
import org.nocturne.image.PierSide;

/**
 * The Telescope Simulator through the driver beyond the contract: the profile's site reaches the mount (the hour angle
 * and altitude it reports agree with Nocturne's own sky for that site), tracking on and off, an axis moved at a rate,
 * park and unpark.
 */
class IndiMountTest {

    @Test
    void slewsWithTheProfilesSiteTracksMovesAnAxisAndParks() throws Exception {
        try (IndiServer server = IndiServer.start("indi_simulator_telescope")) {
            Map<String, Double> park = new LinkedHashMap<>();
            park.put("PARK_HA", 1.5);
            park.put("PARK_DEC", 80.0);
            server.configure("Telescope Simulator", IndiXml.newNumbers("Telescope Simulator", "TELESCOPE_PARK_POSITION", park));
            Mount mount = (Mount) new IndiProvider().create(DeviceKind.MOUNT, server.settings("Telescope Simulator"), IndiContractTest.CONTEXT);
            IndiHostileInputTest.await(mount.connect());
            MountCapabilities capabilities = mount.capabilities();
            assertEquals(MountCapabilities.EquatorialSystem.JNOW, capabilities.equatorialSystem());
            assertTrue(capabilities.canPark() && capabilities.canSync() && capabilities.canPulseGuide() && capabilities.canMoveAxis());
            assertEquals(0.5, capabilities.guideRateSidereal(), 1e-9);
            assertTrue(capabilities.isGermanEquatorial());

            Equatorial target = IndiContractTest.nearPoleWestOfMeridian();
            IndiHostileInputTest.await(mount.slew(target));
            ObservedPlace expected = new TopocentricSky(IndiContractTest.SITE).observe(target, AstroTime.of(Instant.now()));
            assertEquals(expected.hourAngleHours(), mount.state().hourAngleHours(), 0.01, "hour angle at the profile's longitude");
            assertEquals(expected.altitudeDegrees(), mount.state().altitudeDegrees(), 0.05, "altitude at the profile's latitude");
            assertEquals(PierSide.EAST, mount.state().pierSide(), "west of the meridian, the tube is east of the pier");
            assertEquals(MountActivity.TRACKING, mount.state().activity());

            IndiHostileInputTest.await(mount.setTracking(null));
            assertEquals(MountActivity.STOPPED, mount.state().activity());
            assertNull(mount.state().trackingRate());
            IndiHostileInputTest.await(mount.setTracking(TrackingRate.SIDEREAL));
            assertEquals(MountActivity.TRACKING, mount.state().activity());
            assertEquals(TrackingRate.SIDEREAL, mount.state().trackingRate());

            double before = mount.state().position().decDegrees();
            IndiHostileInputTest.await(mount.moveAxis(MountAxis.DECLINATION, -capabilities.maxAxisRateDegreesPerSecond()));
            IndiHostileInputTest.awaitState(mount, state -> state.activity() == MountActivity.MOVING);
            Thread.sleep(1500);
            IndiHostileInputTest.await(mount.moveAxis(MountAxis.DECLINATION, 0));
            IndiHostileInputTest.awaitState(mount, state -> state.activity() != MountActivity.MOVING);
            assertTrue(mount.state().position().decDegrees() < before, "moved south: " + before + " → " + mount.state().position().decDegrees());

            IndiHostileInputTest.await(mount.park());
            assertEquals(MountActivity.PARKED, mount.state().activity());
            Throwable refused = IndiHostileInputTest.failureOf(mount.slew(target));
            assertInstanceOf(DeviceException.class, refused);
            assertTrue(refused.getMessage().contains("parked"), refused.getMessage());
            IndiHostileInputTest.await(mount.unpark());
            assertTrue(mount.state().activity() != MountActivity.PARKED, mount.state().toString());
            IndiHostileInputTest.await(mount.disconnect());
        }
    }
}
