package org.nocturne.image.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;
import org.nocturne.image.SipDistortion;
import org.nocturne.image.Wcs;

/**
 * {@link FitsFrames#readWcs}: header-only files as solve-field and ASTAP write them (laid out card by card here from
 * their documented formats), and images.
 */
class WcsFileTest {

    @TempDir
    Path folder;

    @Test
    void readsATanSipHeaderWithoutDataAsSolveFieldWritesIt() throws IOException {
        Path file = headerOnly("field.wcs",
                "SIMPLE  =                    T / Standard FITS file",
                "BITPIX  =                    8 / ASCII or bytes array",
                "NAXIS   =                    0 / Minimal header",
                "EXTEND  =                    T / There may be FITS ext",
                "WCSAXES =                    2 / no comment",
                "CTYPE1  = 'RA---TAN-SIP' / TAN (gnomic) projection + SIP distortions",
                "CTYPE2  = 'DEC--TAN-SIP' / TAN (gnomic) projection + SIP distortions",
                "EQUINOX =               2000.0 / Equatorial coordinates definition (yr)",
                "LONPOLE =                180.0 / no comment",
                "LATPOLE =                  0.0 / no comment",
                "CRVAL1  =        297.739136213 / RA  of reference point",
                "CRVAL2  =        35.0442712337 / DEC of reference point",
                "CRPIX1  =        1013.50378418 / X reference pixel",
                "CRPIX2  =        741.269470215 / Y reference pixel",
                "CUNIT1  = 'deg     ' / X pixel scale units",
                "CUNIT2  = 'deg     ' / Y pixel scale units",
                "CD1_1   =   -0.000932806522426 / Transformation matrix",
                "CD1_2   =    0.000538613207468 / no comment",
                "CD2_1   =    0.000538520218003 / no comment",
                "CD2_2   =    0.000932913396178 / no comment",
                "IMAGEW  =                 2000 / Image width,  in pixels.",
                "IMAGEH  =                 1500 / Image height, in pixels.",
                "A_ORDER =                    2 / Polynomial order, axis 1",
                "A_0_0   =                    0 / no comment",
                "A_0_1   =                    0 / no comment",
                "A_0_2   =    2.16441237539E-07 / no comment",
                "A_1_0   =                    0 / no comment",
                "A_1_1   =   -1.19370962049E-07 / no comment",
                "A_2_0   =    3.84225106433E-08 / no comment",
                "B_ORDER =                    2 / Polynomial order, axis 2",
                "B_0_0   =                    0 / no comment",
                "B_0_1   =                    0 / no comment",
                "B_0_2   =   -1.61213917437E-07 / no comment",
                "B_1_0   =                    0 / no comment",
                "B_1_1   =    1.34026117012E-08 / no comment",
                "B_2_0   =   -6.96264542005E-08 / no comment",
                "AP_ORDER=                    2 / Inv polynomial order, axis 1",
                "AP_0_1  =    1.96420113474E-08 / no comment",
                "BP_ORDER=                    2 / Inv poly order, axis 2",
                "HISTORY Created by the Astrometry.net suite.",
                "COMMENT scale: 3.87779 arcsec/pix",
                "END");
        Wcs wcs = FitsFrames.readWcs(file).orElseThrow();
        assertEquals(297.739136213, wcs.crval1(), 1e-12);
        assertEquals(35.0442712337, wcs.crval2(), 1e-12);
        assertEquals(1013.50378418, wcs.crpix1(), 1e-12, "CRPIX as written, not moved to the centre");
        assertEquals(741.269470215, wcs.crpix2(), 1e-12);
        assertEquals(-0.000932806522426, wcs.cd11(), 1e-18);
        assertEquals(0.000538613207468, wcs.cd12(), 1e-18);
        assertEquals(0.000538520218003, wcs.cd21(), 1e-18);
        assertEquals(0.000932913396178, wcs.cd22(), 1e-18);
        SipDistortion sip = wcs.sip();
        assertNotNull(sip, "TAN-SIP");
        assertEquals(2, sip.order());
        assertEquals(2.16441237539E-07, sip.a(0, 2), 1e-20);
        assertEquals(-1.19370962049E-07, sip.a(1, 1), 1e-20);
        assertEquals(3.84225106433E-08, sip.a(2, 0), 1e-20);
        assertEquals(-1.61213917437E-07, sip.b(0, 2), 1e-20);
        assertEquals(1.34026117012E-08, sip.b(1, 1), 1e-20);
        assertEquals(-6.96264542005E-08, sip.b(2, 0), 1e-20);
        assertEquals(3.87779, wcs.scaleArcsecPerPixel(), 1e-5);
    }

    @Test
    void readsATanHeaderWithCdeltAndCrotaBesideTheCdMatrixAsAstapWritesIt() throws IOException {
        Path file = headerOnly("frame.wcs",
                "SIMPLE  =                    T / file does conform to FITS standard",
                "BITPIX  =                    8 / number of bits per data pixel",
                "NAXIS   =                    0 / number of data axes",
                "EXTEND  =                    T / FITS dataset may contain extensions",
                "CTYPE1  = 'RA---TAN'           / first parameter RA  ,  projection TANgential",
                "CTYPE2  = 'DEC--TAN'           / second parameter DEC,  projection TANgential",
                "CUNIT1  = 'deg     '           / Unit of coordinates",
                "CRPIX1  =  1.000500000000E+003 / X of reference pixel",
                "CRPIX2  =  7.505000000000E+002 / Y of reference pixel",
                "CRVAL1  =  2.977500000000E+002 / RA of reference pixel (deg)",
                "CRVAL2  =  3.500000000000E+001 / DEC of reference pixel (deg)",
                "CDELT1  = -1.077568749999E-003 / X pixel size (deg)",
                "CDELT2  =  1.077568749999E-003 / Y pixel size (deg)",
                "CROTA1  = -3.000000000000E+001 / Image twist X axis (deg)",
                "CROTA2  = -3.000000000000E+001 / Image twist Y axis (deg) E of N if not flipped.",
                "CD1_1   = -9.332019118234E-004 / CD matrix to convert (x,y) to (Ra, Dec)",
                "CD1_2   =  5.387843749995E-004 / CD matrix to convert (x,y) to (Ra, Dec)",
                "CD2_1   =  5.387843749995E-004 / CD matrix to convert (x,y) to (Ra, Dec)",
                "CD2_2   =  9.332019118234E-004 / CD matrix to convert (x,y) to (Ra, Dec)",
                "PLTSOLVD=                    T / Astrometric solved by ASTAP v2022.12.09.",
                "END");
        Wcs wcs = FitsFrames.readWcs(file).orElseThrow();
        assertNull(wcs.sip());
        assertEquals(297.75, wcs.crval1(), 1e-12);
        assertEquals(35.0, wcs.crval2(), 1e-12);
        assertEquals(1000.5, wcs.crpix1(), 1e-12);
        assertEquals(750.5, wcs.crpix2(), 1e-12);
        assertEquals(-9.332019118234E-04, wcs.cd11(), 1e-18);
        assertEquals(9.332019118234E-04, wcs.cd22(), 1e-18);
        assertEquals(30.0, wcs.positionAngleDegrees(), 1e-9);
    }

    @Test
    void readsTheSolutionOfAnImage() throws IOException {
        Wcs written = new Wcs(83.82, -5.39, 320.5, 240.5, -2.8e-4, 1e-6, 1e-6, 2.8e-4,
                SipDistortion.zero(3).withA(2, 0, 1e-7).withB(1, 2, -2e-9));
        Path file = folder.resolve("light.fits");
        FitsFrames.write(Frame.of(64, 48, new short[64 * 48], null, FrameMetadata.builder().build()), file, false);
        assertTrue(FitsFrames.readWcs(file).isEmpty(), "no world coordinates yet");
        FitsFrames.writeWcs(file, written);
        assertEquals(written, FitsFrames.readWcs(file).orElseThrow());
    }

    @Test
    void aFileThatIsNotFitsIsRefusedByName() throws IOException {
        Path text = Files.writeString(folder.resolve("field.wcs"), "PLTSOLVD=F\n".repeat(300));
        FitsFormatException e = assertThrows(FitsFormatException.class, () -> FitsFrames.readWcs(text));
        assertTrue(e.getMessage().contains("field.wcs"), e.getMessage());
        assertThrows(FitsFormatException.class, () -> FitsFrames.readWcs(folder.resolve("missing.wcs")));
    }

    /** A FITS file of header cards only, each padded to 80 characters, the whole to 2880 bytes. */
    private Path headerOnly(String name, String... cards) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String card : cards) {
            assertTrue(card.length() <= 80, card);
            text.append(String.format(Locale.ROOT, "%-80s", card));
        }
        while (text.length() % 2880 != 0) {
            text.append(' ');
        }
        return Files.write(folder.resolve(name), text.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
