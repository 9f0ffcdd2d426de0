package org.nocturne.catalog.deepsky;

import java.util.List;

import org.nocturne.core.sky.Equatorial;

/**
 * One target of the deep-sky catalog: a Messier, NGC or IC object, or a named bright star.
 *
 * @param id the designation shown first ("M 31", "NGC 7000", "IC 434", or a star's proper name)
 * @param designations every designation, {@code id} first ("M 31", "NGC 224", "UGC 454", "PGC 2557")
 * @param commonNames common names, possibly none ("Andromeda Galaxy")
 * @param type the kind of object
 * @param constellation IAU abbreviation of the constellation the object lies in ("And")
 * @param position ICRS place, epoch J2000
 * @param magnitude visual (or, failing that, blue) magnitude; NaN when the catalog has none
 * @param majorAxisArcmin apparent major axis in arc-minutes; NaN when unknown
 * @param minorAxisArcmin apparent minor axis in arc-minutes; NaN when unknown
 * @param positionAngleDegrees position angle of the major axis, north through east; NaN when unknown
 */
public record DeepSkyObject(String id, List<String> designations, List<String> commonNames, ObjectType type,
        String constellation, Equatorial position, double magnitude, double majorAxisArcmin, double minorAxisArcmin,
        double positionAngleDegrees) {

    public DeepSkyObject {
        designations = List.copyOf(designations);
        commonNames = List.copyOf(commonNames);
    }

    /** The id with the first common name, for lists: "M 31 (Andromeda Galaxy)". */
    public String displayName() {
        return commonNames.isEmpty() || commonNames.get(0).equals(id) ? id : id + " (" + commonNames.get(0) + ")";
    }

    public boolean hasMagnitude() {
        return !Double.isNaN(magnitude);
    }

    /** The larger apparent dimension in arc-minutes, NaN when unknown. */
    public double sizeArcmin() {
        return majorAxisArcmin;
    }
}
