package org.nocturne.device.sim.render;

import org.nocturne.image.BayerPattern;

/**
 * A camera's sensor as the simulator models it. Immutable. Pixel coordinates on the sensor are unbinned, 0-based, with
 * the centre of the first pixel of the first row read out at (0, 0), x along the row and y down the rows (the order
 * the frame stores them); the optical axis falls on the centre of the sensor.
 *
 * <p>Electrons become output values as {@code ADU = bias + electrons / gain}, rounded and clipped to 0–{@value #MAX_ADU}.
 * Each unbinned pixel holds at most {@code fullWellElectrons}. Dark current doubles every
 * {@value #DARK_DOUBLING_CELSIUS} °C. A one-shot-colour sensor's pixels each see a fraction of the broadband light
 * through their colour filter, {@link #filterTransmission}.
 *
 * @param width sensor width, unbinned pixels
 * @param height sensor height, unbinned pixels
 * @param pixelSizeMicrons pixel pitch, µm
 * @param bayerPattern the colour filter array as read out from the sensor's first pixel, or null for mono
 * @param gainElectronsPerAdu conversion gain, e⁻/ADU
 * @param biasAdu the output value of a pixel with no charge, ADU
 * @param readNoiseElectrons read noise per read-out pixel, e⁻ RMS
 * @param darkCurrentElectronsPerSecondAt0C mean dark current at a sensor temperature of 0 °C, e⁻/s per pixel
 * @param hotPixelFraction the fraction of pixels that are hot (their dark current 50 to 5000 times the mean), 0 to 0.1
 * @param fullWellElectrons the charge a pixel holds before it saturates, e⁻
 */
public record SensorModel(int width, int height, double pixelSizeMicrons, BayerPattern bayerPattern,
        double gainElectronsPerAdu, double biasAdu, double readNoiseElectrons, double darkCurrentElectronsPerSecondAt0C,
        double hotPixelFraction, double fullWellElectrons) {

    /** The largest output value: 16-bit read-out. */
    public static final int MAX_ADU = 65535;

    /** Dark current doubles for every this many degrees Celsius. */
    public static final double DARK_DOUBLING_CELSIUS = 6.0;

    /** @throws IllegalArgumentException naming the first component that is out of range */
    public SensorModel {
        if (width < 1 || height < 1 || (long) width * height > 150_000_000L) {
            throw new IllegalArgumentException("Sensor size " + width + "×" + height + " is not between 1×1 and 150 megapixels");
        }
        requirePositive(pixelSizeMicrons, "Pixel size", "µm");
        requirePositive(gainElectronsPerAdu, "Gain", "e⁻/ADU");
        requirePositive(fullWellElectrons, "Full well", "e⁻");
        requireNonNegative(biasAdu, "Bias", "ADU");
        requireNonNegative(readNoiseElectrons, "Read noise", "e⁻");
        requireNonNegative(darkCurrentElectronsPerSecondAt0C, "Dark current", "e⁻/s");
        if (!(hotPixelFraction >= 0 && hotPixelFraction <= 0.1)) {
            throw new IllegalArgumentException("Hot pixel fraction " + hotPixelFraction + " is outside 0 to 0.1");
        }
    }

    /** The mean dark current at a sensor temperature of {@code celsius}, e⁻/s per pixel. */
    public double darkCurrentAt(double celsius) {
        return darkCurrentElectronsPerSecondAt0C * Math.pow(2, celsius / DARK_DOUBLING_CELSIUS);
    }

    /** True for a one-shot-colour sensor. */
    public boolean isColour() {
        return bayerPattern != null;
    }

    /**
     * The fraction of the broadband light that a pixel under a filter of {@code channel} turns into electrons,
     * relative to a mono pixel: red 0.35, green 0.40, blue 0.30 (white light through a typical colour sensor's dyes).
     */
    public static double filterTransmission(BayerPattern.Channel channel) {
        return switch (channel) {
            case RED -> 0.35;
            case GREEN -> 0.40;
            case BLUE -> 0.30;
        };
    }

    private static void requirePositive(double value, String what, String unit) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " " + value + " " + unit + " is not a positive number");
        }
    }

    private static void requireNonNegative(double value, String what, String unit) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " " + value + " " + unit + " is not zero or a positive number");
        }
    }
}
