package org.nocturne.device.sim.render;

import org.nocturne.device.api.camera.ExposureRequest.Region;

/**
 * The part of the sensor that one exposure reads out and how: a rectangle of unbinned sensor pixels starting at
 * ({@code x}, {@code y}), read in square bins of {@code binning}, giving a frame of {@code width} × {@code height}
 * output pixels. Unbinned rows and columns left over at the right and bottom edge (when the region is not a multiple
 * of the bin) are not read. Immutable.
 *
 * <p>Output pixel (i, j) sums sensor pixels {@code x + i·binning} to {@code x + i·binning + binning − 1} (and the same
 * for rows), so its centre lies at sensor coordinate {@code x + i·binning + (binning − 1)/2}.
 */
record ReadoutWindow(int x, int y, int binning, int width, int height) {

    /** @throws IllegalArgumentException when the region is not inside the sensor or smaller than one bin */
    static ReadoutWindow of(SensorModel sensor, ExposureScene scene) {
        Region region = scene.region() == null ? new Region(0, 0, sensor.width(), sensor.height()) : scene.region();
        if (region.x() < 0 || region.y() < 0 || region.width() < 1 || region.height() < 1
                || (long) region.x() + region.width() > sensor.width() || (long) region.y() + region.height() > sensor.height()) {
            throw new IllegalArgumentException("Region " + region + " is not inside the " + sensor.width() + "×" + sensor.height() + " sensor");
        }
        int b = scene.binning();
        if (region.width() < b || region.height() < b) {
            throw new IllegalArgumentException("Region " + region + " is smaller than one " + b + "×" + b + " bin");
        }
        return new ReadoutWindow(region.x(), region.y(), b, region.width() / b, region.height() / b);
    }

    /** Unbinned sensor columns read. */
    int sensorColumns() {
        return width * binning;
    }

    /** Unbinned sensor rows read. */
    int sensorRows() {
        return height * binning;
    }

    /** Output frame x of sensor coordinate {@code sensorX}. */
    double outputX(double sensorX) {
        return (sensorX - x - (binning - 1) / 2.0) / binning;
    }

    /** Output frame y of sensor coordinate {@code sensorY}. */
    double outputY(double sensorY) {
        return (sensorY - y - (binning - 1) / 2.0) / binning;
    }
}
