package org.nocturne.device.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nocturne.device.alpaca.server.AlpacaTestServer;
import org.nocturne.device.alpaca.server.TestCamera;
import org.nocturne.device.alpaca.server.TestCamera.Encoding;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.camera.ExposureRequest;
import org.nocturne.image.BayerPattern;
import org.nocturne.image.Frame;

/**
 * Images arrive pixel for pixel, the right way round (pixel (x, y) of the camera's image is pixel (x, y) of the
 * frame), whatever element type the server sends them in, as ImageBytes or as JSON, full, binned and as a region.
 */
class ImageTransferTest {

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

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void fullFrameArrivesPixelForPixelTheRightWayRound(Encoding encoding) throws Exception {
        server.camera.encoding(encoding);
        Frame frame = take(ExposureRequest.light(0.05));
        assertEquals(TestCamera.WIDTH, frame.width());
        assertEquals(TestCamera.HEIGHT, frame.height());
        assertPattern(frame, 0, 0, 1, encoding);
        if (encoding == Encoding.INT32) {
            // (639, 479) is 639*131 + 479*7 + 639*479 + 1000 = 394 143 % 100 000 = 94 143: beyond 16 bits, saturated
            assertEquals(94_143, TestCamera.pattern(639, 479, 1, encoding));
            assertEquals(65_535, frame.value(639, 479), "values beyond 16 bits saturate");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Encoding.class, names = { "UINT16", "JSON_ONLY" })
    void aBinnedRegionIsTheBinnedSensorsPixelsFromItsCorner(Encoding encoding) throws Exception {
        server.camera.encoding(encoding);
        Frame frame = take(ExposureRequest.light(0.05).withBinning(2).withRegion(new ExposureRequest.Region(100, 60, 200, 120)));
        assertEquals(100, frame.width());
        assertEquals(60, frame.height());
        assertPattern(frame, 50, 30, 2, encoding);
        assertEquals(2, frame.metadata().camera().binX());
    }

    @Test
    void aColourSensorsPatternFollowsTheRegionsCorner() throws Exception {
        camera.disconnect().get(30, TimeUnit.SECONDS);
        server.camera.colour(true);
        camera.connect().get(30, TimeUnit.SECONDS);
        assertEquals(BayerPattern.RGGB, camera.capabilities().bayerPattern());
        assertEquals(BayerPattern.RGGB, take(ExposureRequest.light(0.05)).bayerPattern());
        Frame odd = take(ExposureRequest.light(0.05).withRegion(new ExposureRequest.Region(11, 20, 100, 50)));
        assertEquals(BayerPattern.GRBG, odd.bayerPattern(), "read from an odd column, RGGB starts with green then red");
        assertNull(take(ExposureRequest.light(0.05).withBinning(2)).bayerPattern(), "binned colour pixels are no longer a Bayer mosaic");
    }

    private Frame take(ExposureRequest request) throws Exception {
        CompletableFuture<Frame> exposure = camera.expose(request, null);
        return exposure.get(60, TimeUnit.SECONDS);
    }

    private static void assertPattern(Frame frame, int startX, int startY, int bin, Encoding encoding) {
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int expected = Math.min(65_535, TestCamera.pattern(startX + x, startY + y, bin, encoding));
                if (frame.value(x, y) != expected) {
                    assertEquals(expected, frame.value(x, y), "pixel (" + x + ", " + y + ") of a " + encoding + " image");
                }
            }
        }
    }
}
