package org.nocturne.catalog.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nocturne.catalog.deepsky.DeepSkyCatalog;
import org.nocturne.catalog.deepsky.DeepSkyObject;
import org.nocturne.catalog.deepsky.ObjectType;

class TargetSearchTest {

    private static final TargetSearch SEARCH = new TargetSearch(DeepSkyCatalog.bundled());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "M31|M 31", "m 31|M 31", "Messier 31|M 31", "M031|M 31", "ngc0224|M 31", "NGC224|M 31", "  ngc 224 |M 31",
        "andromeda|M 31", "Andromeda Galaxy|M 31", "ANDROMEDA GAL|M 31", "UGC 454|M 31",
        "orion nebula|M 42", "m42|M 42", "pleiades|M 45", "north america|NGC 7000", "ic434|IC 434", "flame|IC 434",
        "vega|Vega", "alpha lyr|Vega", "α Lyr|Vega", "alp Lyr|Vega", "HIP 91262|Vega", "polaris|Polaris", "m3|M 3",
        "mairans nebula|M 43", "Mairan's|M 43", "omega centauri|NGC 5139", "m102|NGC 5866",
    })
    void findsTheObjectFirstHoweverItIsTyped(String typed, String expectedId) {
        List<DeepSkyObject> found = SEARCH.find(typed, TargetFilter.ANY, 20);
        assertFalse(found.isEmpty(), "nothing found for \"" + typed + "\"");
        assertEquals(expectedId, found.get(0).id(), "first result for \"" + typed + "\" of " + found.stream().map(DeepSkyObject::id).toList());
    }

    @Test
    void prefixesFindFamiliesAndUnknownTextFindsNothing() {
        List<String> ngc700x = SEARCH.find("ngc 700", TargetFilter.ANY, 50).stream().map(DeepSkyObject::id).toList();
        assertTrue(ngc700x.contains("NGC 7000") && ngc700x.contains("NGC 700"), ngc700x.toString());
        assertEquals("NGC 700", ngc700x.get(0), "the exact designation comes before longer ones");
        assertTrue(SEARCH.find("xyzzy nebula", TargetFilter.ANY, 10).isEmpty());
        assertEquals(List.of(), SEARCH.byDesignation("M 999"));
        assertEquals("M 31", SEARCH.byDesignation("m031").get(0).id());
    }

    @Test
    void filtersByTypeConstellationMagnitudeAndSize() {
        TargetFilter bigBrightNebulaeInCygnus = TargetFilter.ANY.withTypes(Set.of(ObjectType.NEBULA)).withConstellation("Cyg")
                .withFaintestMagnitude(8).withSizeArcmin(30, Double.NaN);
        List<DeepSkyObject> found = SEARCH.find("", bigBrightNebulaeInCygnus, 100);
        assertTrue(found.stream().anyMatch(o -> o.id().equals("NGC 7000")), found.toString());
        for (DeepSkyObject object : found) {
            assertEquals(ObjectType.NEBULA, object.type());
            assertEquals("Cyg", object.constellation());
            assertTrue(object.magnitude() <= 8 && object.majorAxisArcmin() >= 30, object.toString());
        }
        List<DeepSkyObject> smallGalaxies = SEARCH.find("", TargetFilter.ANY.withTypes(Set.of(ObjectType.GALAXY)).withSizeArcmin(Double.NaN, 0.5), 5000);
        assertTrue(smallGalaxies.size() > 100, "small galaxies: " + smallGalaxies.size());
        assertTrue(smallGalaxies.stream().allMatch(o -> o.majorAxisArcmin() <= 0.5));
        List<DeepSkyObject> brightest = SEARCH.find("", TargetFilter.ANY.withTypes(Set.of(ObjectType.GALAXY)), 3);
        assertEquals("NGC 292", brightest.get(0).id(), "the Small Magellanic Cloud, brightest galaxy in OpenNGC, first: " + brightest);
    }

    @Test
    void foldingMakesSpellingsMeet() {
        assertEquals(SearchText.fold("M 31"), SearchText.fold("messier031"));
        assertEquals("alpha1cen", SearchText.fold("α1 Cen"));
        assertEquals("alphaumi", SearchText.fold("alp UMi"));
        assertEquals("thepleiades", SearchText.fold("The Pleiades"), "an English article is not a Bayer letter");
        assertEquals("ngc7000", SearchText.fold("NGC 7000"), "zeros inside a number stay");
        assertEquals("barnardsloop", SearchText.fold("Barnard's Loop"));
        assertEquals("eridanus", SearchText.fold("Éridanus"));
    }
}
