package org.nocturne.device.sim.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;

/**
 * The catalog stars of one exposure: the images to draw ({@link MoffatStar}, in readout-window pixels) and the truth
 * to report ({@link RenderedStar}, in output-frame pixels). Every star of the catalog (to its limit, V<sub>T</sub> ≈ 12)
 * whose image reaches the window is drawn. Immutable once collected.
 */
final class StarField {

    /** No field may reach further than this from the optical axis: the tangent plane stretches without bound at 90°. */
    private static final double WIDEST_FIELD_DEGREES = 60;

    private final List<MoffatStar> images;
    private final List<RenderedStar> truth;

    private StarField(List<MoffatStar> images, List<RenderedStar> truth) {
        this.images = images;
        this.truth = truth;
    }

    /** No stars: the shutter is closed, or the panel covers the aperture. */
    static StarField none() {
        return new StarField(List.of(), List.of());
    }

    /**
     * Collects the stars that reach {@code window}.
     *
     * @throws IllegalArgumentException when the window reaches more than {@value #WIDEST_FIELD_DEGREES}° from the axis
     */
    static StarField collect(StarCatalog catalog, ExposureScene scene, SensorProjection projection, ReadoutWindow window,
            Vignetting vignetting, double arcsecPerPixel) {
        double hfrPixels = scene.starHfrArcsec() / arcsecPerPixel;
        double[] trail = projection.starShift(scene.driftRaArcsec(), scene.driftDecArcsec());
        double reach = MoffatStar.maxReach(hfrPixels / MoffatStar.HFR_PER_ALPHA) + Math.hypot(trail[0], trail[1]) / 2 + 2;
        double coneDegrees = projection.angleDegrees(projection.farthestCorner(window) + reach);
        if (coneDegrees > WIDEST_FIELD_DEGREES) {
            throw new IllegalArgumentException(String.format("The field reaches %.1f° from the optical axis, more than the %.0f° the renderer projects",
                    coneDegrees, WIDEST_FIELD_DEGREES));
        }
        double electronsPerMagnitudeZero = Photometry.starElectronsPerSecond(0, scene.apertureMm()) * scene.seconds()
                * scene.transparency();
        int columns = window.sensorColumns();
        int rows = window.sensorRows();
        List<MoffatStar> images = new ArrayList<>();
        List<RenderedStar> truth = new ArrayList<>();
        double[] xy = new double[2];
        catalog.forEachInCone(scene.centre(), coneDegrees, 99, (ra, dec, magnitude) -> {
            if (!projection.toSensor(ra, dec, xy)) {
                return;
            }
            double electrons = electronsPerMagnitudeZero * Math.pow(10, -0.4 * magnitude) * vignetting.at(xy[0], xy[1]);
            double outputX = window.outputX(xy[0]);
            double outputY = window.outputY(xy[1]);
            if (outputX >= -0.5 && outputX < window.width() - 0.5 && outputY >= -0.5 && outputY < window.height() - 0.5) {
                truth.add(new RenderedStar(new Equatorial(ra, dec), magnitude, outputX, outputY, electrons));
            }
            if (electrons > 0) {
                MoffatStar image = new MoffatStar(xy[0] - window.x(), xy[1] - window.y(), electrons, hfrPixels, trail[0], trail[1]);
                if (image.right() >= 0 && image.left() < columns && image.bottom() >= 0 && image.top() < rows) {
                    images.add(image);
                }
            }
        });
        truth.sort(Comparator.comparingDouble(RenderedStar::magnitude));
        return new StarField(List.copyOf(images), List.copyOf(truth));
    }

    /** The images to draw, in catalog order. */
    List<MoffatStar> images() {
        return images;
    }

    /** The stars whose mid-exposure centre falls inside the frame, brightest first. */
    List<RenderedStar> truth() {
        return truth;
    }
}
