package org.nocturne.device.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.camera.ExposureRequest.Region;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.image.stars.StarList;

/** Clouds dim stars and sky alike; an overcast sky shows no stars at all. Tolerances are stated in each test. */
class CloudsTest {

    /**
     * Through overcast the detector finds nothing at 8 σ, where the same exposure under a clear sky shows dozens of
     * stars (at 5 σ a 3-megapixel frame of pure noise throws up the odd false detection, as a dark does), and even at
     * 5 σ nothing within 3 px of a catalog star.
     */
    @Test
    void anOvercastSkyShowsNoStars() {
        ExposureScene clear = Rig.cygnus().withSeconds(30);
        StarDetector strict = new StarDetector(Rig.detector(25).settings().withThresholdSigma(8));
        RenderedExposure overcast = Rig.renderer(51).render(Rig.MONO, clear.withTransparency(0));
        int underClearSky = strict.detect(Rig.renderer(51).render(Rig.MONO, clear).frame()).stars().size();
        int throughClouds = strict.detect(overcast.frame()).stars().size();
        StarList lenient = Rig.detector(25).detect(overcast.frame());
        long atStars = overcast.stars().stream().filter(s -> Rig.nearest(lenient, s.x(), s.y(), 3) != null).count();
        System.out.printf("overcast: %d stars behind the clouds; at 8 σ %d detected (%d under a clear sky); at 5 σ %d detected, %d at catalog stars%n",
                overcast.stars().size(), throughClouds, underClearSky, lenient.stars().size(), atStars);
        assertTrue(underClearSky >= 30, "stars detected under a clear sky: " + underClearSky);
        assertEquals(0, throughClouds, "stars detected through overcast at 8 σ");
        assertEquals(0, atStars, "catalog stars detected through overcast at 5 σ");
        assertTrue(overcast.stars().stream().allMatch(s -> s.electrons() == 0), "no star light reaches the sensor");
    }

    @Test
    void thinCloudHalvesStarAndSkyLight() {
        ExposureScene clear = Rig.cygnus().withRegion(new Region(500, 400, 1000, 700));
        RenderedExposure bright = Rig.renderer(52).render(Rig.MONO, clear, 0);
        RenderedExposure dim = Rig.renderer(52).render(Rig.MONO, clear.withTransparency(0.5), 0);
        for (int i = 0; i < bright.stars().size(); i++) {
            assertEquals(0.5 * bright.stars().get(i).electrons(), dim.stars().get(i).electrons(), 1e-9 * bright.stars().get(i).electrons());
        }
        double clearSky = medianAboveBias(bright);
        double dimSky = medianAboveBias(dim);
        System.out.printf("sky above bias: clear %.2f ADU, half transparent %.2f ADU%n", clearSky, dimSky);
        assertEquals(0.5 * clearSky, dimSky, 1.0, "sky level within 1 ADU");
    }

    private static double medianAboveBias(RenderedExposure exposure) {
        short[] pixels = exposure.frame().pixels().clone();
        int[] values = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = pixels[i] & 0xFFFF;
        }
        Arrays.sort(values);
        return values[values.length / 2] - Rig.BIAS;
    }
}
