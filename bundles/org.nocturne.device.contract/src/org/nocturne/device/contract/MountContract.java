package org.nocturne.device.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.api.mount.GuideDirection;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.api.mount.MountActivity;
import org.nocturne.device.api.mount.MountAxis;
import org.nocturne.device.api.mount.MountCapabilities;
import org.nocturne.device.api.mount.TrackingRate;

/**
 * The mount contract: unpark, slew and track, sync, guide pulses, abort, park. {@link #reachableTarget()} must give
 * a place above the horizon for the device's site and time. Positions must agree within 1″ on the sky plus one step
 * of the resolution the mount declares ({@link MountCapabilities#raResolutionSeconds()}: a target is rounded once on
 * the way out and the reported position once on the way back).
 */
public abstract class MountContract extends DeviceContract<Mount> {

    private static final double ARCSEC = Math.toRadians(1.0 / 3600);

    /** A place well above the horizon now, ICRS. */
    protected abstract Equatorial reachableTarget();

    @Override
    protected CompletableFuture<?> anyCommand() {
        return device.slew(reachableTarget());
    }

    @Test
    void slewsTracksSyncsAndParks() throws Exception {
        await(device.connect());
        assertNotNull(device.capabilities().equatorialSystem());
        if (device.capabilities().canPark()) {
            await(device.unpark());
        }
        Equatorial target = reachableTarget();
        await(device.slew(target));
        assertEquals(MountActivity.TRACKING, device.state().activity(), "tracking after a slew");
        assertEquals(TrackingRate.SIDEREAL, device.state().trackingRate());
        assertSamePlace(target, device.state().position(), "after the slew");
        assertTrue(device.state().altitudeDegrees() > 0, "the target is up: " + device.state());
        if (device.capabilities().isGermanEquatorial()) {
            assertNotNull(device.state().pierSide(), "a German mount reports its side of pier");
        }

        if (device.capabilities().canSync()) {
            Equatorial nearby = new Equatorial(target.raRadians() + 0.001, target.decRadians() - 0.001);
            await(device.sync(nearby));
            assertSamePlace(nearby, device.state().position(), "after the sync");
        }
        if (device.capabilities().canPulseGuide()) {
            double before = device.state().position().decRadians();
            await(device.pulseGuide(GuideDirection.NORTH, Duration.ofMillis(500)));
            double expected = Math.toRadians(device.capabilities().guideRateSidereal() * 15.041 * 0.5 / 3600);
            double step = device.capabilities().decResolutionArcsec() * ARCSEC;
            assertEquals(expected, device.state().position().decRadians() - before, 0.2 * expected + 0.5 * ARCSEC + step,
                    "a 0.5 s north pulse moves north at the guide rate");
        }
        if (device.capabilities().canPark()) {
            await(device.park());
            assertEquals(MountActivity.PARKED, device.state().activity());
            Throwable refused = failureOf(device.slew(target));
            assertTrue(refused.getMessage().contains("parked"), refused.getMessage());
        }
    }

    /** The reported place agrees with the expected one within 1″ on the sky plus one step of the mount's resolution. */
    private void assertSamePlace(Equatorial expected, Equatorial reported, String when) {
        assertNotNull(reported, "a position is reported " + when);
        MountCapabilities mount = device.capabilities();
        double cosDec = Math.cos(expected.decRadians());
        assertEquals(expected.decRadians(), reported.decRadians(), (1 + mount.decResolutionArcsec()) * ARCSEC, "reported declination " + when);
        assertEquals(0, Math.IEEEremainder(expected.raRadians() - reported.raRadians(), 2 * Math.PI) * cosDec,
                (1 + 15 * mount.raResolutionSeconds() * cosDec) * ARCSEC, "reported right ascension " + when + ", on the sky");
    }

    @Test
    void cancellingASlewStopsIt() throws Exception {
        await(device.connect());
        if (device.capabilities().canPark()) {
            await(device.unpark());
        }
        Equatorial target = reachableTarget();
        CompletableFuture<Void> slew = startSlew(target);
        Assumptions.assumeTrue(slew.cancel(true), "the slew ended before it could be cancelled");
        assertInstanceOf(CancellationException.class, failureOf(slew));
        assertStoppedShortOf(target, "a cancelled slew");
    }

    @Test
    void abortStopsASlewAtOnce() throws Exception {
        await(device.connect());
        if (device.capabilities().canPark()) {
            await(device.unpark());
        }
        Equatorial target = reachableTarget();
        CompletableFuture<Void> slew = startSlew(target);
        Assumptions.assumeFalse(slew.isDone(), "the slew ended before it could be aborted");
        await(device.abort());
        assertTrue(slew.isDone(), "abort() ends the slew it stops, rather than waiting behind it");
        assertInstanceOf(CancellationException.class, failureOf(slew));
        assertStoppedShortOf(target, "an aborted slew");
    }

    /** Starts a slew and waits until the mount says it slews, or the slew has already ended. */
    private CompletableFuture<Void> startSlew(Equatorial target) throws InterruptedException {
        CompletableFuture<Void> slew = device.slew(target);
        awaitState(mount -> mount.state().activity() == MountActivity.SLEWING || slew.isDone(), "the slew starts");
        return slew;
    }

    /** Waits until the mount no longer slews and checks that it stopped away from {@code target}. */
    private void assertStoppedShortOf(Equatorial target, String what) throws InterruptedException {
        awaitState(mount -> mount.state().activity() != MountActivity.SLEWING, "the mount stops slewing");
        Equatorial stopped = device.state().position();
        assertTrue(stopped == null || Math.abs(stopped.decRadians() - target.decRadians()) > ARCSEC
                || Math.abs(Math.IEEEremainder(stopped.raRadians() - target.raRadians(), 2 * Math.PI)) > ARCSEC,
                what + " stops short of the target: " + device.state());
    }

    @Test
    void movesEachAxisTheWayTheSignSays() throws Exception {
        await(device.connect());
        Assumptions.assumeTrue(device.capabilities().canMoveAxis(), "this mount cannot move an axis at a rate");
        if (device.capabilities().canPark()) {
            await(device.unpark());
        }
        await(device.slew(reachableTarget()));
        double rate = Math.min(0.5, device.capabilities().maxAxisRateDegreesPerSecond());
        Equatorial start = device.state().position();
        await(device.moveAxis(MountAxis.RIGHT_ASCENSION, rate));
        awaitState(mount -> Math.IEEEremainder(mount.state().position().raRadians() - start.raRadians(), 2 * Math.PI) < -20 * ARCSEC,
                "a positive right-ascension rate moves west (right ascension falls)");
        await(device.moveAxis(MountAxis.RIGHT_ASCENSION, 0));
        Equatorial middle = device.state().position();
        await(device.moveAxis(MountAxis.DECLINATION, rate));
        awaitState(mount -> mount.state().position().decRadians() - middle.decRadians() > 20 * ARCSEC,
                "a positive declination rate moves north");
        await(device.moveAxis(MountAxis.DECLINATION, 0));
        awaitState(mount -> mount.state().activity() != MountActivity.MOVING, "the mount stops moving");
    }

    @Test
    void refusesAnAxisRateBeyondItsLimit() throws Exception {
        await(device.connect());
        Assumptions.assumeTrue(device.capabilities().canMoveAxis(), "this mount cannot move an axis at a rate");
        if (device.capabilities().canPark()) {
            await(device.unpark());
        }
        Throwable failure = failureOf(device.moveAxis(MountAxis.RIGHT_ASCENSION,
                device.capabilities().maxAxisRateDegreesPerSecond() * 2));
        assertInstanceOf(IllegalArgumentException.class, failure);
        assertTrue(failure.getMessage().contains("Axis rate"), failure.getMessage());
    }
}
