package org.nocturne.solver.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.TangentPlane;
import org.nocturne.device.sim.render.ExposureScene;
import org.nocturne.device.sim.render.RenderedExposure;
import org.nocturne.device.sim.render.SensorModel;
import org.nocturne.device.sim.render.SkyRenderer;
import org.nocturne.image.Wcs;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.image.stars.StarList;

/**
 * The benchmark's fields: frames the sky simulator renders at random places and rotations over the whole sky, at a few
 * pixel scales, with the stars the image core finds on them and the simulator's own WCS as the truth. The same seed
 * gives the same fields, so every solver sees exactly the same input.
 */
final class FieldSet {

    /** A 6 MP sensor of 3.76 µm pixels (as the IMX178): fields of 1.0°, 2.1° and 5.0° at the three scales. */
    static final int WIDTH = 3008;
    static final int HEIGHT = 2008;
    private static final double PIXEL_MICRONS = 3.76;
    private static final double FOCAL_RATIO = 5;
    private static final double EXPOSURE_SECONDS = 10;
    private static final Instant NIGHT = Instant.parse("2026-11-25T22:00:00Z");

    /** How far the near solve's hint lies from the truth at most, degrees (target T6: "hint within 2°"). */
    static final double HINT_ERROR_DEGREES = 1.5;

    /**
     * One field.
     *
     * @param truth the simulator's WCS of the frame
     * @param hint where a near solve is told the field is: the truth moved by up to {@link #HINT_ERROR_DEGREES}
     */
    record Field(int number, double arcsecPerPixel, Equatorial centre, double positionAngleDegrees, Wcs truth,
            StarList stars, Equatorial hint) {
    }

    private FieldSet() {
    }

    /** {@code perScale} fields at each scale (″/px), uniformly over the sphere, in random rotations. */
    static List<Field> generate(StarCatalog catalog, double[] scales, int perScale, long seed) {
        Random random = new Random(seed);
        SkyRenderer renderer = new SkyRenderer(catalog, seed);
        SensorModel sensor = new SensorModel(WIDTH, HEIGHT, PIXEL_MICRONS, null, 1.0, 500, 2.0, 0.01, 1e-4, 50_000);
        StarDetector detector = new StarDetector();
        List<Field> fields = new ArrayList<>();
        for (double scale : scales) {
            double focal = 206.264806 * PIXEL_MICRONS / scale;
            for (int i = 0; i < perScale; i++) {
                Equatorial centre = new Equatorial(random.nextDouble() * 2 * Math.PI, Math.asin(2 * random.nextDouble() - 1));
                double pa = random.nextDouble() * 360;
                ExposureScene scene = ExposureScene.light(centre, focal, focal / FOCAL_RATIO, EXPOSURE_SECONDS, NIGHT)
                        .withPositionAngle(pa);
                RenderedExposure exposure = renderer.render(sensor, scene);
                StarList stars = detector.detect(exposure.frame());
                double bearing = random.nextDouble() * 2 * Math.PI;
                double distance = Math.toRadians(random.nextDouble() * HINT_ERROR_DEGREES);
                Equatorial hint = new TangentPlane(centre).deproject(Math.tan(distance) * Math.sin(bearing),
                        Math.tan(distance) * Math.cos(bearing));
                fields.add(new Field(fields.size() + 1, scale, centre, pa, exposure.wcs(), stars, hint));
            }
        }
        return fields;
    }
}
