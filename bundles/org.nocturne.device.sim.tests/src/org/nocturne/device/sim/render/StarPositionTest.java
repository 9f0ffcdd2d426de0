package org.nocturne.device.sim.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.camera.ExposureRequest.Region;
import org.nocturne.image.BayerPattern;
import org.nocturne.image.stars.Star;
import org.nocturne.image.stars.StarList;

/**
 * The rendered stars sit where the catalog puts them: the image core's star detector, run on rendered frames, finds
 * each unblended star at its true pixel. Tolerances are stated in each test.
 */
class StarPositionTest {

    /** A star is unblended when no other catalog star lies within this many pixels of it. */
    private static final double ISOLATION_PX = 10;
    /** And not within this many pixels of the frame's edge (stars beyond the edge are not in the truth list). */
    private static final double EDGE_PX = 20;

    @Test
    void detectedCentroidsMatchTheCatalogProjectionWithinAFifthOfAPixel() {
        RenderedExposure exposure = Rig.renderer(1).render(Rig.MONO, Rig.cygnus());
        Errors errors = compare(exposure, Rig.detector(25).detect(exposure.frame()), 1, Rig.cygnus().starHfrArcsec());

        assertTrue(errors.count() >= 40, "unblended bright stars matched: " + errors.count());
        assertTrue(errors.rmsPerAxis() < 0.2, "RMS centroid error per axis " + errors.rmsPerAxis() + " px, want < 0.2");
        assertTrue(errors.worst() < 0.2, "worst centroid error " + errors.worst() + " px, want < 0.2 for every star");
    }

    /**
     * Binned and Bayer frames are measured on coarser grids (2×2 bins, 2×2 colour cells), so their stars are made
     * larger (4″ half-flux radius, about one bin or cell) to keep the detector's own sampling bias out of the test.
     */
    @Test
    void centroidsOfABinnedRegionAndOfABayerFrameMatchToo() {
        double hfr = 4.0;
        ExposureScene binned = Rig.cygnus().withStarHfrArcsec(hfr).withRegion(new Region(301, 200, 1400, 1100)).withBinning(2)
                .withSeconds(4);
        RenderedExposure small = Rig.renderer(2).render(Rig.MONO, binned);
        Errors binnedErrors = compare(small, Rig.detector(25).detect(small.frame()), 2, hfr);

        SensorModel colour = new SensorModel(2000, 1500, 3.76, BayerPattern.RGGB, Rig.GAIN, Rig.BIAS, 2.0, 0.002, 1e-4, Rig.FULL_WELL);
        ExposureScene odd = Rig.cygnus().withStarHfrArcsec(hfr).withSeconds(15).withRegion(new Region(1, 0, 1999, 1500));
        RenderedExposure bayer = Rig.renderer(3).render(colour, odd);
        Errors bayerErrors = compare(bayer, Rig.detector(25).detect(bayer.frame()), 1, hfr);

        assertTrue(small.frame().width() == 700 && small.frame().height() == 550, "binned region " + small.frame());
        assertTrue(bayer.frame().bayerPattern() == BayerPattern.GRBG, "pattern read from column 1: " + bayer.frame().bayerPattern());
        assertTrue(binnedErrors.count() >= 15 && binnedErrors.rmsPerAxis() < 0.2,
                "binned: " + binnedErrors.count() + " stars, RMS " + binnedErrors.rmsPerAxis() + " px, want < 0.2");
        assertTrue(bayerErrors.count() >= 40 && bayerErrors.rmsPerAxis() < 0.2,
                "Bayer: " + bayerErrors.count() + " stars, RMS " + bayerErrors.rmsPerAxis() + " px, want < 0.2");
    }

    /** Centroid errors of the unblended, unsaturated stars of at least 3000 e⁻ that the detector found. */
    private static Errors compare(RenderedExposure exposure, StarList found, int binning, double hfrArcsec) {
        int width = exposure.frame().width();
        int height = exposure.frame().height();
        double edge = EDGE_PX / binning;
        double isolation = ISOLATION_PX / binning;
        double alpha = hfrArcsec / Rig.arcsecPerPixel() / MoffatStar.HFR_PER_ALPHA;
        double saturating = 0.5 * Rig.FULL_WELL * Math.PI * alpha * alpha / 2;
        List<RenderedStar> truth = exposure.stars();
        List<double[]> errors = new ArrayList<>();
        for (RenderedStar star : truth) {
            boolean inside = star.x() > edge && star.x() < width - edge && star.y() > edge && star.y() < height - edge;
            boolean bright = star.electrons() > 3000 && star.electrons() < saturating;
            if (!inside || !bright || hasNeighbour(star, truth, isolation)) {
                continue;
            }
            Star measured = Rig.nearest(found, star.x(), star.y(), 1.5);
            if (measured != null) {
                errors.add(new double[] { measured.x() - star.x(), measured.y() - star.y() });
            }
        }
        Errors result = new Errors(errors);
        System.out.printf("%d stars in frame, %d detected, %d unblended bright matched: RMS %.4f px per axis, worst %.4f px%n",
                truth.size(), found.stars().size(), result.count(), result.rmsPerAxis(), result.worst());
        return result;
    }

    private static boolean hasNeighbour(RenderedStar star, List<RenderedStar> all, double radius) {
        for (RenderedStar other : all) {
            if (other != star && Math.hypot(other.x() - star.x(), other.y() - star.y()) < radius) {
                return true;
            }
        }
        return false;
    }

    /** Centroid errors {dx, dy} in pixels. */
    private record Errors(List<double[]> errors) {
        int count() {
            return errors.size();
        }

        double rmsPerAxis() {
            double sum = 0;
            for (double[] e : errors) {
                sum += e[0] * e[0] + e[1] * e[1];
            }
            return Math.sqrt(sum / (2 * errors.size()));
        }

        double worst() {
            return errors.stream().mapToDouble(e -> Math.hypot(e[0], e[1])).max().orElse(Double.NaN);
        }
    }
}
