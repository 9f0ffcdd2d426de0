package org.nocturne.core.sky;

/**
 * The gnomonic (TAN) projection about a centre: the standard coordinates ξ (towards east) and η (towards north), in
 * radians on the plane tangent to the sphere at the centre. Great circles map to straight lines, which is why plate
 * solving and FITS world coordinates work in it. Immutable and thread-safe.
 */
public final class TangentPlane {

    private final Equatorial centre;
    private final double sinDec0;
    private final double cosDec0;

    public TangentPlane(Equatorial centre) {
        this.centre = centre;
        this.sinDec0 = Math.sin(centre.decRadians());
        this.cosDec0 = Math.cos(centre.decRadians());
    }

    public Equatorial centre() {
        return centre;
    }

    /**
     * Projects a place onto the plane, writing ξ and η (radians) into {@code xiEta}.
     *
     * @return false when the place is 90° or more from the centre, where the projection does not reach
     */
    public boolean project(double raRadians, double decRadians, double[] xiEta) {
        double cosDec = Math.cos(decRadians);
        double sinDec = Math.sin(decRadians);
        double deltaRa = raRadians - centre.raRadians();
        double cosDeltaRa = Math.cos(deltaRa);
        double cosDistance = sinDec0 * sinDec + cosDec0 * cosDec * cosDeltaRa;
        if (cosDistance <= 1e-9) {
            return false;
        }
        xiEta[0] = cosDec * Math.sin(deltaRa) / cosDistance;
        xiEta[1] = (cosDec0 * sinDec - sinDec0 * cosDec * cosDeltaRa) / cosDistance;
        return true;
    }

    /** As {@link #project(double, double, double[])} for an {@link Equatorial}. */
    public boolean project(Equatorial place, double[] xiEta) {
        return project(place.raRadians(), place.decRadians(), xiEta);
    }

    /** The place at standard coordinates ξ, η (radians): the inverse of {@link #project}. */
    public Equatorial deproject(double xi, double eta) {
        double denominator = cosDec0 - eta * sinDec0;
        double ra = centre.raRadians() + Math.atan2(xi, denominator);
        double dec = Math.atan2(sinDec0 + eta * cosDec0, Math.hypot(xi, denominator));
        return new Equatorial(ra, dec);
    }
}
