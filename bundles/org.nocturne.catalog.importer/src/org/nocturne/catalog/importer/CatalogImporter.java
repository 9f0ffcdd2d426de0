package org.nocturne.catalog.importer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.nocturne.catalog.deepsky.Constellation;
import org.nocturne.catalog.deepsky.DeepSkyObject;
import org.nocturne.catalog.deepsky.TargetTable;
import org.nocturne.catalog.stars.StarCatalog;

/**
 * Regenerates every bundled catalog file from the sources: {@code tycho2.stars.gz}, {@code openngc.tsv},
 * {@code named-stars.tsv} and {@code constellations.tsv}. The output depends only on the sources, so a second run
 * gives the same bytes. Each file is written beside its target and renamed over it.
 *
 * <p>Usage: {@code CatalogImporter <output directory>}, with the sources where {@link CatalogSources#fromEnvironment()}
 * finds them ({@code releng/import-catalogs} does both).
 */
public final class CatalogImporter {

    private final CatalogSources sources;

    public CatalogImporter(CatalogSources sources) {
        this.sources = sources;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CatalogImporter <output directory>");
            System.exit(2);
        }
        CatalogSources sources = CatalogSources.fromEnvironment();
        if (!sources.missing().isEmpty()) {
            System.err.println("Catalog sources missing (run releng/catalog-sources): " + sources.missing());
            System.exit(1);
        }
        new CatalogImporter(sources).importAll(Path.of(args[0]));
    }

    /** Writes the four catalog files into {@code directory}. */
    public void importAll(Path directory) throws IOException {
        Files.createDirectories(directory);
        long started = System.nanoTime();
        int stars;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary(directory, "tycho2.stars.gz")))) {
            stars = TychoImport.run(sources.tycho2IndexFiles(), sources.d3CelestialData().resolve("stars.14.json"), out);
        }
        commit(directory, "tycho2.stars.gz");
        ConstellationBoundaries boundaries = ConstellationBoundaries.read(sources.d3CelestialData().resolve("constellations.bounds.json"));
        List<DeepSkyObject> deepSky = OpenNgcImport.read(sources.openNgc(), boundaries);
        writeTable(directory, "openngc.tsv", deepSky, OpenNgcImport.PROVENANCE);
        StarCatalog tycho;
        try (InputStream in = Files.newInputStream(directory.resolve("tycho2.stars.gz"))) {
            tycho = StarCatalog.read(in, "tycho2.stars.gz");
        }
        List<DeepSkyObject> namedStars = NamedStarImport.read(sources.d3CelestialData(), tycho, boundaries);
        writeTable(directory, "named-stars.tsv", namedStars, NamedStarImport.PROVENANCE);
        List<Constellation> constellations = NamedStarImport.constellations(sources.d3CelestialData());
        try (Writer out = Files.newBufferedWriter(temporary(directory, "constellations.tsv"), StandardCharsets.UTF_8)) {
            out.write("# The 88 IAU constellations: abbreviation and name, from d3-celestial 0.7.35 (BSD-3-Clause).\n");
            for (Constellation constellation : constellations) {
                out.write(constellation.abbreviation() + "\t" + constellation.name() + "\n");
            }
        }
        commit(directory, "constellations.tsv");
        System.out.printf("%d stars, %d deep-sky objects, %d named stars, %d constellations in %.1f s%n", stars, deepSky.size(),
                namedStars.size(), constellations.size(), (System.nanoTime() - started) / 1e9);
    }

    private static void writeTable(Path directory, String name, List<DeepSkyObject> objects, List<String> provenance) throws IOException {
        try (Writer out = Files.newBufferedWriter(temporary(directory, name), StandardCharsets.UTF_8)) {
            TargetTable.write(objects, provenance, out);
        }
        commit(directory, name);
    }

    private static Path temporary(Path directory, String name) {
        return directory.resolve(name + ".tmp");
    }

    private static void commit(Path directory, String name) throws IOException {
        Files.move(temporary(directory, name), directory.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
