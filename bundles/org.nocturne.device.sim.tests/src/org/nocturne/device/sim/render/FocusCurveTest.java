package org.nocturne.device.sim.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nocturne.image.stars.StarList;

/**
 * Star size follows the configured V-curve: the image core's detector measures the median half-flux radius that
 * {@link FocusModel} says, across the curve and after the best focus has moved with temperature. Tolerances are
 * stated in each test.
 */
class FocusCurveTest {

    /** Best focus at 30,000 steps at 20 °C, 10 steps further out per °C of cooling, 2″ seeing, 0.02″ per step. */
    private static final FocusModel FOCUS = new FocusModel(30_000, -10, 2.0, 0.02);

    @Test
    void theVCurveIsTheConfiguredOne() {
        assertEquals(30_150, FOCUS.bestFocus(5), 1e-9);
        assertEquals(2.0, FOCUS.hfrArcsec(30_150, 5), 1e-12);
        assertEquals(Math.hypot(2.0, 0.02 * 400), FOCUS.hfrArcsec(29_750, 5), 1e-12);
        assertEquals(FOCUS.hfrArcsec(30_550, 5), FOCUS.hfrArcsec(29_750, 5), 1e-12, "symmetric about best focus");
    }

    @Test
    void measuredHalfFluxRadiusFollowsTheVCurveWithinFivePercent() {
        SkyRenderer renderer = Rig.renderer(11);
        double worst = 0;
        StringBuilder report = new StringBuilder();
        double[][] positionsAndTemperatures = {
                { 30_150 - 450, 5 }, { 30_150 - 300, 5 }, { 30_150 - 150, 5 }, { 30_150, 5 }, { 30_150 + 150, 5 },
                { 30_150 + 300, 5 }, { 30_150 + 450, 5 }, { 29_550, 20 }, { 30_000, 20 }, { 30_450, 20 } };
        for (double[] at : positionsAndTemperatures) {
            double expected = FOCUS.hfrArcsec(at[0], at[1]);
            ExposureScene scene = Rig.cygnus().withSeconds(10).withStarHfrArcsec(expected);
            StarList found = Rig.detector(40).detect(renderer.render(Rig.MONO, scene).frame());
            double measured = found.medianHfr() * Rig.arcsecPerPixel();
            double error = measured / expected - 1;
            worst = Math.max(worst, Math.abs(error));
            report.append(String.format("focuser %.0f at %.0f °C: V-curve %.3f″, measured %.3f″ (%d stars), error %+.2f%%%n",
                    at[0], at[1], expected, measured, found.stars().size(), error * 100));
            assertTrue(found.stars().size() >= 20, "stars measured at " + at[0] + ": " + found.stars().size());
        }
        System.out.print(report);
        assertTrue(worst < 0.05, "worst half-flux radius error " + worst * 100 + "%, want < 5%:\n" + report);
    }

    @Test
    void theOldBestFocusIsOutOfFocusOnceTheNightHasCooled() {
        double atOldFocus = FOCUS.hfrArcsec(FOCUS.bestFocus(20), 5);
        double atNewFocus = FOCUS.hfrArcsec(FOCUS.bestFocus(5), 5);
        assertEquals(Math.hypot(2.0, 3.0), atOldFocus, 1e-12, "150 steps from focus at 0.02″ a step");
        assertEquals(2.0, atNewFocus, 1e-12);
    }
}
