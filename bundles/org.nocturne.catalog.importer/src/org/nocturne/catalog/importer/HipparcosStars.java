package org.nocturne.catalog.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hipparcos stars as d3-celestial's {@code stars.14.json} gives them: Hipparcos number, ICRS place at the Hipparcos
 * epoch J1991.25 (the file has no proper motions, so a place can be off by up to 8.75 years of proper motion at
 * J2000: 20″ for Arcturus, 11″ for Sirius) and V magnitude.
 */
final class HipparcosStars {

    /** A Tycho-2 star this close and this alike in magnitude is the same star. */
    static final double MATCH_ARCSEC = 30;
    static final double MATCH_MAGNITUDES = 1.5;

    record Star(String hip, Equatorial place, double magnitude) {
    }

    private final Map<String, Star> byHip;

    private HipparcosStars(Map<String, Star> byHip) {
        this.byHip = byHip;
    }

    static HipparcosStars read(Path starsJson) throws IOException {
        Map<String, Star> stars = new LinkedHashMap<>();
        for (JsonNode feature : new ObjectMapper().readTree(starsJson.toFile()).path("features")) {
            JsonNode coordinates = feature.path("geometry").path("coordinates");
            String hip = feature.path("id").asText();
            stars.put(hip, new Star(hip, Equatorial.ofHoursDegrees((coordinates.get(0).asDouble() + 360) % 360 / 15,
                    coordinates.get(1).asDouble()), feature.path("properties").path("mag").asDouble()));
        }
        return new HipparcosStars(stars);
    }

    List<Star> all() {
        return new ArrayList<>(byHip.values());
    }

    Optional<Star> byHip(String hip) {
        return Optional.ofNullable(byHip.get(hip));
    }

    /** The Tycho-2 J2000 place of the same star, nearest within the match limits, if Tycho-2 has it. */
    static Optional<Equatorial> tychoPlace(StarCatalog tycho, Star star) {
        double[] best = { Double.MAX_VALUE, 0, 0 };
        double cosDec = Math.cos(star.place().decRadians());
        tycho.forEachInCone(star.place(), MATCH_ARCSEC / 3600, 99, (raRadians, decRadians, magnitude) -> {
            if (Math.abs(magnitude - star.magnitude()) <= MATCH_MAGNITUDES) {
                double dRa = Math.IEEEremainder(raRadians - star.place().raRadians(), 2 * Math.PI) * cosDec;
                double dDec = decRadians - star.place().decRadians();
                double distance = dRa * dRa + dDec * dDec;
                if (distance < best[0]) {
                    best[0] = distance;
                    best[1] = raRadians;
                    best[2] = decRadians;
                }
            }
        });
        return best[0] == Double.MAX_VALUE ? Optional.empty() : Optional.of(new Equatorial(best[1], best[2]));
    }
}
