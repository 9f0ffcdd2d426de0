package org.nocturne.catalog.search;

import java.util.Set;

import org.nocturne.catalog.deepsky.DeepSkyObject;
import org.nocturne.catalog.deepsky.ObjectType;

/**
 * Which targets a search keeps besides matching its text.
 *
 * @param types the kinds to keep; empty keeps all
 * @param constellation IAU abbreviation ("Cyg"), or null for anywhere
 * @param faintestMagnitude keep objects at least this bright; NaN for no limit (objects without a magnitude are then
 *            kept too)
 * @param minimumSizeArcmin keep objects whose major axis is at least this; NaN for no limit
 * @param maximumSizeArcmin keep objects whose major axis is at most this; NaN for no limit
 */
public record TargetFilter(Set<ObjectType> types, String constellation, double faintestMagnitude, double minimumSizeArcmin,
        double maximumSizeArcmin) {

    /** Keeps everything. */
    public static final TargetFilter ANY = new TargetFilter(Set.of(), null, Double.NaN, Double.NaN, Double.NaN);

    public TargetFilter {
        types = Set.copyOf(types);
    }

    public TargetFilter withTypes(Set<ObjectType> kinds) {
        return new TargetFilter(kinds, constellation, faintestMagnitude, minimumSizeArcmin, maximumSizeArcmin);
    }

    public TargetFilter withConstellation(String abbreviation) {
        return new TargetFilter(types, abbreviation, faintestMagnitude, minimumSizeArcmin, maximumSizeArcmin);
    }

    public TargetFilter withFaintestMagnitude(double magnitude) {
        return new TargetFilter(types, constellation, magnitude, minimumSizeArcmin, maximumSizeArcmin);
    }

    public TargetFilter withSizeArcmin(double minimum, double maximum) {
        return new TargetFilter(types, constellation, faintestMagnitude, minimum, maximum);
    }

    public boolean accepts(DeepSkyObject object) {
        if (!types.isEmpty() && !types.contains(object.type())) {
            return false;
        }
        if (constellation != null && !constellation.equalsIgnoreCase(object.constellation())) {
            return false;
        }
        if (!Double.isNaN(faintestMagnitude) && !(object.magnitude() <= faintestMagnitude)) {
            return false;
        }
        if (!Double.isNaN(minimumSizeArcmin) && !(object.majorAxisArcmin() >= minimumSizeArcmin)) {
            return false;
        }
        return Double.isNaN(maximumSizeArcmin) || object.majorAxisArcmin() <= maximumSizeArcmin;
    }
}
