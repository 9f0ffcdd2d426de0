package org.nocturne.core.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TangentPlaneTest {

    @Test
    void projectingAndDeprojectingReturnsThePlaceEverywhereOnTheSky() {
        Random random = new Random(7);
        double[] xiEta = new double[2];
        for (int i = 0; i < 10_000; i++) {
            Equatorial centre = new Equatorial(random.nextDouble() * 2 * Math.PI, Math.asin(2 * random.nextDouble() - 1));
            TangentPlane plane = new TangentPlane(centre);
            double xi = Math.toRadians(random.nextGaussian() * 3);
            double eta = Math.toRadians(random.nextGaussian() * 3);
            Equatorial place = plane.deproject(xi, eta);
            assertTrue(plane.project(place, xiEta));
            assertEquals(xi, xiEta[0], 1e-12, "ξ at " + centre);
            assertEquals(eta, xiEta[1], 1e-12, "η at " + centre);
        }
    }

    @Test
    void eastAndNorthArePositiveAndDistancesAreTangents() {
        Equatorial centre = Equatorial.ofHoursDegrees(23.99, 40);
        TangentPlane plane = new TangentPlane(centre);
        double[] xiEta = new double[2];
        plane.project(Equatorial.ofHoursDegrees(0.01, 40), xiEta);
        assertTrue(xiEta[0] > 0, "a larger RA, across 0h, is east");
        plane.project(Equatorial.ofHoursDegrees(23.99, 41), xiEta);
        assertEquals(0, xiEta[0], 1e-15);
        assertEquals(Math.tan(Math.toRadians(1)), xiEta[1], 1e-12, "1° north is tan 1° up the plane");
        assertFalse(plane.project(Equatorial.ofHoursDegrees(11.99, -40), xiEta), "the antipode is off the plane");
    }

    @Test
    void separationIsExactAtSmallAndLargeAngles() {
        Equatorial a = Equatorial.ofHoursDegrees(6, 89.9999);
        Equatorial b = Equatorial.ofHoursDegrees(18, 89.9999);
        assertEquals(0.0002, a.separationDegrees(b), 1e-12, "across the pole");
        assertEquals(180, Equatorial.ofHoursDegrees(0, 0).separationDegrees(Equatorial.ofHoursDegrees(12, 0)), 1e-12);
        assertEquals(1.0 / 3600, Equatorial.ofHoursDegrees(3, 10).separationDegrees(Equatorial.ofHoursDegrees(3, 10 + 1.0 / 3600)), 1e-15);
    }
}
