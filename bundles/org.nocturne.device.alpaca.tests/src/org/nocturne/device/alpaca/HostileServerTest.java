package org.nocturne.device.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.device.alpaca.server.AlpacaTestServer;
import org.nocturne.device.alpaca.server.Sabotage;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.camera.ExposureRequest;
import org.nocturne.device.api.focuser.Focuser;

/**
 * A server that answers garbage, wrong types, another request's answer, HTTP errors, a huge or truncated image, or
 * nothing at all: each ends in a DeviceException naming the device and what was wrong, the device FAULTED, no hang,
 * and a working device again after a new connection.
 */
class HostileServerTest {

    /** Far beyond the 3 s request timeout of the test devices: only a hang takes this long. */
    private static final long HANG_SECONDS = 30;

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
    void garbageJson() throws Exception {
        assertFocuserFaults(Sabotage.GARBAGE_JSON, "the answer is not JSON");
    }

    @Test
    void aStringWhereANumberBelongs() throws Exception {
        assertFocuserFaults(Sabotage.WRONG_TYPE, "position: expected a whole number, got \"abc\"");
    }

    @Test
    void anAnswerWithoutItsValue() throws Exception {
        assertFocuserFaults(Sabotage.MISSING_VALUE, "position: the answer has no Value");
    }

    @Test
    void anotherRequestsAnswer() throws Exception {
        assertFocuserFaults(Sabotage.WRONG_TRANSACTION, "echoes ClientTransactionID");
    }

    @Test
    void anAnswerThatNeverEndsIsCutOffAtTheCap() throws Exception {
        assertFocuserFaults(Sabotage.ENDLESS_BODY, "position: the answer is larger than 4194304 bytes");
    }

    @Test
    void aServerError() throws Exception {
        assertFocuserFaults(Sabotage.HTTP_500, "HTTP 500: Internal server error: driver crashed");
    }

    @Test
    void aBodyCutShort() throws Exception {
        assertFocuserFaults(Sabotage.TRUNCATED_BODY, "position: the link to 127.0.0.1:" + server.port() + " failed");
    }

    @Test
    void aServerThatGoesSilentTimesOutAndLeavesNoHttpThreadBehind() throws Exception {
        long before = httpThreads();
        assertFocuserFaults(Sabotage.HANG, "position: no answer within 3 s");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_SECONDS);
        while (httpThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(httpThreads() <= before, "the HTTP clients of the faulted and the disconnected link are shut down");
    }

    /** The JDK HTTP clients' selector threads alive now. */
    private static long httpThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().contains("SelectorManager")).count();
    }

    @Test
    void anImageHeaderClaimingTenGigapixels() throws Exception {
        Camera camera = TestBench.make(server, DeviceKind.CAMERA, Camera.class);
        await(camera.connect());
        server.sabotage("imagearray", Sabotage.HUGE_IMAGE);
        Throwable failure = failureOf(camera.expose(ExposureRequest.light(0.01), null));
        assertNamed(camera, failure, "the image header claims 100000×100000 pixels");
        assertEquals(ConnectionState.FAULTED, camera.state().connection());
        await(camera.disconnect());
    }

    @Test
    void aRefusedConnection() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Focuser focuser = TestBench.make(closedPort, DeviceKind.FOCUSER, Focuser.class, Map.of());
        Throwable failure = failureOf(focuser.connect());
        assertNamed(focuser, failure, "cannot connect to the Alpaca server at 127.0.0.1:" + closedPort);
        assertEquals(ConnectionState.FAULTED, focuser.state().connection());
        await(focuser.disconnect());
        assertEquals(ConnectionState.DISCONNECTED, focuser.state().connection());
    }

    @Test
    void aDeviceNumberTheServerDoesNotHave() throws Exception {
        Focuser focuser = TestBench.make(server.port(), DeviceKind.FOCUSER, Focuser.class, Map.of("deviceNumber", "5"));
        Throwable failure = failureOf(focuser.connect());
        assertNamed(focuser, failure, "no such device or member (HTTP 404)");
        assertEquals(ConnectionState.FAULTED, focuser.state().connection());
    }

    /** Connects a focuser, breaks its {@code position} member, and checks a move fails clearly and faults it. */
    private void assertFocuserFaults(Sabotage how, String fragment) throws Exception {
        Focuser focuser = TestBench.make(server, DeviceKind.FOCUSER, Focuser.class);
        ((AlpacaDevice<?>) focuser).pollEvery(java.time.Duration.ofHours(1)); // the move, not a poll, must meet the sabotage
        await(focuser.connect());
        server.sabotage("position", how);
        Throwable failure = failureOf(focuser.moveBy(100));
        assertNamed(focuser, failure, fragment);
        assertEquals(ConnectionState.FAULTED, focuser.state().connection(), "a broken link faults the device");
        assertTrue(focuser.state().message().contains(fragment), focuser.state().message());
        assertTrue(failureOf(focuser.moveBy(100)).getMessage().contains("not connected"), "a faulted device takes no commands");

        server.sabotage("position", null);
        await(focuser.disconnect());
        await(focuser.connect());
        await(focuser.moveBy(100));
        assertEquals(ConnectionState.CONNECTED, focuser.state().connection(), "connecting again mends it");
        await(focuser.disconnect());
    }

    private static void assertNamed(Device<?> device, Throwable failure, String fragment) {
        assertInstanceOf(DeviceException.class, failure);
        assertTrue(failure.getMessage().contains(device.info().name()), "names the device: " + failure.getMessage());
        assertTrue(failure.getMessage().contains(fragment), "says what was wrong (" + fragment + "): " + failure.getMessage());
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(HANG_SECONDS, TimeUnit.SECONDS);
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(HANG_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        return fail("expected a failure");
    }
}
