package org.nocturne.device.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.ApparentFrame;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.alpaca.server.AlpacaTestServer;
import org.nocturne.device.alpaca.server.TestTelescope;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.api.mount.MountActivity;
import org.nocturne.device.api.mount.MountAxis;
import org.nocturne.device.api.mount.MountCapabilities.EquatorialSystem;
import org.nocturne.image.PierSide;

/**
 * A JNow mount is sent apparent places of date and a J2000 mount ICRS places, while callers always speak ICRS; the
 * hour angle comes from the mount's sidereal time; axis moves show as MOVING and move the mount.
 */
class MountFrameTest {

    private static final double ARCSEC_DEGREES = 1.0 / 3600;

    private AlpacaTestServer server;
    private AlpacaClient probe;

    @BeforeEach
    void start() throws Exception {
        server = AlpacaTestServer.start();
        probe = new AlpacaClient(new AlpacaEndpoint("127.0.0.1", server.port(), "telescope", 0, Duration.ofSeconds(3)), "probe");
    }

    @AfterEach
    void stop() {
        probe.close();
        server.close();
    }

    /** On the meridian, 40° from the pole: high at the test site now. */
    private static Equatorial meridianTarget() {
        return ApparentFrame.toIcrs(Equatorial.ofHoursDegrees(TestTelescope.siderealTime(), 50), AstroTime.of(Instant.now()));
    }

    @Test
    void aJNowMountIsSentApparentPlacesAndReportsInIcrs() throws Exception {
        Mount mount = connectedMount();
        assertEquals(EquatorialSystem.JNOW, mount.capabilities().equatorialSystem());
        Equatorial target = meridianTarget();
        mount.slew(target).get(60, TimeUnit.SECONDS);
        Equatorial apparent = ApparentFrame.fromIcrs(target, AstroTime.of(Instant.now()));
        assertEquals(apparent.decDegrees(), probe.getDouble("declination"), ARCSEC_DEGREES, "the mount got the apparent declination");
        assertEquals(apparent.raHours(), probe.getDouble("rightascension"), ARCSEC_DEGREES / 15, "the mount got the apparent right ascension");
        assertTrue(target.separationDegrees(apparent) > 0.1, "JNow differs from J2000 by a quarter century of precession");
        assertEquals(target.decDegrees(), mount.state().position().decDegrees(), ARCSEC_DEGREES, "reported back in ICRS");
        assertEquals(0, mount.state().hourAngleHours(), 0.01, "on the meridian");
        mount.disconnect().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aJ2000MountIsSentIcrsPlacesAsTheyAre() throws Exception {
        server.telescope.j2000(true);
        Mount mount = connectedMount();
        assertEquals(EquatorialSystem.J2000, mount.capabilities().equatorialSystem());
        Equatorial target = meridianTarget();
        mount.slew(target).get(60, TimeUnit.SECONDS);
        assertEquals(target.decDegrees(), probe.getDouble("declination"), ARCSEC_DEGREES);
        assertEquals(target.raHours(), probe.getDouble("rightascension"), ARCSEC_DEGREES / 15);
        mount.disconnect().get(30, TimeUnit.SECONDS);
    }

    @Test
    void anAxisMoveShowsAsMovingAndStops() throws Exception {
        Mount mount = connectedMount();
        mount.slew(meridianTarget()).get(60, TimeUnit.SECONDS);
        double before = probe.getDouble("declination");
        mount.moveAxis(MountAxis.DECLINATION, 1.0).get(30, TimeUnit.SECONDS);
        assertEquals(MountActivity.MOVING, mount.state().activity());
        Thread.sleep(300);
        mount.moveAxis(MountAxis.DECLINATION, 0).get(30, TimeUnit.SECONDS);
        assertEquals(MountActivity.TRACKING, mount.state().activity());
        assertTrue(probe.getDouble("declination") - before > 0.25, "moved north at 1°/s for 0.3 s or more");
        mount.disconnect().get(30, TimeUnit.SECONDS);
    }

    /**
     * East of the meridian a German mount points through the pole (ASCOM pierWest), where the ASCOM simulator's positive
     * secondary rate lowers the declination: positive must still mean north.
     */
    @Test
    void aPositiveDeclinationRateMovesNorthOnEitherSideOfThePier() throws Exception {
        Mount mount = connectedMount();
        for (double hourAngle : new double[] { 2, -2 }) {
            Equatorial apparent = Equatorial.ofHoursDegrees(((TestTelescope.siderealTime() - hourAngle) % 24 + 24) % 24, 40);
            mount.slew(ApparentFrame.toIcrs(apparent, AstroTime.of(Instant.now()))).get(60, TimeUnit.SECONDS);
            assertEquals(hourAngle > 0 ? PierSide.EAST : PierSide.WEST, mount.state().pierSide());
            double before = probe.getDouble("declination");
            mount.moveAxis(MountAxis.DECLINATION, 1.0).get(30, TimeUnit.SECONDS);
            Thread.sleep(300);
            mount.moveAxis(MountAxis.DECLINATION, 0).get(30, TimeUnit.SECONDS);
            assertTrue(probe.getDouble("declination") - before > 0.25, "moved north at 1°/s for 0.3 s or more, hour angle " + hourAngle);
        }
        mount.disconnect().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aPositiveRightAscensionRateMovesWest() throws Exception {
        Mount mount = connectedMount();
        mount.slew(meridianTarget()).get(60, TimeUnit.SECONDS);
        double before = probe.getDouble("rightascension");
        mount.moveAxis(MountAxis.RIGHT_ASCENSION, 1.0).get(30, TimeUnit.SECONDS);
        Thread.sleep(300);
        mount.moveAxis(MountAxis.RIGHT_ASCENSION, 0).get(30, TimeUnit.SECONDS);
        double moved = Math.IEEEremainder(probe.getDouble("rightascension") - before, 24) * 15;
        assertTrue(moved < -0.25, "the right ascension fell by 0.3° or more at 1°/s (west): " + moved + "°");
        mount.disconnect().get(30, TimeUnit.SECONDS);
    }

    private Mount connectedMount() throws Exception {
        Mount mount = TestBench.make(server, DeviceKind.MOUNT, Mount.class);
        mount.connect().get(30, TimeUnit.SECONDS);
        mount.unpark().get(30, TimeUnit.SECONDS);
        probe.put("connected", "Connected", "true");
        return mount;
    }
}
