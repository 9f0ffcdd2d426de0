package org.nocturne.device.sim.render;

/**
 * How many electrons the sky puts into the sensor: the photometric zero point of the simulator and what follows from
 * it. The catalog's magnitudes (Tycho V<sub>T</sub>) and the sky brightness are both read as broadband (luminance)
 * magnitudes.
 *
 * <p>The zero point: a star of magnitude 0 gives {@value #ZERO_POINT_ELECTRONS_PER_SECOND_PER_CM2} electrons per
 * second per cm² of clear aperture. That is the V-band photon flux of a zero-magnitude star above the atmosphere
 * (about 1,000 photons s⁻¹ cm⁻² Å⁻¹ over the 880 Å of V, 8.8 × 10⁵ s⁻¹ cm⁻²), widened to a 400–700 nm luminance
 * filter (about ×3) and taken down by the atmosphere, the optics and the sensor's quantum efficiency (together about
 * 0.4). So an 80 mm aperture (50.3 cm²) collects 5.0 × 10⁷ e⁻/s from a magnitude-0 star, 797 e⁻/s from a
 * magnitude-12 star, and 0.32 e⁻/s per square arc-second from a 20.5 mag/arcsec² sky. The central obstruction of a
 * reflector is not modelled: pass the equivalent clear aperture. Stateless.
 */
public final class Photometry {

    /** Electrons per second per cm² of aperture from a magnitude-0 star (unfiltered mono sensor). */
    public static final double ZERO_POINT_ELECTRONS_PER_SECOND_PER_CM2 = 1.0e6;

    private Photometry() {
    }

    /** The collecting area of a clear circular aperture of {@code apertureMm} diameter, cm². */
    public static double apertureAreaCm2(double apertureMm) {
        double radiusCm = apertureMm / 20.0;
        return Math.PI * radiusCm * radiusCm;
    }

    /** Electrons per second that a star of {@code magnitude} gives through {@code apertureMm} of clear aperture. */
    public static double starElectronsPerSecond(double magnitude, double apertureMm) {
        return ZERO_POINT_ELECTRONS_PER_SECOND_PER_CM2 * apertureAreaCm2(apertureMm) * Math.pow(10, -0.4 * magnitude);
    }

    /** Electrons per second per square arc-second from a sky of {@code magPerArcsec2} through {@code apertureMm}. */
    public static double skyElectronsPerSecondPerArcsec2(double magPerArcsec2, double apertureMm) {
        return starElectronsPerSecond(magPerArcsec2, apertureMm);
    }
}
