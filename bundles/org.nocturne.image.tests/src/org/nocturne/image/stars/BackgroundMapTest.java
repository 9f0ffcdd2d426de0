package org.nocturne.image.stars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntBinaryOperator;

import org.junit.jupiter.api.Test;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;
import org.nocturne.image.testing.SyntheticSky;

/**
 * The background map against frames whose sky and noise are known: a steep sky, a step in the sky, a crowded field.
 * Checked at the tile centres and along the frame's edges, where the tile grid has to be extended.
 */
class BackgroundMapTest {

    private static final int SIZE = 512;
    private static final int TILE = 64;
    private static final double NOISE = 15;

    @Test
    void noiseAndLevelFollowASteepSky() {
        // like the bottom of the VLT ISAAC test frame: 2.5 ADU a row, 160 ADU across a tile, ten times the noise
        IntBinaryOperator sky = (x, y) -> 400 + (int) Math.round(2.5 * y);
        BackgroundMap map = map(render(sky, new Random(1)));
        forEachTileCentre((x, y) -> {
            assertEquals(NOISE, map.noise(x, y), 0.1 * NOISE, "noise at " + x + ", " + y);
            assertEquals(sky.applyAsInt(x, y), map.level(x, y), 0.3 * NOISE, "level at " + x + ", " + y);
        });
        // beyond the outer tile centres the level is extrapolated up to half a tile each way, which multiplies the
        // scatter of the tiles' medians by about 2.5 in a corner (a map held flat there is 80 ADU off at the bottom)
        forEachEdgePoint((x, y) -> {
            assertEquals(NOISE, map.noise(x, y), 0.1 * NOISE, "noise at " + x + ", " + y);
            assertEquals(sky.applyAsInt(x, y), map.level(x, y), NOISE, "level at " + x + ", " + y);
        });
    }

    @Test
    void noiseIsNotWidenedByAStepInTheSky() {
        // like the step between the two halves of the ISAAC detector, half way up the bottom row of tiles (where the
        // 3×3 median filter over the tiles cannot outvote a tile widened by it)
        IntBinaryOperator sky = (x, y) -> y < TILE / 2 ? 500 : 800;
        BackgroundMap map = map(render(sky, new Random(2)));
        forEachTileCentre((x, y) -> assertEquals(NOISE, map.noise(x, y), 0.1 * NOISE, "noise at " + x + ", " + y));
        forEachEdgePoint((x, y) -> assertEquals(NOISE, map.noise(x, y), 0.1 * NOISE, "noise at " + x + ", " + y));
    }

    @Test
    void crowdedFieldKeepsNoiseAndLevelNearTheSkyBetweenTheStars() {
        double skyLevel = 1000;
        double readNoise = 8;
        double skyNoise = Math.sqrt(skyLevel + readNoise * readNoise);
        SyntheticSky sky = new SyntheticSky(SIZE, SIZE, skyLevel);
        Random random = new Random(3);
        // as crowded as the HST ACS test frame: a star for every 25 pixels, 2.4 px FWHM, fluxes spread evenly in
        // magnitude over 7.5 magnitudes; nearly every pixel lies on some star's wing
        for (int i = 0; i < SIZE * SIZE / 25; i++) {
            double flux = 300 * Math.pow(1000, random.nextDouble());
            sky.star(random.nextDouble() * SIZE, random.nextDouble() * SIZE, flux, SyntheticSky.gaussian(1.0));
        }
        BackgroundMap map = map(sky.render(readNoise, 4));
        double noise = 0;
        double level = 0;
        int n = 0;
        for (int y = TILE / 2; y < SIZE; y += TILE) {
            for (int x = TILE / 2; x < SIZE; x += TILE) {
                noise += map.noise(x, y);
                level += map.level(x, y);
                n++;
            }
        }
        // on average over the tiles, the map's noise is within 1.6 times the sky's (1.5 here; a map from the spread of
        // each tile's pixels read 3 times) and its level within 1 sigma of the sky (0.75 here; the plain tile medians
        // read 1.7 sigma above it)
        assertEquals(skyNoise, noise / n, 0.6 * skyNoise, "mean noise");
        assertEquals(skyLevel, level / n, skyNoise, "mean level");
    }

    @Test
    void emptySkyGivesItsLevelAndNoise() {
        BackgroundMap map = map(render((x, y) -> 1200, new Random(5)));
        forEachTileCentre((x, y) -> {
            assertEquals(NOISE, map.noise(x, y), 0.1 * NOISE, "noise at " + x + ", " + y);
            assertEquals(1200, map.level(x, y), 0.1 * NOISE, "level at " + x + ", " + y);
        });
        forEachEdgePoint((x, y) -> {
            assertEquals(NOISE, map.noise(x, y), 0.1 * NOISE, "noise at " + x + ", " + y);
            assertEquals(1200, map.level(x, y), 0.2 * NOISE, "level at " + x + ", " + y);
        });
    }

    @Test
    void filteredNoiseAtACornerStaysWithinItsTilesNoise() {
        // A quiet corner tile (10), noisier edge tiles (25), noisier inner ones (60): continuing that slope past the
        // corner, as the level is continued, gives the corner a noise of 0; repeating the edge tiles keeps it in range.
        float[] noise = { 10, 25, 25, 25, 60, 60, 25, 60, 60 };
        assertEquals(0, BackgroundMap.medianFilter(noise, 3, 3, true)[0], 1e-6, "the slope continued");
        float corner = BackgroundMap.medianFilter(noise, 3, 3, false)[0];
        assertTrue(corner >= 10 && corner <= 60, "noise at the corner: " + corner);
    }

    private static BackgroundMap map(Frame frame) {
        return BackgroundMap.estimate(DetectionGrid.of(frame, 65535), TILE);
    }

    /** The sky plus white Gaussian noise of {@link #NOISE}, rounded to whole ADU. */
    private static Frame render(IntBinaryOperator sky, Random random) {
        short[] pixels = new short[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                pixels[y * SIZE + x] = (short) Math.round(sky.applyAsInt(x, y) + NOISE * random.nextGaussian());
            }
        }
        return Frame.mono(SIZE, SIZE, pixels, FrameMetadata.EMPTY);
    }

    private static void forEachTileCentre(PointCheck check) {
        for (int y = TILE / 2; y < SIZE; y += TILE) {
            for (int x = TILE / 2; x < SIZE; x += TILE) {
                check.at(x, y);
            }
        }
    }

    /** The frame's corners and the middles of its edges. */
    private static void forEachEdgePoint(PointCheck check) {
        for (int y : new int[] {0, SIZE / 2, SIZE - 1}) {
            for (int x : new int[] {0, SIZE - 1}) {
                check.at(x, y);
            }
        }
        check.at(SIZE / 2, 0);
        check.at(SIZE / 2, SIZE - 1);
    }

    private interface PointCheck {
        void at(int x, int y);
    }
}
