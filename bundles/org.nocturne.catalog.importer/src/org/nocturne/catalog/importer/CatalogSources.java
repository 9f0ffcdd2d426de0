package org.nocturne.catalog.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the source catalogs lie: the Debian packages {@code astrometry-data-tycho2-*} (Tycho-2 index files) and
 * {@code kstars-data} (OpenNGC), and the npm package {@code d3-celestial} (star names, constellations and their
 * boundaries). {@code releng/catalog-sources} unpacks all of them under one root, without root rights; index files
 * installed system-wide under {@code /usr/share/astrometry} are used when the root has none.
 *
 * @param root the directory {@code releng/catalog-sources} fills
 */
public record CatalogSources(Path root) {

    /** The environment variable that names the root; the default is {@code ~/.cache/nocturne/catalog-sources}. */
    public static final String ROOT_VARIABLE = "NOCTURNE_CATALOG_SOURCES";

    private static final List<String> TYCHO2_INDEX_NUMBERS = List.of("07", "08", "09", "10", "11", "12", "13", "14", "15",
            "16", "17", "18", "19");

    public static CatalogSources fromEnvironment() {
        String configured = System.getenv(ROOT_VARIABLE);
        return new CatalogSources(configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "nocturne", "catalog-sources"));
    }

    /** The Tycho-2 index files 4107–4119, densest first. */
    public List<Path> tycho2IndexFiles() {
        Path unpacked = root.resolve("usr/share/astrometry");
        Path directory = Files.isDirectory(unpacked) ? unpacked : Path.of("/usr/share/astrometry");
        return TYCHO2_INDEX_NUMBERS.stream().map(n -> directory.resolve("index-tycho2-" + n + ".littleendian.fits")).toList();
    }

    public Path openNgc() {
        return root.resolve("usr/share/kstars/OpenNGC.kscat");
    }

    public Path d3CelestialData() {
        return root.resolve("d3-celestial/package/data");
    }

    /** The files that are missing, empty when all are there. */
    public List<Path> missing() {
        return Stream.concat(tycho2IndexFiles().stream(),
                Stream.of(openNgc(), d3CelestialData().resolve("starnames.json"), d3CelestialData().resolve("stars.14.json"),
                        d3CelestialData().resolve("constellations.json"), d3CelestialData().resolve("constellations.bounds.json")))
                .filter(path -> !Files.isRegularFile(path)).toList();
    }
}
