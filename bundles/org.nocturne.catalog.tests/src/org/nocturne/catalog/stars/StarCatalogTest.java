package org.nocturne.catalog.stars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.Equatorial;

class StarCatalogTest {

    @Test
    void bundledCatalogHoldsTycho2WithItsBrightestStars() {
        StarCatalog catalog = StarCatalog.bundled();
        assertEquals(1_876_593, catalog.size(), "stars in the bundled catalog (regenerate with releng/import-catalogs)");
        assertTrue(catalog.provenance().contains("Tycho-2") && catalog.provenance().contains("BSD-2-Clause"), catalog.provenance());
        // SIMBAD J2000 places; Betelgeuse is a Tycho-2 star, Sirius and Vega come from the Hipparcos supplement at epoch
        // J1991.25, so they may be off by 8.75 years of proper motion (Sirius 1.34″/yr, Vega 0.35″/yr).
        assertStarNear(catalog, "Betelgeuse", Equatorial.ofHoursDegrees(5 + 55 / 60.0 + 10.305 / 3600, 7 + 24 / 60.0 + 25.43 / 3600), 0.5, 1.0);
        assertStarNear(catalog, "Sirius", Equatorial.ofHoursDegrees(6 + 45 / 60.0 + 8.917 / 3600, -(16 + 42 / 60.0 + 58.02 / 3600)), -1.44, 12);
        assertStarNear(catalog, "Vega", Equatorial.ofHoursDegrees(18 + 36 / 60.0 + 56.336 / 3600, 38 + 47 / 60.0 + 1.28 / 3600), 0.03, 3.5);
    }

    private static void assertStarNear(StarCatalog catalog, String name, Equatorial simbad, double magnitude, double toleranceArcsec) {
        List<CatalogStar> stars = catalog.cone(simbad, toleranceArcsec / 3600, magnitude + 0.5);
        assertEquals(1, stars.size(), name + ": stars within " + toleranceArcsec + "″ of SIMBAD's place");
        assertEquals(magnitude, stars.get(0).magnitude(), 0.5, name + " magnitude");
    }

    @Test
    void coneSearchFindsExactlyWhatAScanOfTheWholeCatalogFinds() {
        StarCatalog catalog = StarCatalog.bundled();
        List<double[]> all = new ArrayList<>(catalog.size());
        catalog.forEachInCone(new Equatorial(0, 0), 180, 99, (ra, dec, mag) -> all.add(new double[] { ra, dec, mag }));
        assertEquals(catalog.size(), all.size(), "a 180° cone holds every star");
        Random random = new Random(42);
        List<Equatorial> centres = new ArrayList<>(List.of(new Equatorial(0, Math.PI / 2), new Equatorial(1, -Math.PI / 2),
                Equatorial.ofHoursDegrees(0.01, 10), Equatorial.ofHoursDegrees(23.99, -30), Equatorial.ofHoursDegrees(6, 88.9)));
        while (centres.size() < 40) {
            centres.add(new Equatorial(random.nextDouble() * 2 * Math.PI, Math.asin(2 * random.nextDouble() - 1)));
        }
        for (Equatorial centre : centres) {
            double radius = 0.3 + 4.7 * random.nextDouble();
            double faintest = 6 + 7 * random.nextDouble();
            double cosRadius = Math.cos(Math.toRadians(radius));
            long expected = all.stream().filter(s -> s[2] <= faintest && cosDistance(centre, s[0], s[1]) >= cosRadius).count();
            long[] found = { 0 };
            catalog.forEachInCone(centre, radius, faintest, (ra, dec, mag) -> {
                assertTrue(cosDistance(centre, ra, dec) >= cosRadius && mag <= faintest, "star outside the query");
                found[0]++;
            });
            assertEquals(expected, found[0], "stars within " + radius + "° of " + centre + " to mag " + faintest);
        }
    }

    private static double cosDistance(Equatorial centre, double ra, double dec) {
        return Math.sin(centre.decRadians()) * Math.sin(dec) + Math.cos(centre.decRadians()) * Math.cos(dec) * Math.cos(ra - centre.raRadians());
    }

    @Test
    void formatKeepsPlacesToAFractionOfAnArcSecondAndIsIndependentOfInputOrder() throws IOException {
        double[] ra = { 0.0, 359.9999999, 123.456789, 200.5, 10.0 };
        double[] dec = { -90.0, 89.9999, -0.0000001, 45.123456, 0.25 };
        double[] mag = { 1.234, -1.44, 12.999, 5.0, 7.5 };
        byte[] first = write(ra, dec, mag);
        int[] reversed = { 4, 3, 2, 1, 0 };
        byte[] second = write(permute(ra, reversed), permute(dec, reversed), permute(mag, reversed));
        assertTrue(Arrays.equals(first, second), "the same stars in another order give the same bytes");
        StarCatalog catalog = StarCatalog.read(new ByteArrayInputStream(first), "test");
        for (int i = 0; i < ra.length; i++) {
            Equatorial place = Equatorial.ofHoursDegrees(ra[i] / 15, dec[i]);
            List<CatalogStar> near = catalog.cone(place, 0.02 / 3600, 99);
            assertEquals(1, near.size(), "star " + i + " within 0.02″");
            assertEquals(mag[i], near.get(0).magnitude(), 0.0005);
        }
    }

    @Test
    void truncatedOrForeignFilesGiveAnErrorThatNamesThem() throws IOException {
        byte[] good = write(new double[] { 1, 2 }, new double[] { 3, 4 }, new double[] { 5, 6 });
        IOException truncated = assertThrows(IOException.class,
                () -> StarCatalog.read(new ByteArrayInputStream(Arrays.copyOf(good, good.length - 12)), "cut.stars.gz"));
        assertTrue(truncated.getMessage().contains("cut.stars.gz"), truncated.getMessage());
        ByteArrayOutputStream foreign = new ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(foreign)) {
            gzip.write("SIMPLE  =                    T".getBytes());
        }
        IOException wrong = assertThrows(IOException.class, () -> StarCatalog.read(new ByteArrayInputStream(foreign.toByteArray()), "image.fits"));
        assertTrue(wrong.getMessage().contains("image.fits") && wrong.getMessage().contains("not a Nocturne star file"), wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StarCatalog.bundled().forEachInCone(new Equatorial(0, 0), -1, 10, (a, b, c) -> { }));
    }

    private static byte[] write(double[] ra, double[] dec, double[] mag) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZonedStarFormat.write(ra, dec, mag, "test stars", out);
        return out.toByteArray();
    }

    private static double[] permute(double[] values, int[] order) {
        double[] permuted = new double[values.length];
        for (int i = 0; i < order.length; i++) {
            permuted[i] = values[order[i]];
        }
        return permuted;
    }
}
