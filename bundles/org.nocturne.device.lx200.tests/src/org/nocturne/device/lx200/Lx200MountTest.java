package org.nocturne.device.lx200;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.ApparentFrame;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.mount.GuideDirection;
import org.nocturne.device.api.mount.MountActivity;
import org.nocturne.device.api.mount.MountAxis;
import org.nocturne.device.api.mount.MountCapabilities.EquatorialSystem;
import org.nocturne.device.api.mount.TrackingRate;

/**
 * The driver against the responder over TCP. A classic Meade LX200: the driver switches it to high precision, sets
 * its site and clock in Meade's conventions, reports positions as exactly as 1 s of RA and 1″ of declination allow,
 * and maps moves, tracking rates and parking onto the classic command set honestly. A 10Micron: ultra precision,
 * status, unpark, tracking on and off, guide pulses.
 */
class Lx200MountTest {

    private Lx200Responder responder;
    private TcpPeer peer;
    private Lx200Mount mount;

    private void connect(Lx200Responder.Profile profile, Map<String, String> settings) throws Exception {
        responder = new Lx200Responder(profile);
        peer = new TcpPeer(responder::serve);
        mount = (Lx200Mount) TestMounts.tcp(peer.port(), settings);
        await(mount.connect());
    }

    @AfterEach
    void close() throws Exception {
        try {
            if (mount != null) {
                await(mount.disconnect());
            }
        } finally {
            if (peer != null) {
                peer.close();
            }
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        fail("expected a failure");
        return null;
    }

    private long count(String command) {
        return Collections.frequency(responder.received(), command);
    }

    /**
     * Asserts the responder got {@code command} {@code times} times, waiting for it: a command that answers nothing
     * completes once sent, possibly before the responder has read it.
     */
    private void assertReceived(String command, long times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count(command) < times && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(times, count(command), command + " in " + responder.received());
    }

    @Test
    void connectingSwitchesToHighPrecisionAndReportsAClassicFork() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC, Map.of());
        assertReceived("U", 1);
        assertEquals("HIGH", responder.precision());
        assertEquals(Lx200Precision.HIGH, mount.precision());
        assertEquals("LX200 Classic 3.34", mount.productAndFirmware());
        assertEquals(EquatorialSystem.JNOW, mount.capabilities().equatorialSystem());
        assertFalse(mount.capabilities().canPark(), "no unpark command on a classic LX200");
        assertFalse(mount.capabilities().isGermanEquatorial());
        assertEquals(MountActivity.TRACKING, mount.state().activity());
        assertNull(mount.state().pierSide(), "the classic protocol cannot tell the side of pier");
        assertEquals(90, mount.state().position() == null ? 0 : Math.toDegrees(
                ApparentFrame.fromIcrs(mount.state().position(), AstroTime.of(java.time.Instant.now())).decRadians()), 0.001);
    }

    @Test
    void aCloneAnsweringProductQueriesWithABareZeroIsTakenAsClassic() throws Exception {
        connect(Lx200Responder.Profile.CLONE, Map.of("timeout", "0.3"));
        assertEquals("", mount.productAndFirmware());
        assertEquals(Lx200Precision.HIGH, mount.precision());
        await(mount.slew(TestMounts.reachableTarget()));
        assertEquals(MountActivity.TRACKING, mount.state().activity());
    }

    @Test
    void aMountAlreadyInHighPrecisionIsNotToggled() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC, Map.of());
        await(mount.disconnect());
        await(mount.connect());
        assertReceived("U", 1);
        assertEquals("HIGH", responder.precision());
    }

    @Test
    void slewAndSyncReportTheTargetAsExactlyAsHighPrecisionAllows() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC, Map.of());
        Equatorial target = TestMounts.reachableTarget();
        await(mount.slew(target));
        assertEquals(MountActivity.TRACKING, mount.state().activity());
        assertEquals(TrackingRate.SIDEREAL, mount.state().trackingRate());
        assertWithinHighPrecision(target, mount.state().position());
        assertTrue(mount.state().altitudeDegrees() > 30, "altitude " + mount.state().altitudeDegrees());

        Equatorial nearby = new Equatorial(target.raRadians() + 0.001, target.decRadians() - 0.001);
        await(mount.sync(nearby));
        assertWithinHighPrecision(nearby, mount.state().position());
        assertReceived("CM", 1);
    }

    /** Half a step of the target as sent plus nothing for the report (the mount stands at the parsed target). */
    private static void assertWithinHighPrecision(Equatorial expected, Equatorial reported) {
        double raSeconds = Math.IEEEremainder(reported.raHours() - expected.raHours(), 24) * 3600;
        double decArcsec = (reported.decDegrees() - expected.decDegrees()) * 3600;
        assertEquals(0, raSeconds, 0.5 + 0.02, "right ascension error in seconds of time");
        assertEquals(0, decArcsec, 0.5 + 0.3, "declination error in arc-seconds");
    }

    @Test
    void siteAndClockAreSentInMeadesConventions() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC, Map.of());
        ZonedDateTime now = ZonedDateTime.now();
        assertTrue(responder.received().contains("St+48*00"), responder.received().toString());
        assertTrue(responder.received().contains("Sg349*00"), "11° east is 349° west: " + responder.received());
        assertTrue(responder.received().contains(Lx200SiteCommands.utcOffset(now.getOffset()).replaceAll("[:#]", "")), responder.received().toString());
        assertEquals(1, responder.received().stream().filter(c -> c.startsWith("SL")).count());
        assertEquals(1, responder.received().stream().filter(c -> c.startsWith("SC")).count());
        assertTrue(responder.received().indexOf("GR") < responder.received().indexOf("St+48*00"), "position format first");
    }

    @Test
    void aDateAnswerWithoutMeadesTwoExtraLinesIsFineToo() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC.withoutPlanetaryLines(), Map.of("timeout", "0.3"));
        await(mount.slew(TestMounts.reachableTarget()));
        assertEquals(MountActivity.TRACKING, mount.state().activity());
    }

    @Test
    void noSiteOrClockIsSentWhenSwitchedOff() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC, Map.of("sendSiteAndTime", "false"));
        assertFalse(responder.received().stream().anyMatch(c -> c.startsWith("S")), responder.received().toString());
    }

    @Test
    void parksWithMeadesCommandButCannotUnpark() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC, Map.of());
        await(mount.unpark());
        await(mount.park());
        assertEquals(MountActivity.PARKED, mount.state().activity());
        assertReceived("hP", 1);
        assertTrue(failureOf(mount.slew(TestMounts.reachableTarget())).getMessage().contains("parked"));
        Throwable unpark = failureOf(mount.unpark());
        assertInstanceOf(DeviceException.class, unpark);
        assertTrue(unpark.getMessage().contains("no unpark command"), unpark.getMessage());
        assertEquals(ConnectionState.CONNECTED, mount.state().connection());
    }

    @Test
    void tracksAtTheThreeLx200RatesButCannotStop() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC, Map.of());
        await(mount.setTracking(TrackingRate.LUNAR));
        assertEquals(TrackingRate.LUNAR, mount.state().trackingRate());
        await(mount.setTracking(TrackingRate.SOLAR));
        await(mount.setTracking(TrackingRate.SIDEREAL));
        assertReceived("TL", 1);
        assertReceived("TS", 1);
        assertReceived("TQ", 1);
        assertTrue(failureOf(mount.setTracking(null)).getMessage().contains("cannot stop tracking"));
        assertInstanceOf(IllegalArgumentException.class, failureOf(mount.setTracking(TrackingRate.KING)));
        assertEquals(MountActivity.TRACKING, mount.state().activity());
    }

    @Test
    void movingAnAxisPicksTheNearestSpeedAndStopsThatAxisOnly() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC, Map.of());
        await(mount.moveAxis(MountAxis.RIGHT_ASCENSION, 0.5));
        assertEquals(MountActivity.MOVING, mount.state().activity());
        assertReceived("Mw", 1);
        assertReceived("Me", 0);
        assertTrue(responder.received().indexOf("RM") < responder.received().indexOf("Mw"), responder.received().toString());
        assertEquals(-1.0, responder.mount().raAxisRate(), 1e-9, "west at find speed, nominally 1°/s: right ascension falls");
        await(mount.moveAxis(MountAxis.DECLINATION, -0.7));
        assertReceived("Ms", 1);
        await(mount.moveAxis(MountAxis.RIGHT_ASCENSION, 0));
        assertReceived("Qw", 1);
        assertEquals(0, responder.mount().raAxisRate());
        assertTrue(responder.mount().decAxisRate() < 0, "declination still moving");
        assertEquals(MountActivity.MOVING, mount.state().activity());
        await(mount.moveAxis(MountAxis.DECLINATION, 0));
        assertEquals(MountActivity.TRACKING, mount.state().activity());
        await(mount.moveAxis(MountAxis.RIGHT_ASCENSION, -0.002));
        assertReceived("RG", 1);
        assertReceived("Me", 1);
        await(mount.moveAxis(MountAxis.RIGHT_ASCENSION, 0));
        Throwable tooFast = failureOf(mount.moveAxis(MountAxis.DECLINATION, -4.5));
        assertInstanceOf(IllegalArgumentException.class, tooFast);
        assertTrue(tooFast.getMessage().contains("Axis rate"), tooFast.getMessage());
    }

    @Test
    void theSecondAxisIsRefusedASpeedOtherThanTheOneBothAxesShare() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC, Map.of());
        await(mount.moveAxis(MountAxis.RIGHT_ASCENSION, 0.5));
        Throwable refused = failureOf(mount.moveAxis(MountAxis.DECLINATION, 0.002));
        assertInstanceOf(IllegalArgumentException.class, refused);
        assertTrue(refused.getMessage().contains("one speed for both axes") && refused.getMessage().contains("find speed"),
                refused.getMessage());
        assertReceived("Mw", 1);
        assertReceived("RG", 0);
        assertReceived("Mn", 0);
        assertEquals(-1.0, responder.mount().raAxisRate(), 1e-9, "right ascension keeps its speed");
        await(mount.moveAxis(MountAxis.DECLINATION, 0.8));
        assertReceived("Mn", 1);
        assertInstanceOf(IllegalArgumentException.class, failureOf(mount.moveAxis(MountAxis.RIGHT_ASCENSION, 3)));
        await(mount.moveAxis(MountAxis.DECLINATION, 0));
        await(mount.moveAxis(MountAxis.RIGHT_ASCENSION, 3));
        assertReceived("RS", 1);
        assertReceived("Mw", 2);
        assertEquals(-4.0, responder.mount().raAxisRate(), 1e-9, "an axis moving alone changes its speed freely");
    }

    @Test
    void guidePulsesAreSentInMillisecondsAndMoveAtTheGuideRate() throws Exception {
        connect(Lx200Responder.Profile.TEN_MICRON, Map.of());
        await(mount.unpark());
        await(mount.slew(TestMounts.reachableTarget()));
        double before = mount.state().position().decDegrees();
        await(mount.pulseGuide(GuideDirection.SOUTH, Duration.ofMillis(800)));
        assertReceived("Mgs0800", 1);
        double expected = -Lx200Responder.GUIDE_RATE_SIDEREAL * 15.041 * 0.8;
        assertEquals(expected, (mount.state().position().decDegrees() - before) * 3600, 0.2 * Math.abs(expected) + 0.5);
        assertInstanceOf(IllegalArgumentException.class, failureOf(mount.pulseGuide(GuideDirection.EAST, Duration.ofSeconds(10))));
    }

    @Test
    void aSlewBelowTheHorizonIsRefusedQuotingTheMountAndTheMountStaysConnected() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC, Map.of());
        Throwable refused = failureOf(mount.slew(Equatorial.ofHoursDegrees(3, -75)));
        assertInstanceOf(DeviceException.class, refused);
        assertTrue(refused.getMessage().contains("below the horizon") && refused.getMessage().contains("Object Below Horizon"), refused.getMessage());
        assertEquals(ConnectionState.CONNECTED, mount.state().connection());
        assertEquals(MountActivity.TRACKING, mount.state().activity());
    }

    @Test
    void aMountWithoutDistanceBarsIsJudgedOnItsPositionAlone() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC.withoutDistanceBars(), Map.of("timeout", "0.3"));
        Equatorial target = TestMounts.reachableTarget();
        await(mount.slew(target));
        assertWithinHighPrecision(target, mount.state().position());
        assertReceived("D", 1);
    }

    @Test
    void aTenMicronIsSwitchedToUltraPrecisionAndKnownParkedUntilUnparked() throws Exception {
        connect(Lx200Responder.Profile.TEN_MICRON, Map.of());
        assertEquals("ULTRA", responder.precision());
        assertReceived("U2", 1);
        assertReceived("U", 0);
        assertTrue(mount.capabilities().canPark() && mount.capabilities().isGermanEquatorial());
        assertEquals(MountActivity.PARKED, mount.state().activity());
        await(mount.unpark());
        assertReceived("PO", 1);
        assertEquals(MountActivity.TRACKING, mount.state().activity());
        assertEquals(org.nocturne.image.PierSide.EAST, mount.state().pierSide());
    }

    @Test
    void aTenMicronStopsAndRestartsTracking() throws Exception {
        connect(Lx200Responder.Profile.TEN_MICRON, Map.of());
        await(mount.unpark());
        await(mount.setTracking(null));
        assertReceived("AL", 1);
        assertEquals(MountActivity.STOPPED, mount.state().activity());
        assertNull(mount.state().trackingRate());
        assertFalse(responder.mount().tracking());
        await(mount.setTracking(TrackingRate.SIDEREAL));
        assertReceived("TQ", 1);
        assertTrue(responder.mount().tracking());
        assertTrue(responder.received().indexOf("AP") < responder.received().lastIndexOf("TQ"), responder.received().toString());
        assertEquals(MountActivity.TRACKING, mount.state().activity());
    }

    @Test
    void abortStopsASlewAtOnce() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC, Map.of());
        CompletableFuture<Void> slew = mount.slew(Equatorial.ofHoursDegrees(12, -50));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (mount.state().activity() != MountActivity.SLEWING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        await(mount.abort());
        assertTrue(slew.isCancelled(), "the slew's future is cancelled");
        assertFalse(responder.mount().slewing(), "the mount stopped");
        assertEquals(MountActivity.TRACKING, mount.state().activity());
    }

    @Test
    void aConnectCancelledDuringTheHandshakeSendsNothingMoreAndEndsDisconnected() throws Exception {
        responder = new Lx200Responder(Lx200Responder.Profile.CLASSIC);
        CountDownLatch release = new CountDownLatch(1);
        responder.holdAnswerTo("GVP", release);
        peer = new TcpPeer(responder::serve);
        mount = (Lx200Mount) TestMounts.tcp(peer.port(), Map.of("timeout", "10"));
        CompletableFuture<Void> connect = mount.connect();
        assertReceived("GVP", 1);
        connect.cancel(true);
        release.countDown();
        assertTrue(peer.awaitConnectionEnded(30), "the driver closed the link");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (mount.state().connection() != ConnectionState.DISCONNECTED && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(ConnectionState.DISCONNECTED, mount.state().connection());
        assertFalse(responder.received().stream().anyMatch(c -> c.startsWith("S")), "no site or clock sent: " + responder.received());
    }

    @Test
    void theMountsUtcIsRightToTheSecondWhereTheZoneIsNotWholeTenthsOfAnHour() throws Exception {
        responder = new Lx200Responder(Lx200Responder.Profile.CLASSIC);
        peer = new TcpPeer(responder::serve);
        mount = TestMounts.tcp(peer.port(), Clock.system(ZoneId.of("Asia/Kathmandu")));
        await(mount.connect());
        assertReceived("SG-05.8", 1);
        Duration error = responder.clockError();
        // Half a second of rounding plus the trip of :SL# to the responder; the old driver was three minutes off.
        assertTrue(error != null && Math.abs(error.toMillis()) <= 1500, "the mount's UTC is off by " + error);
    }

    @Test
    void abortEndsARunningParkAndTheSlewQueuedBehindItAtOnce() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC, Map.of());
        await(mount.sync(Equatorial.ofHoursDegrees(12, -50)));
        CompletableFuture<Void> park = mount.park();
        CompletableFuture<Void> slew = mount.slew(TestMounts.reachableTarget());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (mount.state().activity() != MountActivity.PARKING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        await(mount.abort());
        assertTrue(park.isCancelled(), "the running park is cancelled, rather than the abort waiting behind it");
        assertTrue(slew.isCancelled(), "the queued slew is cancelled");
        assertFalse(responder.mount().parking() || responder.mount().slewing(), "the mount stopped");
        assertReceived("MS", 0);
        assertEquals(MountActivity.TRACKING, mount.state().activity());
    }

    @Test
    void aMountThatLeftHighPrecisionBehindTheDriversBackRefusesTheTargetAndTheSlewSaysSo() throws Exception {
        connect(Lx200Responder.Profile.CLASSIC, Map.of());
        responder.togglePrecisionBehindTheDriversBack();
        Throwable refused = failureOf(mount.slew(TestMounts.reachableTarget()));
        assertInstanceOf(DeviceException.class, refused);
        assertTrue(refused.getMessage().contains("refused the target's right ascension"), refused.getMessage());
        assertReceived("MS", 0);
        assertEquals(ConnectionState.CONNECTED, mount.state().connection());
    }
}
