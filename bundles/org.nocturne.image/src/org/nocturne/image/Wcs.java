package org.nocturne.image;

/**
 * A gnomonic (TAN) world coordinate system, as a plate solve gives it and FITS stores it: the sky position
 * {@code (crval1, crval2)} in degrees (ICRS) sits at pixel {@code (crpix1, crpix2)} (FITS convention: 1-based, centre
 * of the first pixel is 1.0), and the CD matrix turns pixel offsets into degrees on the tangent plane.
 */
public record Wcs(double crval1, double crval2, double crpix1, double crpix2, double cd11, double cd12, double cd21,
        double cd22) {

    /** Pixel scale in arc-seconds per pixel (geometric mean of the two axes). */
    public double scaleArcsecPerPixel() {
        return Math.sqrt(Math.abs(cd11 * cd22 - cd12 * cd21)) * 3600.0;
    }
}
