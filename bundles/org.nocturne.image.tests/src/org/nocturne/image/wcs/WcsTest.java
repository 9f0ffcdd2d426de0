package org.nocturne.image.wcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.image.SipDistortion;
import org.nocturne.image.Wcs;

/** The WCS's sky ↔ pixel mapping, position angle and parity, against hand-worked cases. */
class WcsTest {

    /** 2″/px, north up and east left (the unflipped view), reference at pixel (500.5, 400.5). */
    private static final double D = 2.0 / 3600;
    private static final Wcs NORTH_UP = new Wcs(83.63, 22.01, 500.5, 400.5, -D, 0, 0, D);

    @Test
    void theReferencePixelIsTheReferencePlaceAndAxesPointWestAndNorth() {
        Equatorial reference = NORTH_UP.toSky(500.5, 400.5);
        assertEquals(83.63, Math.toDegrees(reference.raRadians()), 1e-12);
        assertEquals(22.01, reference.decDegrees(), 1e-12);
        assertEquals(2.0, NORTH_UP.toSky(500.5, 401.5).separationDegrees(reference) * 3600, 1e-9, "one pixel up is 2″");
        assertTrue(NORTH_UP.toSky(500.5, 401.5).decDegrees() > 22.01, "+y is north");
        assertTrue(Math.toDegrees(NORTH_UP.toSky(501.5, 400.5).raRadians()) < 83.63, "+x is west");
        assertEquals(0, NORTH_UP.positionAngleDegrees(), 1e-12);
        assertFalse(NORTH_UP.isFlipped());
        assertEquals(2.0, NORTH_UP.scaleArcsecPerPixel(), 1e-12);
    }

    @Test
    void positionAngleTurnsEastOfNorthAndMirroringFlips() {
        for (double pa : new double[] { 0, 30, 90, 179, 181, 270, 359.5 }) {
            double c = Math.cos(Math.toRadians(pa));
            double s = Math.sin(Math.toRadians(pa));
            Wcs turned = new Wcs(10, -60, 1, 1, -c * D, s * D, s * D, c * D);
            assertEquals(pa, turned.positionAngleDegrees(), 1e-9, "PA " + pa);
            assertFalse(turned.isFlipped());
            Wcs mirrored = new Wcs(10, -60, 1, 1, c * D, s * D, -s * D, c * D);
            assertTrue(mirrored.isFlipped(), "x mirrored at PA " + pa);
            assertEquals(pa, mirrored.positionAngleDegrees(), 1e-9, "mirroring x keeps +y where it was");
        }
    }

    @Test
    void positionAngleAwayFromTheReferenceTurnsWithNorth() {
        Wcs northUp = new Wcs(0, 60, 1, 1, -D, 0, 0, D);
        assertEquals(0, northUp.positionAngleDegreesAt(1, 1), 1e-9, "at the reference");
        // 1800 px east is 1° of arc; at δ 60° that is 2° of RA, and north there leans by Δα·sin δ = 1.732°.
        double leaning = northUp.positionAngleDegreesAt(1 - 1800, 1);
        assertEquals(1.732, leaning, 0.01, "east of the reference, local north leans west, so +y points east of it");
    }

    @Test
    void pixelAndSkyAreInversesWithAndWithoutDistortionAcrossRaZeroAndNearThePole() {
        SipDistortion sip = SipDistortion.zero(3).withA(2, 0, 2e-6).withA(0, 2, -1e-6).withA(1, 1, 3e-6)
                .withB(0, 2, 4e-6).withB(2, 1, 1e-9).withA(3, 0, -2e-9);
        for (double[] reference : new double[][] { { 0.01, 10 }, { 359.99, -30 }, { 120, 89.9 }, { 250, -89.5 } }) {
            for (SipDistortion distortion : new SipDistortion[] { null, sip }) {
                Wcs wcs = new Wcs(reference[0], reference[1], 1024.5, 768.5, -D * 0.8, D * 0.6, D * 0.6, D * 0.8, distortion);
                for (double x = 1; x <= 2048; x += 341) {
                    for (double y = 1; y <= 1536; y += 307) {
                        double[] back = wcs.toPixel(wcs.toSky(x, y));
                        assertEquals(x, back[0], 1e-5, "x at " + x + "," + y + " with " + distortion);
                        assertEquals(y, back[1], 1e-5, "y at " + x + "," + y + " with " + distortion);
                    }
                }
            }
        }
    }

    @Test
    void distortionMovesPixelsAsTheSipConventionSays() {
        SipDistortion sip = SipDistortion.zero(2).withA(2, 0, 1e-4);
        Wcs bent = new Wcs(83.63, 22.01, 500.5, 400.5, -D, 0, 0, D, sip);
        double[] corrected = new double[2];
        sip.apply(100, 0, corrected);
        assertEquals(101, corrected[0], 1e-12, "u + A_2_0·u² with u = 100");
        Equatorial bentPlace = bent.toSky(600.5, 400.5);
        Equatorial straightPlace = NORTH_UP.toSky(601.5, 400.5);
        assertEquals(0, bentPlace.separationDegrees(straightPlace) * 3600, 1e-6, "the bent pixel lands where the straight one 1 px further does");
        assertNull(bent.withoutDistortion().sip());
    }
}
