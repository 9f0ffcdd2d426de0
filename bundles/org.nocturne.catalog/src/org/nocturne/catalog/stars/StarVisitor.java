package org.nocturne.catalog.stars;

/** Receives the stars of a catalog query one by one, without an object per star. Called on the querying thread. */
@FunctionalInterface
public interface StarVisitor {

    /**
     * @param raRadians ICRS right ascension at epoch J2000, in radians [0, 2π)
     * @param decRadians ICRS declination at epoch J2000, in radians
     * @param magnitude the catalog's magnitude (Tycho V<sub>T</sub> for the bundled catalog)
     */
    void star(double raRadians, double decRadians, double magnitude);
}
