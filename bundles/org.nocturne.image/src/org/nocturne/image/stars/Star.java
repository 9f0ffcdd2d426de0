package org.nocturne.image.stars;

/**
 * One detected star, measured on the frame's pixel grid (x to the right, y down the rows, (0, 0) the centre of the
 * first pixel). Sizes are in pixels of the frame (for a Bayer frame, of the raw frame, not of the colour cells), and
 * describe the star as it fell on the sensor: the blur that sampling by square pixels adds is taken off.
 *
 * @param x centroid x, sub-pixel (windowed, as SExtractor's XWIN)
 * @param y centroid y, sub-pixel
 * @param flux background-subtracted flux in the aperture, ADU
 * @param peak highest background-subtracted pixel value, ADU
 * @param background local background level, ADU
 * @param snr signal-to-noise ratio of the flux
 * @param hfr half-flux radius: the radius of the circle holding half the flux
 * @param fwhm full width at half maximum of the Gaussian with the same second moments
 * @param eccentricity 0 for a round star, towards 1 for an elongated one
 */
public record Star(double x, double y, double flux, double peak, double background, double snr, double hfr, double fwhm,
        double eccentricity) {
}
