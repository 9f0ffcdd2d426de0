package org.nocturne.device.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nocturne.device.api.camera.ExposureRequest.Region;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;
import org.nocturne.image.ImageType;
import org.nocturne.image.fits.FitsFrames;

/** The frame says how it was taken, and says it again after a trip through a FITS file. Tolerances as stated. */
class ExposureMetadataTest {

    @Test
    void theFrameCarriesTheExposureTheCameraAndTheTruePointing(@TempDir Path folder) throws IOException {
        ExposureScene scene = Rig.cygnus().withSeconds(2).withBinning(2).withRegion(new Region(0, 0, 800, 600));
        Frame frame = Rig.renderer(61).render(Rig.MONO, scene).frame();
        Path file = folder.resolve("light.fits");
        FitsFrames.write(frame, file);

        for (FrameMetadata m : new FrameMetadata[] { frame.metadata(), FitsFrames.read(file).metadata() }) {
            assertEquals(ImageType.LIGHT, m.imageType());
            assertEquals(Rig.NIGHT, m.midExposure());
            assertEquals(2.0, m.exposureSeconds(), 1e-12);
            assertEquals(2, m.camera().binX());
            assertEquals(2, m.camera().binY());
            assertEquals(2 * 3.76, m.camera().pixelSizeX(), 1e-9, "binned pixel size, µm");
            assertEquals(Rig.GAIN, m.camera().electronsPerAdu(), 1e-12);
            assertEquals(-10, m.camera().sensorTemperature(), 1e-12);
            assertEquals(Rig.FOCAL_MM, m.optics().focalLengthMm(), 1e-9);
            assertEquals(Rig.FOCAL_MM / Rig.APERTURE_MM, m.optics().focalRatio(), 1e-9);
            assertEquals(Rig.CYGNUS.raHours(), m.pointing().raHours(), 1e-9, "RA of the true pointing, hours");
            assertEquals(Rig.CYGNUS.decDegrees(), m.pointing().decDegrees(), 1e-9, "DEC of the true pointing, degrees");
            assertNull(m.wcs(), "the WCS is for a solver to find");
        }
        assertEquals(400, frame.width());
        assertEquals(300, frame.height());
    }
}
