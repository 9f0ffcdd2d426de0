package org.nocturne.core.sky;

/**
 * Where the telescope stands, on the WGS84 ellipsoid.
 *
 * @param name a label for the user, never empty
 * @param latitudeDegrees geodetic latitude, north positive, in [-90, 90]
 * @param longitudeDegrees longitude, <b>east positive</b>, in [-180, 180]
 * @param elevationMeters height above the ellipsoid in metres, in [-500, 9000]
 */
public record ObserverSite(String name, double latitudeDegrees, double longitudeDegrees, double elevationMeters) {

    /** Greenwich, the default until the user enters a site: a real place, so that every figure shown is true for it. */
    public static final ObserverSite GREENWICH = new ObserverSite("Royal Observatory Greenwich", 51.4769, -0.0005, 46.0);

    /** @throws IllegalArgumentException naming the field that is out of range */
    public ObserverSite {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Site name is empty");
        }
        check("Latitude", latitudeDegrees, -90, 90, "°");
        check("Longitude", longitudeDegrees, -180, 180, "°");
        check("Elevation", elevationMeters, -500, 9000, " m");
    }

    private static void check(String what, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(what + " " + value + unit + " is outside " + min + unit + " to " + max + unit);
        }
    }

    /** True in the southern hemisphere, where the south celestial pole is the one to align on. */
    public boolean isSouthern() {
        return latitudeDegrees < 0;
    }
}
