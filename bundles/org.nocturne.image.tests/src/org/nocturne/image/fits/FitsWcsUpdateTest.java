package org.nocturne.image.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nocturne.image.SipDistortion;
import org.nocturne.image.Wcs;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;

/** Putting a plate solution into a file someone else wrote changes its world coordinates and nothing else. */
class FitsWcsUpdateTest {

    @TempDir
    Path folder;

    private static final Wcs SOLVED = new Wcs(83.82, -5.39, 3.5, 2.5, -2.8e-4, 1e-6, 1e-6, 2.8e-4,
            SipDistortion.zero(2).withA(2, 0, 1.5e-7).withB(1, 1, -3e-8));

    @Test
    void replacesOldCoordinatesAndKeepsPixelsTypeAndOtherKeywords() throws Exception {
        float[][] pixels = { { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f }, { 1f, 2f, 3f, 4f, 5f, 6f }, { 7f, 8f, 9f, 10f, 11f, 12f } };
        Path file = folder.resolve("siril.fits");
        ImageHDU image = (ImageHDU) Fits.makeHDU(pixels);
        Header h = image.getHeader();
        h.addValue("OBJECT", "M 42", "");
        h.addValue("CTYPE1", "RA---TAN", "");
        h.addValue("CTYPE2", "DEC--TAN", "");
        h.addValue("CRVAL1", 80.0, "");
        h.addValue("CRVAL2", -4.0, "");
        h.addValue("CRPIX1", 1.0, "");
        h.addValue("CRPIX2", 1.0, "");
        h.addValue("CDELT1", -3e-4, "");
        h.addValue("CDELT2", 3e-4, "");
        h.addValue("CROTA2", 12.0, "");
        try (Fits fits = new Fits()) {
            fits.addHDU(image);
            fits.write(file.toFile());
        }

        FitsFrames.writeWcs(file, SOLVED);

        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?> hdu = fits.readHDU();
            Header after = hdu.getHeader();
            assertEquals(-32, after.getIntValue("BITPIX"), "still 32-bit float");
            assertArrayEquals(pixels, (float[][]) hdu.getKernel());
            assertEquals("M 42", after.getStringValue("OBJECT"));
            assertFalse(after.containsKey("CDELT1"), "the old scale is gone, the CD matrix replaces it");
            assertFalse(after.containsKey("CROTA2"));
            assertEquals("RA---TAN-SIP", after.getStringValue("CTYPE1"));
        }
        assertEquals(SOLVED, FitsFrames.read(file).metadata().wcs(), "the solution reads back exactly, SIP included");
        try (var names = Files.list(folder)) {
            assertEquals(1, names.count(), "no temporary file left beside it");
        }
    }

    @Test
    void aFileWithoutAnImageIsRefusedByName() throws Exception {
        Path file = folder.resolve("empty.fits");
        try (Fits fits = new Fits()) {
            fits.addHDU(nom.tam.fits.NullDataHDU.getDummyHDU());
            fits.write(file.toFile());
        }
        byte[] before = Files.readAllBytes(file);
        FitsFormatException e = assertThrows(FitsFormatException.class, () -> FitsFrames.writeWcs(file, SOLVED));
        assertTrue(e.getMessage().contains("empty.fits"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file), "the file is left as it was");
    }
}
