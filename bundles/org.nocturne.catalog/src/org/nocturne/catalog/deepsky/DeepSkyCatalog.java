package org.nocturne.catalog.deepsky;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The targets Nocturne ships: OpenNGC's NGC, IC and Messier objects, named bright stars, and the 88 constellations.
 * Immutable and thread-safe.
 */
public final class DeepSkyCatalog {

    public static final String OPENNGC_RESOURCE = "/data/openngc.tsv";
    public static final String NAMED_STARS_RESOURCE = "/data/named-stars.tsv";
    public static final String CONSTELLATIONS_RESOURCE = "/data/constellations.tsv";

    private static volatile DeepSkyCatalog bundled;

    private final List<DeepSkyObject> objects;
    private final List<Constellation> constellations;
    private final Map<String, Constellation> byAbbreviation;

    public DeepSkyCatalog(List<DeepSkyObject> objects, List<Constellation> constellations) {
        this.objects = List.copyOf(objects);
        this.constellations = List.copyOf(constellations);
        this.byAbbreviation = constellations.stream().collect(Collectors.toUnmodifiableMap(Constellation::abbreviation, Function.identity()));
    }

    /** The bundled catalogs, read on first use (some 14,000 objects, well under a second) and shared after. */
    public static DeepSkyCatalog bundled() {
        DeepSkyCatalog catalog = bundled;
        if (catalog == null) {
            synchronized (DeepSkyCatalog.class) {
                catalog = bundled;
                if (catalog == null) {
                    List<DeepSkyObject> objects = new ArrayList<>(readTable(OPENNGC_RESOURCE));
                    objects.addAll(readTable(NAMED_STARS_RESOURCE));
                    catalog = new DeepSkyCatalog(objects, readConstellations());
                    bundled = catalog;
                }
            }
        }
        return catalog;
    }

    public List<DeepSkyObject> objects() {
        return objects;
    }

    public List<Constellation> constellations() {
        return constellations;
    }

    public Optional<Constellation> constellation(String abbreviation) {
        return Optional.ofNullable(byAbbreviation.get(abbreviation));
    }

    private static List<DeepSkyObject> readTable(String resource) {
        try (InputStream in = open(resource)) {
            return TargetTable.read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled catalog: " + e.getMessage(), e);
        }
    }

    private static List<Constellation> readConstellations() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(CONSTELLATIONS_RESOURCE), StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).map(line -> {
                String[] fields = line.split("\t");
                if (fields.length != 2) {
                    throw new IllegalStateException(CONSTELLATIONS_RESOURCE + ": bad line \"" + line + "\"");
                }
                return new Constellation(fields[0], fields[1]);
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CONSTELLATIONS_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = DeepSkyCatalog.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The bundled catalog file " + resource + " is missing from org.nocturne.catalog");
        }
        return in;
    }
}
