package org.nocturne.device.sim.render;

import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.TangentPlane;
import org.nocturne.image.Wcs;

/**
 * Where the sky falls on the sensor: the gnomonic (TAN) projection about the optical axis, turned by the position
 * angle and scaled to pixels. Sensor coordinates are unbinned, 0-based, pixel centres at integers, y down the rows,
 * with the optical axis at the sensor's centre. The standard coordinates ξ (towards east) and η (towards north) of a
 * star map to the sensor as
 *
 * <pre>
 *   x = x₀ + (−ξ·cos PA + η·sin PA) / scale
 *   y = y₀ + ( ξ·sin PA + η·cos PA) / scale
 * </pre>
 *
 * so +y points to position angle PA and +x to PA − 90° (the sky's own handedness). Immutable.
 */
final class SensorProjection {

    private final Equatorial centre;
    private final TangentPlane plane;
    private final double cosPa;
    private final double sinPa;
    private final double radiansPerPixel;
    private final double axisX;
    private final double axisY;

    /**
     * @param centre the optical axis, ICRS
     * @param positionAngleDegrees position angle of the sensor's +y axis, north through east
     * @param arcsecPerPixel unbinned pixel scale
     * @param sensor the sensor, whose centre the optical axis crosses
     */
    SensorProjection(Equatorial centre, double positionAngleDegrees, double arcsecPerPixel, SensorModel sensor) {
        this.centre = centre;
        this.plane = new TangentPlane(centre);
        double pa = Math.toRadians(positionAngleDegrees);
        this.cosPa = Math.cos(pa);
        this.sinPa = Math.sin(pa);
        this.radiansPerPixel = Math.toRadians(arcsecPerPixel / 3600.0);
        this.axisX = (sensor.width() - 1) / 2.0;
        this.axisY = (sensor.height() - 1) / 2.0;
    }

    /**
     * Projects an ICRS place onto the sensor, writing sensor x and y into {@code xy}.
     *
     * @return false when the place is 90° or more from the optical axis (behind the tangent plane)
     */
    boolean toSensor(double raRadians, double decRadians, double[] xy) {
        if (!plane.project(raRadians, decRadians, xy)) {
            return false;
        }
        double xi = xy[0];
        double eta = xy[1];
        xy[0] = axisX + (-xi * cosPa + eta * sinPa) / radiansPerPixel;
        xy[1] = axisY + (xi * sinPa + eta * cosPa) / radiansPerPixel;
        return true;
    }

    /**
     * How far, in unbinned sensor pixels, the stars move when the optical axis moves {@code eastArcsec} (Δα·cos δ) and
     * {@code northArcsec} on the sky: the opposite of the axis's motion, as the tangent plane sees it.
     *
     * @return {dx, dy}
     */
    double[] starShift(double eastArcsec, double northArcsec) {
        double xi = -Math.toRadians(eastArcsec / 3600.0);
        double eta = -Math.toRadians(northArcsec / 3600.0);
        return new double[] { (-xi * cosPa + eta * sinPa) / radiansPerPixel, (xi * sinPa + eta * cosPa) / radiansPerPixel };
    }

    /** The largest distance, in unbinned pixels, from the optical axis to a corner of the window read out. */
    double farthestCorner(ReadoutWindow window) {
        double left = window.x() - 0.5 - axisX;
        double right = window.x() + window.sensorColumns() - 0.5 - axisX;
        double top = window.y() - 0.5 - axisY;
        double bottom = window.y() + window.sensorRows() - 0.5 - axisY;
        return Math.hypot(Math.max(Math.abs(left), Math.abs(right)), Math.max(Math.abs(top), Math.abs(bottom)));
    }

    /** The angle on the sky, degrees, from the optical axis to a point {@code pixels} from it on the sensor. */
    double angleDegrees(double pixels) {
        return Math.toDegrees(Math.atan(pixels * radiansPerPixel));
    }

    /**
     * The world coordinate system of the frame read out through {@code window}: the optical axis is the reference
     * point, and the CD matrix is the inverse of this projection's pixel mapping, in degrees per output pixel.
     */
    Wcs wcs(ReadoutWindow window) {
        double degreesPerPixel = Math.toDegrees(radiansPerPixel) * window.binning();
        return new Wcs(Math.toDegrees(centre.raRadians()), centre.decDegrees(),
                window.outputX(axisX) + 1, window.outputY(axisY) + 1,
                -cosPa * degreesPerPixel, sinPa * degreesPerPixel, sinPa * degreesPerPixel, cosPa * degreesPerPixel);
    }
}
