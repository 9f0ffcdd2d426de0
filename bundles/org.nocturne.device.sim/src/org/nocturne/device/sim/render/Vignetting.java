package org.nocturne.device.sim.render;

/**
 * The fall-off of light towards the edge of the field: the cos⁴ law, {@code 1 / (1 + r²/d²)²} at distance r from
 * the optical axis (the sensor's centre), with the distance d to the exit pupil chosen so that the corners of the
 * sensor get {@value #CORNER_ILLUMINATION} of the light at the centre. It dims sky, stars and flats alike, so a flat
 * corrects it. Immutable.
 */
final class Vignetting {

    /** The illumination at the sensor's corners relative to its centre. */
    static final double CORNER_ILLUMINATION = 0.95;

    private final double axisX;
    private final double axisY;
    private final double inverseD2;

    Vignetting(SensorModel sensor) {
        this.axisX = (sensor.width() - 1) / 2.0;
        this.axisY = (sensor.height() - 1) / 2.0;
        double corner2 = axisX * axisX + axisY * axisY;
        this.inverseD2 = corner2 == 0 ? 0 : (1 / Math.sqrt(CORNER_ILLUMINATION) - 1) / corner2;
    }

    /** The relative illumination at sensor coordinate (x, y), unbinned pixels: 1 at the centre. */
    double at(double x, double y) {
        double dx = x - axisX;
        double dy = y - axisY;
        double q = 1 + (dx * dx + dy * dy) * inverseD2;
        return 1 / (q * q);
    }
}
