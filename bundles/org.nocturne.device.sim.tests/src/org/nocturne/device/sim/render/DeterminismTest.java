package org.nocturne.device.sim.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.camera.ExposureRequest.Region;

/**
 * The same seed, scene and exposure number give the same pixels; another seed gives other noise. Tolerances are
 * stated in each test.
 */
class DeterminismTest {

    private static final ExposureScene SCENE = Rig.cygnus().withRegion(new Region(700, 500, 600, 400));

    @Test
    void theSameSeedAndSceneGiveTheSamePixels() {
        short[] first = Rig.renderer(31).render(Rig.MONO, SCENE).frame().pixels();
        short[] second = Rig.renderer(31).render(Rig.MONO, SCENE).frame().pixels();
        short[] numbered = Rig.renderer(31).render(Rig.MONO, SCENE, 0).frame().pixels();
        assertArrayEquals(first, second);
        assertArrayEquals(first, numbered, "the first exposure of a renderer is number 0");
    }

    @Test
    void anotherSeedGivesOtherNoiseOfTheSameSize() {
        RenderedExposure first = Rig.renderer(31).render(Rig.MONO, SCENE, 4);
        RenderedExposure other = Rig.renderer(32).render(Rig.MONO, SCENE, 4);
        short[] a = first.frame().pixels();
        short[] b = other.frame().pixels();
        assertFalse(Arrays.equals(a, b));
        assertEquals(first.stars(), other.stars(), "the same stars in the same places");

        double skyElectrons = Photometry.skyElectronsPerSecondPerArcsec2(SCENE.skyBackgroundMagPerArcsec2(), Rig.APERTURE_MM)
                * Rig.arcsecPerPixel() * Rig.arcsecPerPixel() * SCENE.seconds();
        double pixelNoise = Math.sqrt((skyElectrons + 2.0 * 2.0) / (Rig.GAIN * Rig.GAIN) + 1 / 12.0);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 0xFFFF) - (b[i] & 0xFFFF);
            if (Math.abs(d) < 8 * pixelNoise) {
                sum += d * d;
                n++;
            }
        }
        double sigma = Math.sqrt(sum / n);
        System.out.printf("difference of two seeds: sigma %.3f ADU, expected sqrt(2)·%.3f = %.3f%n", sigma, pixelNoise,
                Math.sqrt(2) * pixelNoise);
        assertEquals(Math.sqrt(2) * pixelNoise, sigma, 0.05 * Math.sqrt(2) * pixelNoise, "noise of the difference within 5%");
    }
}
