package org.nocturne.device.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.api.camera.ExposureRequest.Region;
import org.nocturne.image.Wcs;

/**
 * The returned WCS is the truth the stars were drawn with, in the FITS convention, and the sensor's orientation is
 * the documented one. The projection here is written from the FITS standard (Calabretta &amp; Greisen 2002, TAN with
 * LONPOLE 180°), not from the renderer's code. Tolerances are stated in each test.
 */
class WcsTruthTest {

    @Test
    void everyStarProjectsThroughTheWcsToItsTruePixel() {
        ExposureScene scene = Rig.cygnus().withPositionAngle(37).withRegion(new Region(101, 51, 1500, 1200)).withBinning(2);
        RenderedExposure exposure = Rig.renderer(41).render(Rig.MONO, scene);
        double worst = 0;
        for (RenderedStar star : exposure.stars()) {
            double[] pixel = fitsPixel(exposure.wcs(), star.position());
            worst = Math.max(worst, Math.hypot(pixel[0] - (star.x() + 1), pixel[1] - (star.y() + 1)));
        }
        System.out.printf("%d stars: worst WCS-truth difference %.2e px%n", exposure.stars().size(), worst);
        assertTrue(exposure.stars().size() > 20, "stars in the region: " + exposure.stars().size());
        assertTrue(worst < 0.01, "worst difference " + worst + " px, want < 0.01");
        assertEquals(2 * Rig.arcsecPerPixel(), exposure.wcs().scaleArcsecPerPixel(), 1e-9, "binned scale, ″/px");
    }

    @Test
    void aBinnedRegionSeesTheStarsWhereTheFullFrameDoes() {
        ExposureScene full = Rig.cygnus().withPositionAngle(37);
        List<RenderedStar> whole = Rig.renderer(42).render(Rig.MONO, full).stars();
        List<RenderedStar> part = Rig.renderer(42).render(Rig.MONO, full.withRegion(new Region(101, 51, 1500, 1200)).withBinning(2)).stars();
        int compared = 0;
        for (RenderedStar star : part) {
            RenderedStar same = whole.stream().filter(s -> s.position().equals(star.position())).findFirst().orElseThrow();
            assertEquals((same.x() - 101 - 0.5) / 2, star.x(), 1e-9);
            assertEquals((same.y() - 51 - 0.5) / 2, star.y(), 1e-9);
            compared++;
        }
        assertTrue(compared > 20, "stars compared: " + compared);
    }

    /** At position angle 0 north is +y and east is −x; at 90° east is +y and north is +x. */
    @Test
    void thePositionAngleTurnsTheSensorFromNorthThroughEast() {
        Equatorial centre = Rig.CYGNUS;
        RenderedExposure northUp = Rig.renderer(43).render(Rig.MONO, Rig.cygnus().withPositionAngle(0));
        RenderedExposure eastUp = Rig.renderer(43).render(Rig.MONO, Rig.cygnus().withPositionAngle(90));
        assertTrue(correlation(northUp.stars(), centre, true, false) > 0.999, "north is +y at PA 0");
        assertTrue(correlation(northUp.stars(), centre, false, true) < -0.999, "east is −x at PA 0");
        assertTrue(correlation(eastUp.stars(), centre, false, false) > 0.999, "east is +y at PA 90");
        assertTrue(correlation(eastUp.stars(), centre, true, true) > 0.999, "north is +x at PA 90");
        Wcs wcs = northUp.wcs();
        assertTrue(wcs.cd11() < 0 && wcs.cd22() > 0 && wcs.cd11() * wcs.cd22() - wcs.cd12() * wcs.cd21() < 0, "the sky's handedness");
    }

    /** Correlation of a star's offset north ({@code north}) or east with its pixel x ({@code x}) or y. */
    private static double correlation(List<RenderedStar> stars, Equatorial centre, boolean north, boolean x) {
        int n = stars.size();
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            RenderedStar s = stars.get(i);
            double east = Math.IEEEremainder(s.position().raRadians() - centre.raRadians(), 2 * Math.PI) * Math.cos(centre.decRadians());
            a[i] = north ? s.position().decRadians() - centre.decRadians() : east;
            b[i] = x ? s.x() : s.y();
        }
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** FITS pixel (1-based) of an ICRS place through a TAN WCS: native spherical rotation, projection, CD inverse. */
    static double[] fitsPixel(Wcs wcs, Equatorial place) {
        double alpha = place.raRadians();
        double delta = place.decRadians();
        double alphaP = Math.toRadians(wcs.crval1());
        double deltaP = Math.toRadians(wcs.crval2());
        double phiP = Math.PI;
        double phi = phiP + Math.atan2(-Math.cos(delta) * Math.sin(alpha - alphaP),
                Math.sin(delta) * Math.cos(deltaP) - Math.cos(delta) * Math.sin(deltaP) * Math.cos(alpha - alphaP));
        double theta = Math.asin(Math.sin(delta) * Math.sin(deltaP) + Math.cos(delta) * Math.cos(deltaP) * Math.cos(alpha - alphaP));
        double r = Math.toDegrees(1 / Math.tan(theta));
        double x = r * Math.sin(phi);
        double y = -r * Math.cos(phi);
        double det = wcs.cd11() * wcs.cd22() - wcs.cd12() * wcs.cd21();
        double dp1 = (wcs.cd22() * x - wcs.cd12() * y) / det;
        double dp2 = (-wcs.cd21() * x + wcs.cd11() * y) / det;
        return new double[] { wcs.crpix1() + dp1, wcs.crpix2() + dp2 };
    }
}
