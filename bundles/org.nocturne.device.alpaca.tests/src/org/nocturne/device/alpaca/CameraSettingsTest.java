package org.nocturne.device.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.device.alpaca.server.AlpacaTestServer;
import org.nocturne.device.alpaca.server.TestCamera;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.camera.CameraCapabilities;
import org.nocturne.device.api.camera.ExposureRequest;
import org.nocturne.image.Frame;
import org.nocturne.image.ImageType;

/** The camera's capabilities come from its members; cooler, gain and the shutter follow what is asked. */
class CameraSettingsTest {

    private AlpacaTestServer server;
    private Camera camera;

    @BeforeEach
    void start() throws Exception {
        server = AlpacaTestServer.start();
        camera = TestBench.make(server, DeviceKind.CAMERA, Camera.class);
        camera.connect().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        camera.disconnect().get(30, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void capabilitiesAreReadFromTheCamera() {
        CameraCapabilities capabilities = camera.capabilities();
        assertEquals(TestCamera.WIDTH, capabilities.width());
        assertEquals(TestCamera.HEIGHT, capabilities.height());
        assertEquals(3.76, capabilities.pixelSizeMicrons(), 1e-9);
        assertEquals(4, capabilities.maxBinning());
        assertEquals(new CameraCapabilities.IntRange(0, 400), capabilities.gainRange());
        assertEquals(new CameraCapabilities.IntRange(0, 200), capabilities.offsetRange());
        assertEquals(List.of("Normal", "Fast"), capabilities.readoutModes());
        assertEquals(16, capabilities.bitDepth(), "MaxADU 65535");
        assertTrue(capabilities.hasCooler() && capabilities.canAbort() && capabilities.canSubframe());
    }

    @Test
    void theCoolerTurnsOnAtASetPointAndOff() throws Exception {
        camera.setCooler(-10.0).get(30, TimeUnit.SECONDS);
        assertTrue(camera.state().coolerOn());
        assertEquals(-10, camera.state().setPointCelsius(), 1e-9);
        assertEquals(-9.8, camera.state().sensorCelsius(), 1e-9);
        assertEquals(42, camera.state().coolerPowerPercent(), 1e-9);
        camera.setCooler(null).get(30, TimeUnit.SECONDS);
        assertFalse(camera.state().coolerOn());
        assertTrue(Double.isNaN(camera.state().setPointCelsius()));
    }

    @Test
    void gainOffsetAndReadoutModeAreSetAndRecordedAndADarkKeepsTheShutterClosed() throws Exception {
        ExposureRequest dark = new ExposureRequest(0.05, ImageType.DARK, 250, 30, 1, null, 1);
        Frame frame = camera.expose(dark, null).get(30, TimeUnit.SECONDS);
        assertEquals(250, frame.metadata().camera().gain());
        assertEquals(30, frame.metadata().camera().offset());
        assertEquals("Fast", frame.metadata().camera().readoutMode());
        assertEquals(ImageType.DARK, frame.metadata().imageType());
        List<String> calls = server.calls();
        assertTrue(calls.contains("PUT camera/0/gain") && calls.contains("PUT camera/0/offset") && calls.contains("PUT camera/0/readoutmode"),
                calls.toString());
        assertEquals(List.of("false"), server.lightParameters(), "Light=false for a dark");
    }
}
