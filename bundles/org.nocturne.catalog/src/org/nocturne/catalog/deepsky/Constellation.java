package org.nocturne.catalog.deepsky;

/**
 * One of the 88 IAU constellations.
 *
 * @param abbreviation the IAU three-letter abbreviation, "And"
 * @param name the Latin name, "Andromeda"
 */
public record Constellation(String abbreviation, String name) {
}
