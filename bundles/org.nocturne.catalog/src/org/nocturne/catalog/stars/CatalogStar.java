package org.nocturne.catalog.stars;

import org.nocturne.core.sky.Equatorial;

/**
 * One star of a catalog.
 *
 * @param position ICRS place at epoch J2000 (no proper motion applied)
 * @param magnitude the catalog's magnitude (Tycho V<sub>T</sub> for the bundled catalog)
 */
public record CatalogStar(Equatorial position, double magnitude) {
}
