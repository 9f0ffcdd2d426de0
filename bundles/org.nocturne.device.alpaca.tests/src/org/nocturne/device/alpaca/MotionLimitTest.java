package org.nocturne.device.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.ApparentFrame;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.alpaca.server.AlpacaTestServer;
import org.nocturne.device.alpaca.server.Sabotage;
import org.nocturne.device.alpaca.server.TestTelescope;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.focuser.Focuser;
import org.nocturne.device.api.mount.GuideDirection;
import org.nocturne.device.api.mount.Mount;

/**
 * A device that keeps saying it is busy far longer than a real one is told to stop before the command fails, and the
 * failure is a refusal: the link works, so the device stays connected.
 */
class MotionLimitTest {

    private static final Duration LIMIT = Duration.ofMillis(300);

    private AlpacaTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = AlpacaTestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFocuserThatNeverStopsMovingIsHalted() throws Exception {
        Focuser focuser = TestBench.make(server, DeviceKind.FOCUSER, Focuser.class);
        ((AlpacaDevice<?>) focuser).limitMotionsTo(LIMIT);
        focuser.connect().get(30, TimeUnit.SECONDS);
        server.sabotage("ismoving", Sabotage.ALWAYS_TRUE);
        Throwable failure = failureOf(focuser.moveBy(10));
        assertTrue(failure.getMessage().contains("the focuser move did not finish within 300 ms; sent halt"), failure.getMessage());
        assertTrue(server.calls().contains("PUT focuser/0/halt"), "halt is sent before giving up");
        assertEquals(ConnectionState.CONNECTED, focuser.state().connection(), "a busy device is not a broken link");
        server.sabotage("ismoving", null);
        focuser.disconnect().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aSlewThatNeverEndsIsAborted() throws Exception {
        Mount mount = TestBench.make(server, DeviceKind.MOUNT, Mount.class);
        ((AlpacaDevice<?>) mount).limitMotionsTo(LIMIT);
        mount.connect().get(30, TimeUnit.SECONDS);
        mount.unpark().get(30, TimeUnit.SECONDS);
        server.sabotage("slewing", Sabotage.ALWAYS_TRUE);
        Equatorial target = ApparentFrame.toIcrs(Equatorial.ofHoursDegrees(TestTelescope.siderealTime(), 50), AstroTime.of(Instant.now()));
        Throwable failure = failureOf(mount.slew(target));
        assertTrue(failure.getMessage().contains("the slewing did not finish within 300 ms; sent abortslew"), failure.getMessage());
        assertTrue(server.calls().contains("PUT telescope/0/abortslew"), "abortslew is sent before giving up");
        assertEquals(ConnectionState.CONNECTED, mount.state().connection());
        server.sabotage("slewing", null);
        mount.disconnect().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aGuidePulseThatNeverEndsIsRefusedWithoutFaulting() throws Exception {
        Mount mount = TestBench.make(server, DeviceKind.MOUNT, Mount.class);
        mount.connect().get(30, TimeUnit.SECONDS);
        mount.unpark().get(30, TimeUnit.SECONDS);
        server.sabotage("ispulseguiding", Sabotage.ALWAYS_TRUE);
        Throwable failure = failureOf(mount.pulseGuide(GuideDirection.NORTH, Duration.ofMillis(10)));
        assertTrue(failure.getMessage().contains(mount.info().name() + ": pulse guide: still guiding 3 s after the pulse should have ended"),
                failure.getMessage());
        assertEquals(ConnectionState.CONNECTED, mount.state().connection(), "a slow ispulseguiding is not a broken link");
        server.sabotage("ispulseguiding", null);
        mount.disconnect().get(30, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        return fail("expected a failure");
    }
}
