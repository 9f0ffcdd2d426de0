package org.nocturne.image;

import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.TangentPlane;

/**
 * A gnomonic (TAN) world coordinate system, as a plate solve gives it and FITS stores it: the sky position
 * {@code (crval1, crval2)} in degrees (ICRS) sits at pixel {@code (crpix1, crpix2)} (FITS convention: 1-based, centre
 * of the first pixel is 1.0), and the CD matrix turns pixel offsets into degrees on the tangent plane, where the first
 * axis points east (ξ) and the second north (η). An optional {@link SipDistortion} bends the pixel offsets first.
 * Immutable.
 *
 * @param sip the distortion, or null for a pure TAN projection
 */
public record Wcs(double crval1, double crval2, double crpix1, double crpix2, double cd11, double cd12, double cd21,
        double cd22, SipDistortion sip) {

    /** A pure TAN projection, without distortion. */
    public Wcs(double crval1, double crval2, double crpix1, double crpix2, double cd11, double cd12, double cd21,
            double cd22) {
        this(crval1, crval2, crpix1, crpix2, cd11, cd12, cd21, cd22, null);
    }

    /** Pixel scale in arc-seconds per pixel (geometric mean of the two axes). */
    public double scaleArcsecPerPixel() {
        return Math.sqrt(Math.abs(determinant())) * 3600.0;
    }

    /**
     * The position angle of the frame's +y axis (FITS "up") at the reference pixel, east of north, in degrees in
     * [0, 360). North turns across a field (by Δα·sin δ), so for a frame's rotation use
     * {@link #positionAngleDegreesAt} its centre.
     */
    public double positionAngleDegrees() {
        double degrees = Math.toDegrees(Math.atan2(cd12, cd22));
        return degrees < 0 ? degrees + 360 : degrees;
    }

    /**
     * The position angle of the frame's +y axis at FITS pixel {@code (fitsX, fitsY)}, east of north, degrees in
     * [0, 360): the angle a rotator turns and N.I.N.A. and Ekos report for the frame when taken at its centre.
     * Distortion included.
     */
    public double positionAngleDegreesAt(double fitsX, double fitsY) {
        Equatorial here = toSky(fitsX, fitsY);
        double[] xiEta = new double[2];
        new TangentPlane(here).project(toSky(fitsX, fitsY + 1), xiEta);
        double degrees = Math.toDegrees(Math.atan2(xiEta[0], xiEta[1]));
        return degrees < 0 ? degrees + 360 : degrees;
    }

    /**
     * Whether the frame is mirrored against the sky as seen directly: with north up, east is then on the right. An
     * odd number of mirrors in the light path (a diagonal, an OAG prism) flips it; a refractor or reflector with the
     * camera straight behind does not.
     */
    public boolean isFlipped() {
        return determinant() > 0;
    }

    /** The reference point's sky position, ICRS. */
    public Equatorial reference() {
        return new Equatorial(Math.toRadians(crval1), Math.toRadians(crval2));
    }

    /** The sky position of a FITS pixel (1-based), ICRS. */
    public Equatorial toSky(double fitsX, double fitsY) {
        double[] uv = { fitsX - crpix1, fitsY - crpix2 };
        if (sip != null) {
            sip.apply(uv[0], uv[1], uv);
        }
        double xi = Math.toRadians(cd11 * uv[0] + cd12 * uv[1]);
        double eta = Math.toRadians(cd21 * uv[0] + cd22 * uv[1]);
        return new TangentPlane(reference()).deproject(xi, eta);
    }

    /**
     * The FITS pixel (1-based) at which a sky position falls, as {x, y}, or null when it is 90° or more from the
     * reference point. With a distortion, the inverse is found by iteration to well under 0.001 px.
     */
    public double[] toPixel(Equatorial place) {
        double[] xiEta = new double[2];
        if (!new TangentPlane(reference()).project(place, xiEta)) {
            return null;
        }
        double x = Math.toDegrees(xiEta[0]);
        double y = Math.toDegrees(xiEta[1]);
        double det = determinant();
        double u = (cd22 * x - cd12 * y) / det;
        double v = (-cd21 * x + cd11 * y) / det;
        if (sip != null) {
            double[] distorted = new double[2];
            double pu = u;
            double pv = v;
            for (int i = 0; i < 50; i++) {
                sip.apply(pu, pv, distorted);
                double du = u - distorted[0];
                double dv = v - distorted[1];
                pu += du;
                pv += dv;
                if (Math.abs(du) + Math.abs(dv) < 1e-6) {
                    break;
                }
            }
            u = pu;
            v = pv;
        }
        return new double[] { crpix1 + u, crpix2 + v };
    }

    /** The same solution without its distortion. */
    public Wcs withoutDistortion() {
        return new Wcs(crval1, crval2, crpix1, crpix2, cd11, cd12, cd21, cd22, null);
    }

    private double determinant() {
        return cd11 * cd22 - cd12 * cd21;
    }
}
