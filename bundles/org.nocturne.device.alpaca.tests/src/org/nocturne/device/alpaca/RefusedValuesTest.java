package org.nocturne.device.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.device.alpaca.server.AlpacaTestServer;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.rotator.Rotator;

/** A value that is not a number is refused before it reaches the wire, naming the device and the value's meaning. */
class RefusedValuesTest {

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
    void aCoolerSetPointThatIsNotANumber() throws Exception {
        Camera camera = TestBench.make(server, DeviceKind.CAMERA, Camera.class);
        camera.connect().get(30, TimeUnit.SECONDS);
        assertRefused(camera, camera.setCooler(Double.NaN), "cooler set-point NaN °C is not a number");
        assertRefused(camera, camera.setCooler(Double.NEGATIVE_INFINITY), "cooler set-point -Infinity °C is not a number");
        camera.disconnect().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aRotatorSyncThatIsNotANumber() throws Exception {
        Rotator rotator = TestBench.make(server, DeviceKind.ROTATOR, Rotator.class);
        rotator.connect().get(30, TimeUnit.SECONDS);
        assertRefused(rotator, rotator.syncSky(Double.POSITIVE_INFINITY), "rotator angle Infinity is not a number");
        assertRefused(rotator, rotator.syncSky(Double.NaN), "rotator angle NaN is not a number");
        rotator.disconnect().get(30, TimeUnit.SECONDS);
    }

    private void assertRefused(Device<?> device, CompletableFuture<?> command, String fragment) throws Exception {
        Throwable failure;
        try {
            command.get(30, TimeUnit.SECONDS);
            fail("expected a refusal");
            return;
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        assertInstanceOf(IllegalArgumentException.class, failure);
        assertTrue(failure.getMessage().contains(device.info().name() + ": " + fragment), failure.getMessage());
        assertEquals(ConnectionState.CONNECTED, device.state().connection());
        assertTrue(server.calls().stream().noneMatch(call -> call.endsWith("/setccdtemperature") || call.endsWith("/sync")),
                "nothing reached the server: " + server.calls());
    }
}
