package org.nocturne.device.indi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.ApparentFrame;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.camera.CameraCapabilities;
import org.nocturne.device.api.camera.ExposureRequest;
import org.nocturne.device.contract.peers.IndiServerProcess;
import org.nocturne.device.contract.peers.Peers;
import org.nocturne.device.indi.protocol.IndiXml;
import org.nocturne.image.Frame;
import org.nocturne.image.ImageType;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.image.stars.StarList;

/**
 * The CCD Simulator's frames as Nocturne receives them: a FITS BLOB read into a frame of the sensor's size with the
 * exposure's metadata, and, with the gsc stand-in of releng/indi on the server's PATH and the Tycho-2 index files
 * present, real stars at the Pleiades.
 */
class IndiCameraFrameTest {

    /** The Pleiades (the simulator is told to point there through its EQUATORIAL_PE property, which it takes as JNow). */
    private static final Equatorial PLEIADES = Equatorial.ofHoursDegrees(3.7914, 24.1051);

    private static IndiServer server;
    private static Camera camera;

    @BeforeAll
    static void start() throws Exception {
        server = IndiServer.start("indi_simulator_ccd");
        // A 600 mm telescope pointed at the Pleiades (a 38'×31' field with tens of Tycho-2 stars) in 6" seeing, so that
        // stars span a few 1.8" pixels rather than look like hot pixels.
        server.configure("CCD Simulator",
                IndiXml.newNumbers("CCD Simulator", "SCOPE_INFO", orderedOf("FOCAL_LENGTH", 600, "APERTURE", 100)),
                IndiXml.newNumbers("CCD Simulator", "SIM_FOCUSING", Map.of("SIM_SEEING", 6.0)),
                IndiXml.newNumbers("CCD Simulator", "EQUATORIAL_PE", orderedOf("RA_PE", PLEIADES.raHours(), "DEC_PE", PLEIADES.decDegrees())));
        camera = (Camera) new IndiProvider().create(DeviceKind.CAMERA, server.settings("CCD Simulator"), IndiContractTest.CONTEXT);
        IndiHostileInputTest.await(camera.connect());
    }

    @AfterAll
    static void stop() throws Exception {
        if (camera != null) {
            IndiHostileInputTest.await(camera.disconnect());
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aLightFrameHasTheSensorsSizeAndTheExposuresMetadata() throws Exception {
        assertEquals(1280, camera.capabilities().width());
        assertEquals(1024, camera.capabilities().height());
        assertEquals(5.2, camera.capabilities().pixelSizeMicrons(), 0.01);
        assertEquals(new CameraCapabilities.IntRange(0, 100), camera.capabilities().gainRange());
        Frame frame = IndiHostileInputTest.await(camera.expose(ExposureRequest.light(1).withGain(50), null));
        assertEquals(1280, frame.width());
        assertEquals(1024, frame.height());
        assertTrue(((IndiCamera) camera).property("CCD1").element("CCD1").blob() == null, "the image's bytes leave the property model once read");
        assertEquals(ImageType.LIGHT, frame.metadata().imageType());
        assertEquals(1.0, frame.metadata().exposureSeconds(), 1e-9);
        assertNotNull(frame.metadata().startTime());
        assertEquals("CCD Simulator", frame.metadata().camera().name());
        assertEquals(50, frame.metadata().camera().gain());
        assertEquals(5.2, frame.metadata().camera().pixelSizeX(), 0.01);
        assertEquals(1, frame.metadata().camera().binX());
        // The driver's own FITS keywords come through: it takes EQUATORIAL_PE as JNow and writes RA/DEC in J2000.
        Equatorial expected = ApparentFrame.toIcrs(PLEIADES, AstroTime.of(Instant.now()));
        assertNotNull(frame.metadata().pointing(), "RA/DEC from the driver's FITS header");
        assertEquals(0, frame.metadata().pointing().separationDegrees(expected), 0.02, "pointing " + frame.metadata().pointing());
        assertEquals(600, frame.metadata().optics().focalLengthMm(), 1e-6, "FOCALLEN from the driver's FITS header");
    }

    @Test
    void aDarkFrameIsBinnedAndTypedAsAsked() throws Exception {
        Frame frame = IndiHostileInputTest.await(camera.expose(ExposureRequest.light(0.5).withType(ImageType.DARK).withBinning(2), null));
        assertEquals(640, frame.width());
        assertEquals(512, frame.height());
        assertEquals(ImageType.DARK, frame.metadata().imageType());
        assertEquals(10.4, frame.metadata().camera().pixelSizeX(), 0.01);
    }

    @Test
    void theCoolerTakesASetPointAndTurnsOff() throws Exception {
        assertTrue(camera.capabilities().hasCooler());
        IndiHostileInputTest.await(camera.setCooler(-10.0));
        assertTrue(camera.state().coolerOn(), camera.state().toString());
        assertEquals(-10, camera.state().setPointCelsius(), 1e-9);
        IndiHostileInputTest.await(camera.setCooler(null));
        assertTrue(!camera.state().coolerOn(), camera.state().toString());
        assertTrue(Double.isNaN(camera.state().setPointCelsius()));
    }

    @Test
    void theSimulatorDrawsRealStarsThroughTheGscStandIn() throws Exception {
        requireCatalog();
        Frame frame = IndiHostileInputTest.await(camera.expose(ExposureRequest.light(2), null));
        StarList stars = new StarDetector().detect(frame);
        int brightest = 0;
        for (short pixel : frame.pixels()) {
            brightest = Math.max(brightest, Short.toUnsignedInt(pixel));
        }
        assertTrue(stars.stars().size() >= 10, "stars in a Pleiades frame: " + stars.stars().size() + "; brightest pixel " + brightest
                + ", background " + stars.backgroundLevel() + " ± " + stars.backgroundNoise());
    }

    /** Skips without the Tycho-2 index files or query-starkd, or fails when NOCTURNE_REQUIRE_CATALOG_SOURCES=1. */
    private static void requireCatalog() {
        List<Path> roots = Stream.of(Path.of("/usr/share/astrometry"),
                Path.of(System.getProperty("user.home"), ".cache/nocturne/catalog-sources/usr/share/astrometry")).toList();
        boolean index = roots.stream().anyMatch(root -> {
            try (Stream<Path> files = Files.exists(root) ? Files.list(root) : Stream.empty()) {
                return files.anyMatch(file -> file.getFileName().toString().startsWith("index-tycho2-07"));
            } catch (IOException e) {
                return false;
            }
        });
        boolean queryStarkd = Peers.installed("query-starkd");
        Path gsc = IndiServerProcess.shimFolder();
        if (!index || !queryStarkd || gsc == null) {
            String reason = "no stars without the Tycho-2 index files (releng/catalog-sources), query-starkd (astrometry.net) and "
                    + "releng/indi/gsc: index " + index + ", query-starkd " + queryStarkd + ", gsc " + (gsc != null);
            if ("1".equals(System.getenv("NOCTURNE_REQUIRE_CATALOG_SOURCES"))) {
                Assertions.fail(reason);
            }
            Assumptions.abort(reason);
        }
    }

    private static Map<String, Double> orderedOf(String first, double a, String second, double b) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(first, a);
        values.put(second, b);
        return values;
    }
}
