package org.nocturne.device.sim.render;

import java.time.Instant;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.image.stars.Star;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.image.stars.StarList;

/**
 * The test equipment: a 2000×1500 mono camera of 3.76 µm pixels on an 80 mm f/5 refractor (400 mm, 1.94″ per pixel),
 * pointed at a rich Milky Way field in Cygnus, and a star detector that treats the camera's full well as saturation.
 */
final class Rig {

    static final Instant NIGHT = Instant.parse("2025-08-20T22:30:00Z");
    /** A rich Milky Way field in Cygnus, ICRS. */
    static final Equatorial CYGNUS = Equatorial.ofHoursDegrees(19.85, 35.0);
    static final double FOCAL_MM = 400;
    static final double APERTURE_MM = 80;
    static final double GAIN = 1.0;
    static final double BIAS = 500;
    static final double FULL_WELL = 50_000;

    static final SensorModel MONO = new SensorModel(2000, 1500, 3.76, null, GAIN, BIAS, 2.0, 0.002, 1e-4, FULL_WELL);

    private Rig() {
    }

    static double arcsecPerPixel() {
        return Math.toDegrees(3.76e-3 / FOCAL_MM) * 3600;
    }

    /** A 5 s light of the Cygnus field, position angle 30°, 2.2″ stars, sensor at −10 °C. */
    static ExposureScene cygnus() {
        return ExposureScene.light(CYGNUS, FOCAL_MM, APERTURE_MM, 5, NIGHT).withPositionAngle(30).withStarHfrArcsec(2.2)
                .withSensorCelsius(-10);
    }

    static SkyRenderer renderer(long seed) {
        return new SkyRenderer(StarCatalog.bundled(), seed);
    }

    /** A detector at 5 σ whose saturation level sits below the full well, so clipped stars are left out. */
    static StarDetector detector(int maxRadius) {
        return new StarDetector(new StarDetector.Settings(5, 64, (int) (BIAS + 0.9 * FULL_WELL / GAIN), maxRadius, GAIN, 20000));
    }

    /** The detected star nearest to (x, y) within {@code radius} px, or null. */
    static Star nearest(StarList stars, double x, double y, double radius) {
        Star best = null;
        double bestDistance = radius;
        for (Star star : stars.stars()) {
            double d = Math.hypot(star.x() - x, star.y() - y);
            if (d <= bestDistance) {
                best = star;
                bestDistance = d;
            }
        }
        return best;
    }
}
