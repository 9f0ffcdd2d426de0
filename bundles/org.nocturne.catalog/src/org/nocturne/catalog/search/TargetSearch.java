package org.nocturne.catalog.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nocturne.catalog.deepsky.DeepSkyCatalog;
import org.nocturne.catalog.deepsky.DeepSkyObject;
import org.nocturne.catalog.deepsky.ObjectType;

/**
 * Finds targets by any designation or name, forgiving of spacing, case, accents and leading zeros ("m 31",
 * "ngc0224", "andromeda", "alpha lyr"), and by a {@link TargetFilter}. Best matches come first: an exact
 * designation, then an exact name, then names that start with the text, designations that start with it, and names
 * that contain it; within each, brighter objects first.
 *
 * <p>Immutable and thread-safe. Building the index takes some hundreds of milliseconds and a search of the whole
 * catalog some milliseconds (see docs/benchmarks/catalog.md): fine as the user types, but call both off the UI thread.
 */
public final class TargetSearch {

    private static final Comparator<DeepSkyObject> BRIGHTEST_FIRST = Comparator
            .comparingDouble((DeepSkyObject object) -> object.hasMagnitude() ? object.magnitude() : Double.MAX_VALUE)
            .thenComparing(DeepSkyObject::id);

    private final List<Entry> entries;
    private final Map<String, List<DeepSkyObject>> byDesignation = new HashMap<>();

    public TargetSearch(DeepSkyCatalog catalog) {
        List<Entry> built = new ArrayList<>();
        for (DeepSkyObject object : catalog.objects()) {
            List<String> designations = object.designations().stream().map(SearchText::fold).distinct().toList();
            List<String> names = object.commonNames().stream().map(SearchText::fold).toList();
            if (object.type() == ObjectType.STAR) {
                names = List.of(SearchText.fold(object.id()));
            }
            built.add(new Entry(object, designations, names));
            for (String designation : designations) {
                byDesignation.computeIfAbsent(designation, key -> new ArrayList<>()).add(object);
            }
        }
        this.entries = List.copyOf(built);
    }

    /**
     * The targets matching {@code text} (blank matches all) and {@code filter}, best first, at most {@code limit}.
     */
    public List<DeepSkyObject> find(String text, TargetFilter filter, int limit) {
        String query = SearchText.fold(text == null ? "" : text);
        List<Ranked> ranked = new ArrayList<>();
        for (Entry entry : entries) {
            if (!filter.accepts(entry.object)) {
                continue;
            }
            int rank = query.isEmpty() ? 0 : entry.rank(query);
            if (rank >= 0) {
                ranked.add(new Ranked(entry.object, rank));
            }
        }
        ranked.sort(Comparator.comparingInt(Ranked::rank).thenComparing(Ranked::object, BRIGHTEST_FIRST));
        return ranked.stream().limit(limit).map(Ranked::object).toList();
    }

    /** The objects with exactly this designation once folded ("M31" finds M 31); usually one. */
    public List<DeepSkyObject> byDesignation(String designation) {
        return byDesignation.getOrDefault(SearchText.fold(designation), List.of());
    }

    private record Ranked(DeepSkyObject object, int rank) {
    }

    private record Entry(DeepSkyObject object, List<String> designations, List<String> names) {

        /** 0 exact designation, 1 exact name, 2 name prefix, 3 designation prefix, 4 name contains, −1 none. */
        int rank(String query) {
            if (designations.contains(query)) {
                return 0;
            }
            int best = -1;
            for (String name : names) {
                if (name.equals(query)) {
                    return 1;
                }
                if (name.startsWith(query)) {
                    best = 2;
                } else if (best < 0 && name.contains(query)) {
                    best = 4;
                }
            }
            if (best == 2) {
                return 2;
            }
            for (String designation : designations) {
                if (designation.startsWith(query) && startsAtBoundary(designation, query)) {
                    return 3;
                }
            }
            return best;
        }

        /** "ngc70" may grow into "ngc7000" but "m3" should not match "m3" + letters of another catalog. */
        private static boolean startsAtBoundary(String designation, String query) {
            return designation.length() == query.length() || Character.isDigit(designation.charAt(query.length()))
                    == Character.isDigit(query.charAt(query.length() - 1));
        }
    }
}
