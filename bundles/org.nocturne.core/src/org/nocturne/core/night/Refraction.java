package org.nocturne.core.night;

import org.nocturne.core.sky.ObserverSite;

/**
 * Atmospheric refraction for a standard atmosphere at the site's elevation: 10 °C, and the pressure falling with
 * height as in {@link org.nocturne.core.sky.TopocentricSky}. Sæmundsson's formula takes a geometric altitude to the
 * observed one and Bennett's formula goes back (Meeus, <i>Astronomical Algorithms</i>, 2nd ed., ch. 16), both scaled by
 * P / 1010 hPa × 283 K / T.
 *
 * <p>Accuracy: within 0.1′ of each other and of SOFA's refraction above 15°, about 1′ near the horizon, where the
 * weather of the night changes refraction by more than that. Below −1° the refraction at −1° is used: the altitudes stay
 * continuous and monotonic, and such objects are below the horizon anyway. Immutable and thread-safe.
 */
final class Refraction {

    private static final double TEMPERATURE_KELVIN = 283.15;
    private static final double LOWEST_DEGREES = -1.0;

    private final double scale;

    Refraction(ObserverSite site) {
        double pressureHectopascals = 1013.25 * Math.exp(-site.elevationMeters() / (29.3 * TEMPERATURE_KELVIN));
        this.scale = pressureHectopascals / 1010.0 * 283.0 / TEMPERATURE_KELVIN;
    }

    /** Observed altitude, in degrees, of a body at the given geometric (airless) altitude in degrees. */
    double observedFromGeometric(double geometricDegrees) {
        double h = Math.max(geometricDegrees, LOWEST_DEGREES);
        double arcMinutes = 1.02 / Math.tan(Math.toRadians(h + 10.3 / (h + 5.11)));
        return geometricDegrees + scale * arcMinutes / 60.0;
    }

    /** Geometric (airless) altitude, in degrees, of a body observed at the given altitude in degrees. */
    double geometricFromObserved(double observedDegrees) {
        double h = Math.max(observedDegrees, LOWEST_DEGREES);
        double arcMinutes = 1.0 / Math.tan(Math.toRadians(h + 7.31 / (h + 4.4)));
        return observedDegrees - scale * arcMinutes / 60.0;
    }
}
