package org.nocturne.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;

/** The committed catalogs are exactly what the importer makes of the sources, and miss no source star. */
class CatalogRegenerationTest {

    private static CatalogSources sources;

    @BeforeAll
    static void sources() {
        sources = Sources.required();
    }

    @Test
    void importerRegeneratesTheBundledFilesByteForByte(@TempDir Path directory) throws IOException {
        new CatalogImporter(sources).importAll(directory);
        for (String name : List.of("tycho2.stars.gz", "openngc.tsv", "named-stars.tsv", "constellations.tsv")) {
            try (InputStream bundled = StarCatalog.class.getResourceAsStream("/data/" + name)) {
                assertArrayEquals(bundled.readAllBytes(), Files.readAllBytes(directory.resolve(name)),
                        name + " differs from a fresh import: run releng/import-catalogs and commit the result");
            }
        }
    }

    /**
     * Every star of the densest index file (4107) within random cones is in the bundled catalog within 0.05″ and
     * 0.001 mag, and the cone holds no Tycho-2 star that no source file has.
     */
    @Test
    void coneSearchIsCompleteAgainstTheSourceIndexFiles() throws IOException {
        TychoIndexFile densest = TychoIndexFile.read(sources.tycho2IndexFiles().get(0));
        StarCatalog bundled = StarCatalog.bundled();
        Random random = new Random(7);
        int checked = 0;
        for (int cone = 0; cone < 60; cone++) {
            Equatorial centre = cone == 0 ? new Equatorial(0, Math.PI / 2)
                    : new Equatorial(random.nextDouble() * 2 * Math.PI, Math.asin(2 * random.nextDouble() - 1));
            double radius = 0.5 + 2.5 * random.nextDouble();
            double cosRadius = Math.cos(Math.toRadians(radius));
            for (int i = 0; i < densest.size(); i++) {
                double ra = Math.toRadians(densest.raDegrees()[i]);
                double dec = Math.toRadians(densest.decDegrees()[i]);
                double cos = Math.sin(centre.decRadians()) * Math.sin(dec) + Math.cos(centre.decRadians()) * Math.cos(dec) * Math.cos(ra - centre.raRadians());
                if (cos < cosRadius - 1e-9) {
                    continue;
                }
                double magnitude = densest.magnitudes()[i];
                int[] matches = { 0 };
                bundled.forEachInCone(new Equatorial(ra, dec), 0.05 / 3600, 99, (r, d, m) -> {
                    if (Math.abs(m - magnitude) <= 0.001) {
                        matches[0]++;
                    }
                });
                assertEquals(1, matches[0], "index star at " + densest.raDegrees()[i] + ", " + densest.decDegrees()[i] + " V_T " + magnitude);
                checked++;
            }
        }
        assertTrue(checked > 5000, "stars checked: " + checked);
    }

    @Test
    void everyPlaceOfTheSkyLiesInExactlyOneConstellation() throws IOException {
        ConstellationBoundaries boundaries = ConstellationBoundaries.read(sources.d3CelestialData().resolve("constellations.bounds.json"));
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            boundaries.constellationOf(new Equatorial(random.nextDouble() * 2 * Math.PI, Math.asin(2 * random.nextDouble() - 1)));
        }
        assertEquals("UMi", boundaries.constellationOf(new Equatorial(0, Math.PI / 2)));
        assertEquals("Oct", boundaries.constellationOf(new Equatorial(0, -Math.PI / 2)));
        assertEquals("Psc", boundaries.constellationOf(new Equatorial(0, 0)));
        // Published: Betelgeuse in Orion, Regulus in Leo, Fomalhaut in Piscis Austrinus, Acrux in Crux.
        assertEquals("Ori", boundaries.constellationOf(Equatorial.ofHoursDegrees(5.9195, 7.4071)));
        assertEquals("Leo", boundaries.constellationOf(Equatorial.ofHoursDegrees(10.1395, 11.9672)));
        assertEquals("PsA", boundaries.constellationOf(Equatorial.ofHoursDegrees(22.9608, -29.6222)));
        assertEquals("Cru", boundaries.constellationOf(Equatorial.ofHoursDegrees(12.4433, -63.0991)));
    }

    @Test
    void catalogDesignationsLoseTheirPaddingZeros() {
        assertEquals("NGC 224", OpenNgcImport.catalogDesignation("NGC0224"));
        assertEquals("IC 434", OpenNgcImport.catalogDesignation("IC0434"));
        assertEquals("NGC 5194A", OpenNgcImport.catalogDesignation("NGC5194A"));
        assertEquals("M 45", OpenNgcImport.catalogDesignation("M 45"));
    }
}
