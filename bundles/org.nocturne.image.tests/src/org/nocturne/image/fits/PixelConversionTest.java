package org.nocturne.image.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** How pixel values beyond 16 bits are read: clipped when they are a few, shifted or scaled when they are most. */
class PixelConversionTest {

    private static final Path FILE = Path.of("test.fits");

    @Test
    void aFewValuesBeyondSixteenBitsAreClipped() throws FitsFormatException {
        assertPixels(read(new int[][] { { 0, 70000, 40000 } }), 0, 65535, 40000);
        assertPixels(read(new float[][] { { -5f, 30000f, 20000f, 1e6f, 100f } }), 0, 30000, 20000, 65535, 100);
    }

    @Test
    void aPedestalThatSpansLessThanSixteenBitsIsTakenOffKeepingTheAdu() throws FitsFormatException {
        // like ESO-MIDAS's NOT.fits, but narrow enough to keep one ADU a step
        assertPixels(read(new int[][] { { 100000, 100010 }, { 160000, 100001 } }), 0, 10, 60000, 1);
        assertPixels(read(new float[][] { { 100000.4f, 150000f } }), 0, 50000);
    }

    @Test
    void valuesThatSpanMoreThanSixteenBitsAreMappedLinearlyOntoThem() throws FitsFormatException {
        // NOT.fits itself spans 9,899 to 124,172 with most values about 106,000
        int[][] rows = { { 9899, 124172 }, { 106000, 105000 } };
        double factor = 65535.0 / (124172 - 9899);
        assertPixels(read(rows), 0, 65535, (int) Math.round((106000 - 9899) * factor),
                (int) Math.round((105000 - 9899) * factor));
    }

    @Test
    void fractionsOfFullScaleAreStillScaledUp() throws FitsFormatException {
        assertPixels(read(new double[][] { { 0, 0.5, 1 } }), 0, 32768, 65535);
    }

    @Test
    void aLoneExtremeValueDoesNotSqueezeAPedestalFrame() throws FitsFormatException {
        // a 32-bit frame at 100,000..100,999 with one sentinel at each end of the int range: shifted, one ADU a step
        int[][] rows = new int[200][200];
        for (int i = 0; i < 200 * 200; i++) {
            rows[i / 200][i % 200] = 100000 + i % 1000;
        }
        rows[10][10] = Integer.MAX_VALUE;
        rows[20][20] = Integer.MIN_VALUE;
        short[] pixels = read(rows);
        for (int i = 0; i < pixels.length; i++) {
            int expected = i == 10 * 200 + 10 ? 65535 : i == 20 * 200 + 20 ? 0 : i % 1000;
            assertEquals(expected, pixels[i] & 0xFFFF, "pixel " + i);
        }
    }

    @Test
    void aCalibratedFrameInFractionsWithAFewValuesJustOutsideStaysInFractions() throws FitsFormatException {
        // dark subtraction leaves a few values just below 0, a hot pixel just above 1
        float[][] rows = new float[100][100];
        for (int i = 0; i < 100 * 100; i++) {
            rows[i / 100][i % 100] = 0.1f + (i % 100) / 1000f;
        }
        rows[5][5] = -0.001f;
        rows[6][6] = 1.02f;
        short[] pixels = read(rows);
        assertEquals(0, pixels[5 * 100 + 5] & 0xFFFF);
        assertEquals(65535, pixels[6 * 100 + 6] & 0xFFFF);
        assertEquals(Math.round((double) (0.1f + 42 / 1000f) * 65535), pixels[7 * 100 + 42] & 0xFFFF);
    }

    private static short[] read(Object[] rows) throws FitsFormatException {
        int width = java.lang.reflect.Array.getLength(rows[0]);
        return PixelConversion.toUnsigned16(rows, width, rows.length, 1.0, 0.0, FILE, null);
    }

    private static void assertPixels(short[] pixels, int... expected) {
        int[] actual = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            actual[i] = pixels[i] & 0xFFFF;
        }
        assertArrayEquals(expected, actual);
    }
}
