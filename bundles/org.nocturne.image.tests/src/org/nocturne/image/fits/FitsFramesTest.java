package org.nocturne.image.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.image.BayerPattern;
import org.nocturne.image.CameraSettings;
import org.nocturne.image.FocuserState;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;
import org.nocturne.image.ImageType;
import org.nocturne.image.Optics;
import org.nocturne.image.PierSide;
import org.nocturne.image.RotatorState;
import org.nocturne.image.Weather;
import org.nocturne.image.Wcs;

import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import nom.tam.image.compression.hdu.CompressedImageHDU;

class FitsFramesTest {

    @TempDir
    Path folder;

    private static final FrameMetadata FULL = FrameMetadata.builder().imageType(ImageType.LIGHT)
            .startTime(Instant.parse("2026-11-25T21:30:00.250Z")).exposureSeconds(120.0).objectName("M 42")
            .target(Equatorial.ofHoursDegrees(5.588139, -5.391111)).targetRotationDegrees(90.0)
            .pointing(Equatorial.ofHoursDegrees(5.5885, -5.39)).pierSide(PierSide.WEST)
            .site(new ObserverSite("Backyard", 51.4769, -0.0005, 46.0)).observer("Test Observer")
            .camera(new CameraSettings("Simulated camera", 1, 1, 100, 30, 0.25, 3.76, 3.76, -10.0, -9.8, "High gain", 40))
            .optics(new Optics("Simulated refractor", 530.0, 5.3)).filterWheel("Wheel").filter("Ha")
            .focuser(new FocuserState("Focuser", 12345, 1.2, 8.5)).rotator(new RotatorState("Rotator", 90.0, 0.1))
            .weather(new Weather(10.0, 2.0, 80.0, 1012.0, 0.01, 21.3, -20.0, 2.5, 6.0, 270.0, 5.0, 3.0))
            .wcs(new Wcs(83.82, -5.39, 320.5, 240.5, -2.8e-4, 1e-6, 1e-6, 2.8e-4)).build();

    @Test
    void writesAndReadsBackPixelsAndTheFullKeywordSet() throws IOException {
        short[] pixels = new short[640 * 480];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) (i * 37 % 65536);
        }
        Path file = folder.resolve("light.fits");
        FitsFrames.write(Frame.of(640, 480, pixels, BayerPattern.GRBG, FULL), file);

        Frame back = FitsFrames.read(file);
        assertArrayEquals(pixels, back.pixels(), "pixels survive the round trip, 0 and 65535 included");
        assertEquals(BayerPattern.GRBG, back.bayerPattern());
        FrameMetadata m = back.metadata();
        assertEquals(FULL.imageType(), m.imageType());
        assertEquals(FULL.startTime(), m.startTime());
        assertEquals(120.0, m.exposureSeconds());
        assertEquals("M 42", m.objectName());
        assertEquals(FULL.target().raHours(), m.target().raHours(), 0.01 / 3600, "OBJCTRA to 0.01 s");
        assertEquals(FULL.target().decDegrees(), m.target().decDegrees(), 0.1 / 3600, "OBJCTDEC to 0.1\"");
        assertEquals(FULL.pointing().raHours(), m.pointing().raHours(), 1e-9);
        assertEquals(PierSide.WEST, m.pierSide());
        assertEquals(FULL.site(), m.site());
        assertEquals(FULL.camera(), m.camera());
        assertEquals(FULL.optics(), m.optics());
        assertEquals("Ha", m.filter());
        assertEquals(FULL.focuser(), m.focuser());
        assertEquals(FULL.rotator(), m.rotator());
        assertEquals(FULL.weather(), m.weather());
        assertEquals(FULL.wcs(), m.wcs());

        Header header = header(file);
        for (String key : new String[] { "SWCREATE", "IMAGETYP", "EXPOSURE", "EXPTIME", "DATE-OBS", "DATE-LOC", "DATE-AVG",
                "MJD-OBS", "MJD-AVG", "SITEELEV", "SITELAT", "SITELONG", "SITENAME", "OBSERVER", "OBSERVAT", "OBJECT",
                "OBJCTRA", "OBJCTDEC", "OBJCTROT", "EQUINOX", "RA", "DEC", "CENTALT", "CENTAZ", "INSTRUME", "CAMERAID",
                "XBINNING", "YBINNING", "GAIN", "OFFSET", "EGAIN", "XPIXSZ", "YPIXSZ", "SET-TEMP", "CCD-TEMP", "READOUTM",
                "USBLIMIT", "BAYERPAT", "XBAYROFF", "YBAYROFF", "ROWORDER", "TELESCOP", "FOCALLEN", "FOCRATIO", "FWHEEL",
                "FILTER", "FOCNAME", "FOCPOS", "FOCUSPOS", "FOCUSSZ", "FOCTEMP", "FOCUSTEM", "ROTNAME", "ROTATOR",
                "ROTATANG", "ROTSTPSZ", "CLOUDCVR", "DEWPOINT", "HUMIDITY", "PRESSURE", "SKYBRGHT", "MPSAS", "SKYTEMP",
                "STARFWHM", "AMBTEMP", "WINDDIR", "WINDGUST", "WINDSPD", "PIERSIDE", "CTYPE1", "CTYPE2", "CRVAL1",
                "CRVAL2", "CRPIX1", "CRPIX2", "CD1_1", "CD1_2", "CD2_1", "CD2_2", "BZERO" }) {
            assertTrue(header.containsKey(key), key + " written");
        }
        assertEquals(16, header.getIntValue("BITPIX"));
        assertEquals(32768, header.getIntValue("BZERO"));
        assertEquals("05 35 17.30", header.getStringValue("OBJCTRA"));
        assertEquals("-05 23 28.0", header.getStringValue("OBJCTDEC"));
    }

    @Test
    void writtenFilesPassFitsverify() throws Exception {
        Path fitsverify = Path.of("/usr/bin/fitsverify");
        if (!Files.isExecutable(fitsverify) && System.getenv("CI") != null) {
            throw new AssertionError("fitsverify is not installed: .ci/run must install Debian's fitsverify");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(fitsverify), "fitsverify is not installed");
        Path file = folder.resolve("verified.fits");
        FitsFrames.write(Frame.of(64, 48, new short[64 * 48], BayerPattern.RGGB, FULL), file);
        Process process = new ProcessBuilder(fitsverify.toString(), file.toString()).redirectErrorStream(true).start();
        String report = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        assertTrue(report.contains("Verification found 0 warning(s) and 0 error(s)"), report);
    }

    @Test
    void readsStringAnglesAndTheImageTypesOfOtherPrograms() throws Exception {
        // INDI writes the site and target as sexagesimal strings, and some programs "Light Frame" for IMAGETYP.
        Path file = folder.resolve("indi-style.fits");
        ImageHDU image = (ImageHDU) Fits.makeHDU(new short[2][3]);
        Header h = image.getHeader();
        h.addValue("IMAGETYP", "Dark Frame", "");
        h.addValue("SITELAT", "+51 28 38.00", "");
        h.addValue("SITELONG", "359 59 58.2", "");
        h.addValue("OBJCTRA", "05 35 17.30", "");
        h.addValue("OBJCTDEC", "-05 23 28.0", "");
        h.addValue("CCD_TEMP", -10.5, "");
        h.addValue("FOCUSPOS", 4200, "");
        h.addValue("DATE-OBS", "2026-11-25T21:30:00", "");
        try (Fits fits = new Fits()) {
            fits.addHDU(image);
            fits.write(file.toFile());
        }
        FrameMetadata m = FitsFrames.read(file).metadata();
        assertEquals(ImageType.DARK, m.imageType());
        assertEquals(51.477222, m.site().latitudeDegrees(), 1e-6);
        assertEquals(-0.000500, m.site().longitudeDegrees(), 1e-6, "359° 59' 58.2\" east is 1.8\" west");
        assertEquals(5.588139, m.target().raHours(), 1e-6);
        assertEquals(-10.5, m.camera().sensorTemperature());
        assertEquals(4200, m.focuser().position());
        assertEquals(Instant.parse("2026-11-25T21:30:00Z"), m.startTime());
    }

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
        Path file = folder.resolve("frame.fits");
        Files.writeString(file, "an older file under the same name");
        FitsFrames.write(Frame.mono(4, 3, new short[12], FrameMetadata.EMPTY), file);
        assertEquals(4, FitsFrames.read(file).width());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(1, files.count(), "only the frame remains in the folder");
        }
    }

    @Test
    void readsEveryBitpixOtherProgramsWrite() throws Exception {
        assertPixels(write("u8.fits", new byte[][] { { 0, 127, (byte) 255 } }, null), 0, 127, 255);
        assertPixels(write("s16.fits", new short[][] { { -5, 0, 1000 } }, null), 0, 0, 1000);
        assertPixels(write("i32.fits", new int[][] { { 0, 70000, 40000 } }, null), 0, 65535, 40000);
        assertPixels(write("i32-bzero.fits", new int[][] { { -2147483648 + 100, -2147483648 + 65000, 0 } }, 2147483648.0), 100, 65000, 65535);
        assertPixels(write("f32-normalised.fits", new float[][] { { 0f, 0.5f, 1f } }, null), 0, 32768, 65535);
        assertPixels(write("f32-adu.fits", new float[][] { { 12.4f, 30000f, 1e6f } }, null), 12, 30000, 65535);
        assertPixels(write("f64.fits", new double[][] { { Double.NaN, 2.0, 65535.0 } }, null), 0, 2, 65535);
    }

    @Test
    void readsTileCompressedFits() throws Exception {
        short[][] rows = new short[64][100];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 100; x++) {
                rows[y][x] = (short) ((y * 100 + x) * 7 - 32768);
            }
        }
        ImageHDU image = (ImageHDU) Fits.makeHDU(rows);
        image.getHeader().addValue("BZERO", 32768, "");
        image.getHeader().addValue("EXPTIME", 30.0, "");
        CompressedImageHDU compressed = CompressedImageHDU.fromImageHDU(image, 100, 16).setCompressAlgorithm("RICE_1");
        compressed.compress();
        Path file = folder.resolve("light.fits.fz");
        try (Fits fits = new Fits()) {
            fits.addHDU(compressed);
            fits.write(file.toFile());
        }
        Frame frame = FitsFrames.read(file);
        assertEquals(100, frame.width());
        assertEquals(64, frame.height());
        assertEquals((63 * 100 + 99) * 7, frame.value(99, 63));
        assertEquals(30.0, frame.metadata().exposureSeconds());
    }

    @Test
    void badFilesGiveErrorsThatNameTheFileAndTheProblem() throws IOException {
        Path text = folder.resolve("notes.fits");
        Files.writeString(text, "this is not FITS ".repeat(400));
        FitsFormatException notFits = assertThrows(FitsFormatException.class, () -> FitsFrames.read(text));
        assertTrue(notFits.getMessage().startsWith(text.toString()), notFits.getMessage());

        Path tiny = folder.resolve("tiny.fits");
        Files.write(tiny, new byte[100]);
        assertTrue(assertThrows(FitsFormatException.class, () -> FitsFrames.read(tiny)).getMessage().contains("shorter than one"));

        Path whole = folder.resolve("whole.fits");
        FitsFrames.write(Frame.mono(300, 200, new short[60000], FrameMetadata.EMPTY), whole);
        Path truncated = folder.resolve("truncated.fits");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 50000));
        FitsFormatException cut = assertThrows(FitsFormatException.class, () -> FitsFrames.read(truncated));
        assertTrue(cut.getMessage().startsWith(truncated + ": truncated"), cut.getMessage());

        Path empty = folder.resolve("header-only.fits");
        try (Fits fits = new Fits()) {
            fits.addHDU(nom.tam.fits.NullDataHDU.getDummyHDU());
            fits.write(empty.toFile());
        } catch (Exception e) {
            throw new IOException(e);
        }
        FitsFormatException noImage = assertThrows(FitsFormatException.class, () -> FitsFrames.read(empty));
        assertTrue(noImage.getMessage().contains("no 2-D image"), noImage.getMessage());

        assertTrue(assertThrows(FitsFormatException.class, () -> FitsFrames.read(folder.resolve("missing.fits")))
                .getMessage().endsWith("no such file"));
    }

    @Test
    void corruptedFilesGiveFitsFormatExceptionsAndNothingElse() throws IOException {
        Path original = folder.resolve("original.fits");
        FitsFrames.write(Frame.of(64, 48, new short[64 * 48], BayerPattern.RGGB, FULL), original);
        byte[] bytes = Files.readAllBytes(original);
        java.util.Random random = new java.util.Random(42);
        // nom-tam-fits logs every malformed header with its stack trace; 300 of them would bury the build log.
        java.util.logging.Logger nomTam = java.util.logging.Logger.getLogger("nom.tam");
        java.util.logging.Level level = nomTam.getLevel();
        nomTam.setLevel(java.util.logging.Level.OFF);
        try {
            corruptAndRead(bytes, random);
        } finally {
            nomTam.setLevel(level);
        }
    }

    private void corruptAndRead(byte[] bytes, java.util.Random random) throws IOException {
        for (int trial = 0; trial < 300; trial++) {
            byte[] corrupt = bytes.clone();
            int edits = 1 + random.nextInt(8);
            for (int e = 0; e < edits; e++) {
                // mostly in the header, where a flipped byte changes meaning
                int at = random.nextInt(4) == 0 ? random.nextInt(corrupt.length) : random.nextInt(2880 * 2);
                corrupt[at] = (byte) (32 + random.nextInt(95));
            }
            int length = random.nextInt(5) == 0 ? random.nextInt(corrupt.length) : corrupt.length;
            Path file = folder.resolve("corrupt-" + trial + ".fits");
            Files.write(file, Arrays.copyOf(corrupt, length));
            try {
                Frame frame = FitsFrames.read(file);
                assertEquals(frame.width() * frame.height(), frame.pixels().length);
            } catch (FitsFormatException expected) {
                assertTrue(expected.getMessage().startsWith(file.toString()), expected.getMessage());
            } catch (RuntimeException | IOException other) {
                throw new AssertionError("trial " + trial + ": " + other, other);
            }
        }
    }

    @Test
    void largeFramesSplitOverChunksAndCoresSurviveTheRoundTripByteForByte() throws Exception {
        // 3001×2003 is 5.7 M pixels: eleven 1 MiB chunks and a partial one, so the parallel path runs, and the data
        // do not end on a 2880-byte block.
        int width = 3001;
        int height = 2003;
        short[] pixels = new short[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) (i * 7919 + (i >>> 9));
        }
        Path file = folder.resolve("large.fits");
        FitsFrames.write(Frame.mono(width, height, pixels, FrameMetadata.EMPTY), file);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(0, bytes.length % 2880, "padded to whole blocks");
        int dataStart = bytes.length - ((pixels.length * 2 + 2879) / 2880) * 2880;
        for (int i = 0; i < pixels.length; i += 9973) {
            int stored = (short) ((bytes[dataStart + 2 * i] << 8) | (bytes[dataStart + 2 * i + 1] & 0xFF)) + 32768;
            assertEquals(pixels[i] & 0xFFFF, stored, "big-endian with BZERO 32768 at pixel " + i);
        }
        for (int i = dataStart + pixels.length * 2; i < bytes.length; i++) {
            assertEquals(0, bytes[i], "zero padding");
        }
        assertArrayEquals(pixels, FitsFrames.read(file).pixels());

        Path signed = write("large-signed.fits", new short[][] { pixels.clone() }, null);
        short[] clipped = FitsFrames.read(signed).pixels();
        for (int i = 0; i < pixels.length; i++) {
            if (clipped[i] != (pixels[i] < 0 ? 0 : pixels[i])) {
                throw new AssertionError("signed 16-bit without BZERO clips negatives to 0, pixel " + i);
            }
        }
    }

    @Test
    void readsIntoAReusedArrayOfTheRightSizeOnly() throws Exception {
        short[] pixels = new short[640 * 480];
        Arrays.fill(pixels, (short) 1234);
        Path file = folder.resolve("reuse.fits");
        FitsFrames.write(Frame.mono(640, 480, pixels, FrameMetadata.EMPTY), file, false);

        short[] reuse = new short[640 * 480];
        Frame into = FitsFrames.read(file, reuse);
        assertTrue(into.pixels() == reuse, "the array is used");
        assertArrayEquals(pixels, reuse);

        short[] wrongSize = new short[17];
        Frame fresh = FitsFrames.read(file, wrongSize);
        assertTrue(fresh.pixels() != wrongSize, "an array of another size is left alone");
        assertArrayEquals(new short[17], wrongSize);
        assertArrayEquals(pixels, fresh.pixels());

        short[] small = new short[3];
        Frame converted = FitsFrames.read(write("f32-reuse.fits", new float[][] { { 0f, 0.5f, 1f } }, null), small);
        assertTrue(converted.pixels() == small, "other BITPIX read into the array too");
        assertEquals(65535, converted.value(2, 0));
    }

    @Test
    void bayerOffsetsShiftThePattern() throws Exception {
        Path file = folder.resolve("offset.fits");
        ImageHDU image = (ImageHDU) Fits.makeHDU(new short[4][4]);
        image.getHeader().addValue("BAYERPAT", "RGGB", "");
        image.getHeader().addValue("XBAYROFF", 1, "");
        image.getHeader().addValue("YBAYROFF", 0, "");
        try (Fits fits = new Fits()) {
            fits.addHDU(image);
            fits.write(file.toFile());
        }
        assertEquals(BayerPattern.GRBG, FitsFrames.read(file).bayerPattern());
        assertNull(FitsFrames.read(write("mono.fits", new short[][] { { 1 } }, null)).bayerPattern());
    }

    private Path write(String name, Object data, Double bzero) throws Exception {
        Path file = folder.resolve(name);
        ImageHDU image = (ImageHDU) Fits.makeHDU(data);
        if (bzero != null) {
            image.getHeader().addValue("BZERO", bzero, "");
        }
        try (Fits fits = new Fits()) {
            fits.addHDU(image);
            fits.write(file.toFile());
        }
        return file;
    }

    private static void assertPixels(Path file, int... expected) throws IOException {
        Frame frame = FitsFrames.read(file);
        int[] actual = new int[expected.length];
        for (int x = 0; x < expected.length; x++) {
            actual[x] = frame.value(x, 0);
        }
        assertArrayEquals(expected, actual, file.getFileName().toString());
    }

    private static Header header(Path file) throws IOException {
        try (Fits fits = new Fits(file.toFile())) {
            return fits.readHDU().getHeader();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
