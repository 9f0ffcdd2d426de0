package org.nocturne.catalog.deepsky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.Equatorial;

class DeepSkyCatalogTest {

    private static final DeepSkyCatalog CATALOG = DeepSkyCatalog.bundled();

    @Test
    void holdsOpenNgcTheMessierListNamedStarsAndThe88Constellations() {
        assertEquals(13_960 + 600, CATALOG.objects().size());
        assertEquals(88, CATALOG.constellations().size());
        Set<String> designations = CATALOG.objects().stream().flatMap(o -> o.designations().stream()).collect(Collectors.toSet());
        List<String> missingMessier = IntStream.rangeClosed(1, 110).mapToObj(n -> "M " + n).filter(id -> !designations.contains(id)).toList();
        assertTrue(missingMessier.isEmpty(), "Messier objects missing: " + missingMessier);
        Set<String> constellations = CATALOG.constellations().stream().map(Constellation::abbreviation).collect(Collectors.toSet());
        for (DeepSkyObject object : CATALOG.objects()) {
            assertTrue(constellations.contains(object.constellation()), object.id() + " lies in unknown constellation " + object.constellation());
            assertFalse(object.designations().isEmpty() || !object.designations().get(0).equals(object.id()), object.id());
        }
    }

    /** SIMBAD's J2000 places and IAU constellations; OpenNGC's centres of extended objects differ by up to ~20″. */
    @ParameterizedTest
    @CsvSource({
        "M 31,     Andromeda Galaxy,   GALAXY,            And, 00 42 44.33, +41 16 07.5, 30",
        "M 42,     Orion Nebula,       NEBULA,            Ori, 05 35 17.3,  -05 23 28,   30",
        "M 13,     ,                   GLOBULAR_CLUSTER,  Her, 16 41 41.24, +36 27 35.5, 30",
        "M 45,     Pleiades,           OPEN_CLUSTER,      Tau, 03 47 24,    +24 07 00,   120",
        "M 57,     Ring Nebula,        PLANETARY_NEBULA,  Lyr, 18 53 35.08, +33 01 45.0, 30",
        "NGC 7000, North America Nebula, NEBULA,          Cyg, 20 59 17.1,  +44 31 44,   120",
        "NGC 104,  47 Tuc Cluster,         GLOBULAR_CLUSTER,  Tuc, 00 24 05.36, -72 04 53.2, 30",
        "Polaris,  ,                   STAR,              UMi, 02 31 49.09, +89 15 50.8, 1",
        "Betelgeuse, ,                 STAR,              Ori, 05 55 10.31, +07 24 25.4, 1",
    })
    void placesNamesTypesAndConstellationsAgreeWithPublishedValues(String id, String commonName, ObjectType type,
            String constellation, String ra, String dec, double toleranceArcsec) {
        DeepSkyObject object = CATALOG.objects().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
        if (commonName != null) {
            assertTrue(object.commonNames().contains(commonName), id + " names " + object.commonNames());
        }
        assertEquals(type, object.type(), id);
        assertEquals(constellation, object.constellation(), id);
        Equatorial simbad = Equatorial.ofHoursDegrees(sexagesimal(ra), sexagesimal(dec));
        double separationArcsec = Math.toDegrees(Math.acos(Math.min(1, Math.sin(simbad.decRadians()) * Math.sin(object.position().decRadians())
                + Math.cos(simbad.decRadians()) * Math.cos(object.position().decRadians())
                        * Math.cos(simbad.raRadians() - object.position().raRadians())))) * 3600;
        assertTrue(separationArcsec <= toleranceArcsec, id + " is " + separationArcsec + "″ from SIMBAD's place");
    }

    private static double sexagesimal(String text) {
        String[] parts = text.trim().split(" ");
        double sign = parts[0].startsWith("-") ? -1 : 1;
        return sign * (Math.abs(Double.parseDouble(parts[0])) + Double.parseDouble(parts[1]) / 60 + Double.parseDouble(parts[2]) / 3600);
    }

    @Test
    void tableRoundTripsAndBadLinesNameTheSourceAndLine() throws IOException {
        DeepSkyObject m31 = CATALOG.objects().stream().filter(o -> o.id().equals("M 31")).findFirst().orElseThrow();
        StringWriter text = new StringWriter();
        TargetTable.write(List.of(m31), List.of("test"), text);
        List<DeepSkyObject> back = TargetTable.read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), "t.tsv");
        assertEquals(m31, back.get(0));
        String broken = text.toString().replace("\tG\t", "\tGalaxyish\t");
        IOException error = assertThrows(IOException.class,
                () -> TargetTable.read(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), "broken.tsv"));
        assertTrue(error.getMessage().startsWith("broken.tsv line 3:"), error.getMessage());
    }
}
