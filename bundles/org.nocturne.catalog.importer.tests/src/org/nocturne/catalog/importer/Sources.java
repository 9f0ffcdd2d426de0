package org.nocturne.catalog.importer;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * The catalog sources for tests that compare against them. Where they are missing the tests are skipped with the
 * command that fetches them, unless {@code NOCTURNE_REQUIRE_CATALOG_SOURCES=1} (set by CI), which makes them fail.
 */
final class Sources {

    private Sources() {
    }

    static CatalogSources required() {
        CatalogSources sources = CatalogSources.fromEnvironment();
        List<?> missing = sources.missing();
        if (!missing.isEmpty()) {
            String message = "Catalog sources missing under " + sources.root() + " (run releng/catalog-sources): " + missing;
            if ("1".equals(System.getenv("NOCTURNE_REQUIRE_CATALOG_SOURCES"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return sources;
    }
}
