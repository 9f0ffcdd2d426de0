package org.nocturne.device.alpaca;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.alpaca.server.AlpacaTestServer;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.camera.ExposureRequest;
import org.nocturne.device.api.camera.ExposureStatus;
import org.nocturne.device.api.focuser.Focuser;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.api.mount.MountActivity;

/** Cancelling a future sends the device its stop: abortexposure, abortslew, halt. */
class CancellationTest {

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
    void cancellingAnExposureAbortsItOnTheCamera() throws Exception {
        Camera camera = TestBench.make(server, DeviceKind.CAMERA, Camera.class);
        camera.connect().get(30, TimeUnit.SECONDS);
        CompletableFuture<?> exposure = camera.expose(ExposureRequest.light(300), null);
        waitUntil(() -> camera.state().exposure() == ExposureStatus.EXPOSING, "the exposure starts");
        exposure.cancel(true);
        waitUntil(() -> server.calls().contains("PUT camera/0/abortexposure"), "abortexposure is sent");
        camera.disconnect().get(30, TimeUnit.SECONDS);
    }

    @Test
    void cancellingASlewSendsAbortSlew() throws Exception {
        Mount mount = TestBench.make(server, DeviceKind.MOUNT, Mount.class);
        mount.connect().get(30, TimeUnit.SECONDS);
        mount.unpark().get(30, TimeUnit.SECONDS);
        CompletableFuture<?> slew = mount.slew(Equatorial.ofHoursDegrees(0, -30));
        waitUntil(() -> mount.state().activity() == MountActivity.SLEWING, "the slew starts");
        slew.cancel(true);
        waitUntil(() -> server.calls().contains("PUT telescope/0/abortslew"), "abortslew is sent");
        mount.disconnect().get(30, TimeUnit.SECONDS);
    }

    @Test
    void cancellingAFocuserMoveHaltsIt() throws Exception {
        Focuser focuser = TestBench.make(server, DeviceKind.FOCUSER, Focuser.class);
        focuser.connect().get(30, TimeUnit.SECONDS);
        CompletableFuture<?> move = focuser.moveTo(0);
        waitUntil(() -> focuser.state().moving(), "the move starts");
        move.cancel(true);
        waitUntil(() -> server.calls().contains("PUT focuser/0/halt"), "halt is sent");
        focuser.disconnect().get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean());
    }
}
