package org.nocturne.catalog.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.nocturne.catalog.deepsky.Constellation;
import org.nocturne.catalog.deepsky.DeepSkyObject;
import org.nocturne.catalog.deepsky.ObjectType;
import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Named bright stars and the constellation list from d3-celestial 0.7.35 (BSD-3-Clause): {@code starnames.json}
 * gives the proper names and designations by Hipparcos number, {@code stars.14.json} the Hipparcos (XHIP) place and V
 * magnitude, {@code constellations.json} the 88 constellations.
 */
public final class NamedStarImport {

    static final List<String> PROVENANCE = List.of(
            "Named stars: proper names and designations from d3-celestial 0.7.35 (starnames.json), V magnitudes from its",
            "stars.14.json (Hipparcos); places ICRS J2000 from the bundled Tycho-2 where it has the star, else Hipparcos J1991.25.",
            "d3-celestial: Copyright (c) 2015, Olaf Frohn, BSD-3-Clause.",
            "Imported by org.nocturne.catalog.importer; do not edit by hand.");

    private NamedStarImport() {
    }

    /**
     * Every star with a proper name, brightest first, at its Tycho-2 J2000 place where Tycho-2 has it and at its
     * Hipparcos J1991.25 place otherwise. The constellation comes from the boundaries, not from d3, which leaves
     * some empty; d3's abbreviation still names the Bayer and Flamsteed designations.
     */
    public static List<DeepSkyObject> read(Path d3Data, StarCatalog tycho, ConstellationBoundaries boundaries) throws IOException {
        ObjectMapper json = new ObjectMapper();
        HipparcosStars hipparcos = HipparcosStars.read(d3Data.resolve("stars.14.json"));
        List<DeepSkyObject> stars = new ArrayList<>();
        JsonNode names = json.readTree(d3Data.resolve("starnames.json").toFile());
        for (Map.Entry<String, JsonNode> entry : names.properties()) {
            JsonNode star = entry.getValue();
            String name = clean(star.path("name").asText());
            HipparcosStars.Star place = hipparcos.byHip(entry.getKey()).orElse(null);
            if (name.isEmpty() || place == null) {
                continue;
            }
            String constellation = star.path("c").asText();
            Set<String> designations = new LinkedHashSet<>();
            designations.add(name);
            addDesignation(designations, clean(star.path("bayer").asText()), constellation);
            addDesignation(designations, clean(star.path("flam").asText()), constellation);
            addDesignation(designations, clean(star.path("var").asText()), constellation);
            designations.add("HIP " + entry.getKey());
            String hd = clean(star.path("hd").asText());
            if (!hd.isEmpty()) {
                designations.add(hd);
            }
            Equatorial position = HipparcosStars.tychoPlace(tycho, place).orElse(place.place());
            stars.add(new DeepSkyObject(name, new ArrayList<>(designations), List.of(), ObjectType.STAR, boundaries.constellationOf(position),
                    position, place.magnitude(), Double.NaN, Double.NaN, Double.NaN));
        }
        stars.sort(Comparator.comparingDouble(DeepSkyObject::magnitude).thenComparing(DeepSkyObject::id));
        return stars;
    }

    /** The 88 constellations, by abbreviation. */
    public static List<Constellation> constellations(Path d3Data) throws IOException {
        Map<String, String> nameByAbbreviation = new TreeMap<>();
        for (JsonNode feature : new ObjectMapper().readTree(d3Data.resolve("constellations.json").toFile()).path("features")) {
            String name = feature.path("properties").path("name").asText();
            // d3 lists Serpens twice, as Serpens Caput and Serpens Cauda; the IAU counts one constellation.
            nameByAbbreviation.merge(feature.path("id").asText(), name, (first, second) -> first.split(" ")[0]);
        }
        return nameByAbbreviation.entrySet().stream().map(entry -> new Constellation(entry.getKey(), entry.getValue())).toList();
    }

    private static void addDesignation(Set<String> designations, String prefix, String constellation) {
        if (!prefix.isEmpty()) {
            designations.add(prefix + " " + constellation);
        }
    }

    /** d3 separates catalog and number by a thin space; the catalog files use plain spaces. */
    private static String clean(String text) {
        return text.replace('\u2009', ' ').replace('\u00a0', ' ').strip();
    }
}
