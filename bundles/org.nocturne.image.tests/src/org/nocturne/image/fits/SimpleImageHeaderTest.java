package org.nocturne.image.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.image.BayerPattern;
import org.nocturne.image.CameraSettings;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;
import org.nocturne.image.ImageType;
import org.nocturne.image.Wcs;

import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;

/** The header parser of the fast read path gives what nom-tam-fits gives, and leaves it every unusual file. */
class SimpleImageHeaderTest {

    @TempDir
    Path folder;

    @Test
    void ourOwnFramesTakeTheFastPathAndReadAsNomTamFitsReadsThem() throws Exception {
        FrameMetadata metadata = FrameMetadata.builder().imageType(ImageType.LIGHT)
                .startTime(Instant.parse("2026-11-25T21:30:00.250Z")).exposureSeconds(120.0).objectName("M 42")
                .target(Equatorial.ofHoursDegrees(5.588139, -5.391111)).pointing(Equatorial.ofHoursDegrees(5.5885, -5.39))
                .site(new ObserverSite("Backyard", 51.4769, -0.0005, 46.0))
                .camera(new CameraSettings("Simulated camera", 1, 1, 100, 30, 0.25, 3.76, 3.76, -10.0, -9.8, "High gain", 40))
                .filter("Ha").wcs(new Wcs(83.82, -5.39, 320.5, 240.5, -2.8e-4, 1e-6, 1e-6, 2.8e-4)).build();
        short[] pixels = new short[641 * 479];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) (i * 7919);
        }
        Path file = folder.resolve("own.fits");
        FitsFrames.write(Frame.of(641, 479, pixels, BayerPattern.GRBG, metadata), file, false);
        assertTakenAndSameAsNomTam(file);
        assertArrayEquals(pixels, FitsFrames.read(file).pixels());
    }

    @Test
    void otherProgramsSixteenBitFilesReadAsNomTamFitsReadsThem() throws Exception {
        short[][] rows = new short[3][4];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                rows[y][x] = (short) (y * 20000 - 30000 + x);
            }
        }
        for (Double bzero : new Double[] { 32768.0, null }) {
            Path file = folder.resolve("other-" + bzero + ".fits");
            ImageHDU image = (ImageHDU) Fits.makeHDU(rows);
            Header h = image.getHeader();
            if (bzero != null) {
                h.addValue("BZERO", bzero, "");
            }
            h.addValue("OBJECT", "O'Brien's nebula  ", "quote inside");
            h.addValue("FILTER", "Ha/OIII", "a slash inside the string");
            h.addValue("BAYERPAT", "RGGB", "");
            h.addValue("XBAYROFF", 1, "");
            h.addValue("EXPTIME", 150.0, "");
            h.addValue("OBJCTRA", "05 35 17.30", "");
            h.addValue("SITELAT", "+51 28 38.00", "");
            h.addValue("SITELONG", "359 59 58.2", "");
            h.insertComment("a comment card");
            h.insertHistory("a history card");
            try (Fits fits = new Fits()) {
                fits.addHDU(image);
                fits.write(file.toFile());
            }
            assertTakenAndSameAsNomTam(file);
        }
    }

    @Test
    void cardsAreParsedAsTheStandardWritesThem() throws Exception {
        Path file = fits("cards.fits", 2, 1, "OBJECT  = '  It''s M 42 '      / leading blanks count, trailing do not",
                "EXPTIME =                1.5D2 / a D exponent", "FILTER  = 'L/R'", "NOVALUE   this card has no value",
                "COMMENT   EXPTIME = 99", "        blank keyword");
        SimpleImageHeader header = header(file);
        assertNotNull(header);
        assertEquals("  It's M 42", header.text("OBJECT"));
        assertEquals("1.5D2", header.text("EXPTIME"));
        assertEquals("L/R", header.text("FILTER"));
        assertNull(header.text("NOVALUE"));
        assertEquals(2, header.width());
        assertEquals(1, header.height());
        assertEquals(2880, header.dataOffset());
        assertTakenAndSameAsNomTam(file);
        assertEquals(150.0, FitsFrames.read(file).metadata().exposureSeconds());
    }

    @Test
    void unusualFilesAreLeftToNomTamFits() throws Exception {
        assertNull(header(fits("continue.fits", 2, 1, "OBJECT  = 'a long name&'", "CONTINUE  'that goes on'")));
        assertNull(header(fits("twice.fits", 2, 1, "EXPTIME = 10", "EXPTIME = 20")));
        assertNull(header(fits("lower.fits", 2, 1, "exptime = 10")));
        assertNull(header(fits("hierarch.fits", 2, 1, "HIERARCH ESO DET DIT = 10")));
        assertNull(header(fits("unclosed.fits", 2, 1, "OBJECT  = 'no end")));
        assertNull(header(fits("scaled.fits", 2, 1, "BSCALE  = 2")));
        assertNull(header(fits("offset.fits", 2, 1, "BZERO   = 100")));
        assertNull(header(fits("bitpix8.fits", "BITPIX  = 8", 2, 1)));
        assertNull(header(fits("float.fits", "BITPIX  = -32", 2, 1)));

        Path whole = fits("whole.fits", 2000, 1);
        Path cut = folder.resolve("cut.fits");
        Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(whole), 2880 + 3000));
        assertNull(header(cut), "data shorter than the header says");
        assertNotNull(header(whole));
    }

    private void assertTakenAndSameAsNomTam(Path file) throws IOException {
        assertNotNull(header(file), file.getFileName() + " takes the fast path");
        Frame fast = FitsFrames.read(file);
        Frame general = FitsFrames.readThroughNomTam(file, Files.size(file), null);
        assertEquals(general.width(), fast.width());
        assertEquals(general.height(), fast.height());
        assertArrayEquals(general.pixels(), fast.pixels(), "pixels");
        assertEquals(general.bayerPattern(), fast.bayerPattern());
        assertEquals(general.metadata(), fast.metadata());
    }

    private static SimpleImageHeader header(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            return SimpleImageHeader.read(channel, Files.size(file));
        }
    }

    private Path fits(String name, int width, int height, String... cards) throws IOException {
        return fits(name, "BITPIX  = 16", width, height, cards);
    }

    /** A primary HDU written card by card: SIMPLE, the given BITPIX card, NAXIS, then {@code cards} and END. */
    private Path fits(String name, String bitpix, int width, int height, String... cards) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        card(out, "SIMPLE  =                    T");
        card(out, bitpix);
        card(out, "NAXIS   =                    2");
        card(out, String.format("NAXIS1  = %20d", width));
        card(out, String.format("NAXIS2  = %20d", height));
        for (String card : cards) {
            card(out, card);
        }
        card(out, "END");
        while (out.size() % 2880 != 0) {
            out.write(' ');
        }
        int bytes = width * height * Math.abs(Integer.parseInt(bitpix.substring(10).trim())) / 8;
        out.write(new byte[(bytes + 2879) / 2880 * 2880]);
        Path file = folder.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    private static void card(ByteArrayOutputStream out, String card) {
        out.writeBytes(String.format("%-80s", card).getBytes(StandardCharsets.US_ASCII));
    }
}
