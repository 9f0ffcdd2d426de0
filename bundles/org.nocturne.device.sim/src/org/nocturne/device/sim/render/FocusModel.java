package org.nocturne.device.sim.render;

/**
 * The configured V-curve of a focuser on a telescope: how large a star's image is at each focuser position, and how
 * the best position drifts with temperature as the tube expands and shrinks. Immutable.
 *
 * <p>The half-flux radius at position {@code p} and temperature {@code T} is the hyperbola
 * {@code sqrt(seeing² + (slope · (p − best(T)))²)}: the seeing at best focus, growing linearly (the asymptotic slope)
 * far from it, as the out-of-focus disc of a real telescope does. Positions are in focuser steps, larger numbers
 * further out; temperatures in °C.
 *
 * @param bestFocusStepsAt20C the position of best focus at 20 °C, steps
 * @param stepsPerDegreeC how far best focus moves per °C of warming, steps/°C; negative when the focuser has to go
 *        out as the night cools (an aluminium tube shrinking), which is the usual case
 * @param seeingHfrArcsec the star's half-flux radius at best focus (the seeing and the optics), arc-seconds
 * @param hfrArcsecPerStep the asymptotic slope of the V-curve, arc-seconds of half-flux radius per step of defocus
 */
public record FocusModel(int bestFocusStepsAt20C, double stepsPerDegreeC, double seeingHfrArcsec, double hfrArcsecPerStep) {

    /**
     * An 80 mm f/6 refractor with a focuser of about 1 µm a step: best focus at 25,000 steps at 20 °C, moving out
     * 11 steps for each degree the night cools, 1.8″ seeing half-flux radius, 0.025″ per step of defocus.
     */
    public static final FocusModel DEFAULT = new FocusModel(25_000, -11.0, 1.8, 0.025);

    /** @throws IllegalArgumentException when the seeing or the slope is not positive, or a value is not finite */
    public FocusModel {
        if (!(seeingHfrArcsec > 0) || !Double.isFinite(seeingHfrArcsec)) {
            throw new IllegalArgumentException("Seeing half-flux radius " + seeingHfrArcsec + "″ is not a positive number");
        }
        if (!(hfrArcsecPerStep > 0) || !Double.isFinite(hfrArcsecPerStep)) {
            throw new IllegalArgumentException("V-curve slope " + hfrArcsecPerStep + "″/step is not a positive number");
        }
        if (!Double.isFinite(stepsPerDegreeC)) {
            throw new IllegalArgumentException("Temperature coefficient " + stepsPerDegreeC + " steps/°C is not a number");
        }
    }

    /** The position of best focus at {@code temperatureC}, steps (not rounded). */
    public double bestFocus(double temperatureC) {
        return bestFocusStepsAt20C + stepsPerDegreeC * (temperatureC - 20.0);
    }

    /** The star's half-flux radius at focuser position {@code positionSteps} and {@code temperatureC}, arc-seconds. */
    public double hfrArcsec(double positionSteps, double temperatureC) {
        double defocus = hfrArcsecPerStep * (positionSteps - bestFocus(temperatureC));
        return Math.sqrt(seeingHfrArcsec * seeingHfrArcsec + defocus * defocus);
    }
}
