package org.nocturne.device.sim.render;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.api.camera.ExposureRequest.Region;
import org.nocturne.image.ImageType;

/**
 * Everything about one exposure that the sky, the telescope and the camera's settings decide: where the optical axis
 * points, how the sensor is turned, the optics, the exposure, the star size, the sky, the clouds, a flat panel and
 * tracking error. Immutable; start from {@link #light} and change what differs with the {@code with…} methods.
 *
 * <p>The position angle is that of the sensor's +y axis (down the rows as the frame stores them) on the sky, measured
 * from north through east: at 0° north is +y and east is −x, at 90° east is +y and north is +x. The image keeps the
 * sky's own handedness (no mirror), as a straight-through telescope gives it.
 *
 * <p>What reaches the sensor depends on the type: {@link ImageType#LIGHT} and {@link ImageType#SNAPSHOT} see the stars,
 * the sky and the flat illumination (normally 0); {@link ImageType#FLAT} sees only the flat illumination (the panel
 * covers the aperture); {@link ImageType#DARK}, {@link ImageType#DARK_FLAT} and {@link ImageType#BIAS} see no light.
 *
 * @param centre where the optical axis points at mid-exposure, ICRS at J2000
 * @param positionAngleDegrees sky position angle of the sensor's +y axis, degrees from north through east
 * @param focalLengthMm effective focal length, mm
 * @param apertureMm clear aperture diameter, mm
 * @param seconds exposure time, s
 * @param binning square binning factor, 1 for none; binned pixels sum their electrons before they are read
 * @param region the part of the sensor read out, in unbinned sensor pixels, or null for the whole sensor
 * @param imageType light, flat, dark, bias…
 * @param sensorCelsius sensor temperature, °C (sets the dark current)
 * @param starHfrArcsec a star image's half-flux radius from seeing, optics and defocus, arc-seconds (see
 *        {@link FocusModel#hfrArcsec}); tracking smear comes on top
 * @param skyBackgroundMagPerArcsec2 sky brightness, magnitudes per square arc-second (21.5 dark site, 18 city)
 * @param transparency the fraction of star and sky light that the clouds let through, 0 (overcast) to 1 (clear)
 * @param flatElectronsPerPixelPerSecond light of a flat panel at the centre of the field, e⁻/s per unbinned mono pixel
 * @param driftRaArcsec how far the optical axis moves east during the exposure (tracking error), arc-seconds on the sky
 *        (Δα·cos δ); stars trail the opposite way, centred on their mid-exposure place
 * @param driftDecArcsec how far the optical axis moves north during the exposure, arc-seconds
 * @param midExposure the instant of mid-exposure, UTC
 */
public record ExposureScene(Equatorial centre, double positionAngleDegrees, double focalLengthMm, double apertureMm,
        double seconds, int binning, Region region, ImageType imageType, double sensorCelsius, double starHfrArcsec,
        double skyBackgroundMagPerArcsec2, double transparency, double flatElectronsPerPixelPerSecond,
        double driftRaArcsec, double driftDecArcsec, Instant midExposure) {

    /** Sky brightness of {@link #light}: a suburban-rural sky, mag/arcsec². */
    public static final double DEFAULT_SKY_MAG_PER_ARCSEC2 = 20.5;

    /** @throws IllegalArgumentException naming the first component that is missing or out of range */
    public ExposureScene {
        Objects.requireNonNull(centre, "centre");
        Objects.requireNonNull(imageType, "imageType");
        Objects.requireNonNull(midExposure, "midExposure");
        if (!(focalLengthMm > 0) || !(apertureMm > 0) || !Double.isFinite(focalLengthMm) || !Double.isFinite(apertureMm)) {
            throw new IllegalArgumentException("Focal length " + focalLengthMm + " mm and aperture " + apertureMm + " mm must be positive");
        }
        if (!(seconds >= 0) || !Double.isFinite(seconds)) {
            throw new IllegalArgumentException("Exposure " + seconds + " s is not zero or a positive number");
        }
        if (binning < 1) {
            throw new IllegalArgumentException("Binning " + binning + " is less than 1");
        }
        if (!(starHfrArcsec > 0) || !Double.isFinite(starHfrArcsec)) {
            throw new IllegalArgumentException("Star half-flux radius " + starHfrArcsec + "″ is not a positive number");
        }
        if (!(transparency >= 0 && transparency <= 1)) {
            throw new IllegalArgumentException("Transparency " + transparency + " is outside 0 to 1");
        }
        if (!(flatElectronsPerPixelPerSecond >= 0) || !Double.isFinite(flatElectronsPerPixelPerSecond)) {
            throw new IllegalArgumentException("Flat illumination " + flatElectronsPerPixelPerSecond + " e⁻/s is not zero or positive");
        }
        if (!Double.isFinite(positionAngleDegrees) || !Double.isFinite(sensorCelsius) || !Double.isFinite(skyBackgroundMagPerArcsec2)
                || !Double.isFinite(driftRaArcsec) || !Double.isFinite(driftDecArcsec)) {
            throw new IllegalArgumentException("Position angle, temperature, sky brightness and drift must be finite numbers");
        }
    }

    /**
     * A light exposure of the whole sensor, unbinned, with north up (position angle 0), a 0 °C sensor, stars of
     * {@link FocusModel#DEFAULT}'s seeing, a {@value #DEFAULT_SKY_MAG_PER_ARCSEC2} mag/arcsec² clear sky, no flat
     * panel and perfect tracking.
     */
    public static ExposureScene light(Equatorial centre, double focalLengthMm, double apertureMm, double seconds, Instant midExposure) {
        return new ExposureScene(centre, 0, focalLengthMm, apertureMm, seconds, 1, null, ImageType.LIGHT, 0,
                FocusModel.DEFAULT.seeingHfrArcsec(), DEFAULT_SKY_MAG_PER_ARCSEC2, 1, 0, 0, 0, midExposure);
    }

    /** The start of the exposure, UTC. */
    public Instant start() {
        return midExposure.minus(Duration.ofNanos(Math.round(seconds * 0.5e9)));
    }

    /** Focal ratio, focal length over aperture. */
    public double focalRatio() {
        return focalLengthMm / apertureMm;
    }

    /** The angle an unbinned pixel of {@code pixelSizeMicrons} spans on the sky, arc-seconds (206.265·µm/mm). */
    public double pixelScaleArcsec(double pixelSizeMicrons) {
        return Math.toDegrees(pixelSizeMicrons / 1000.0 / focalLengthMm) * 3600.0;
    }

    /** True when stars and sky reach the sensor: light frames and snapshots. */
    public boolean seesSky() {
        return imageType == ImageType.LIGHT || imageType == ImageType.SNAPSHOT;
    }

    /** True when the flat illumination reaches the sensor: light frames, snapshots and flats. */
    public boolean seesFlatIllumination() {
        return seesSky() || imageType == ImageType.FLAT;
    }

    public ExposureScene withCentre(Equatorial value) {
        return new ExposureScene(value, positionAngleDegrees, focalLengthMm, apertureMm, seconds, binning, region, imageType,
                sensorCelsius, starHfrArcsec, skyBackgroundMagPerArcsec2, transparency, flatElectronsPerPixelPerSecond,
                driftRaArcsec, driftDecArcsec, midExposure);
    }

    public ExposureScene withPositionAngle(double degrees) {
        return new ExposureScene(centre, degrees, focalLengthMm, apertureMm, seconds, binning, region, imageType,
                sensorCelsius, starHfrArcsec, skyBackgroundMagPerArcsec2, transparency, flatElectronsPerPixelPerSecond,
                driftRaArcsec, driftDecArcsec, midExposure);
    }

    public ExposureScene withOptics(double newFocalLengthMm, double newApertureMm) {
        return new ExposureScene(centre, positionAngleDegrees, newFocalLengthMm, newApertureMm, seconds, binning, region,
                imageType, sensorCelsius, starHfrArcsec, skyBackgroundMagPerArcsec2, transparency,
                flatElectronsPerPixelPerSecond, driftRaArcsec, driftDecArcsec, midExposure);
    }

    public ExposureScene withSeconds(double value) {
        return new ExposureScene(centre, positionAngleDegrees, focalLengthMm, apertureMm, value, binning, region, imageType,
                sensorCelsius, starHfrArcsec, skyBackgroundMagPerArcsec2, transparency, flatElectronsPerPixelPerSecond,
                driftRaArcsec, driftDecArcsec, midExposure);
    }

    public ExposureScene withBinning(int factor) {
        return new ExposureScene(centre, positionAngleDegrees, focalLengthMm, apertureMm, seconds, factor, region, imageType,
                sensorCelsius, starHfrArcsec, skyBackgroundMagPerArcsec2, transparency, flatElectronsPerPixelPerSecond,
                driftRaArcsec, driftDecArcsec, midExposure);
    }

    /** A region of the sensor in unbinned pixels, or null for the whole sensor. */
    public ExposureScene withRegion(Region value) {
        return new ExposureScene(centre, positionAngleDegrees, focalLengthMm, apertureMm, seconds, binning, value, imageType,
                sensorCelsius, starHfrArcsec, skyBackgroundMagPerArcsec2, transparency, flatElectronsPerPixelPerSecond,
                driftRaArcsec, driftDecArcsec, midExposure);
    }

    public ExposureScene withImageType(ImageType value) {
        return new ExposureScene(centre, positionAngleDegrees, focalLengthMm, apertureMm, seconds, binning, region, value,
                sensorCelsius, starHfrArcsec, skyBackgroundMagPerArcsec2, transparency, flatElectronsPerPixelPerSecond,
                driftRaArcsec, driftDecArcsec, midExposure);
    }

    public ExposureScene withSensorCelsius(double value) {
        return new ExposureScene(centre, positionAngleDegrees, focalLengthMm, apertureMm, seconds, binning, region, imageType,
                value, starHfrArcsec, skyBackgroundMagPerArcsec2, transparency, flatElectronsPerPixelPerSecond,
                driftRaArcsec, driftDecArcsec, midExposure);
    }

    public ExposureScene withStarHfrArcsec(double value) {
        return new ExposureScene(centre, positionAngleDegrees, focalLengthMm, apertureMm, seconds, binning, region, imageType,
                sensorCelsius, value, skyBackgroundMagPerArcsec2, transparency, flatElectronsPerPixelPerSecond,
                driftRaArcsec, driftDecArcsec, midExposure);
    }

    public ExposureScene withSkyBackground(double magPerArcsec2) {
        return new ExposureScene(centre, positionAngleDegrees, focalLengthMm, apertureMm, seconds, binning, region, imageType,
                sensorCelsius, starHfrArcsec, magPerArcsec2, transparency, flatElectronsPerPixelPerSecond,
                driftRaArcsec, driftDecArcsec, midExposure);
    }

    public ExposureScene withTransparency(double value) {
        return new ExposureScene(centre, positionAngleDegrees, focalLengthMm, apertureMm, seconds, binning, region, imageType,
                sensorCelsius, starHfrArcsec, skyBackgroundMagPerArcsec2, value, flatElectronsPerPixelPerSecond,
                driftRaArcsec, driftDecArcsec, midExposure);
    }

    /** Flat panel light at the centre of the field, e⁻/s per unbinned mono pixel. */
    public ExposureScene withFlatIllumination(double electronsPerPixelPerSecond) {
        return new ExposureScene(centre, positionAngleDegrees, focalLengthMm, apertureMm, seconds, binning, region, imageType,
                sensorCelsius, starHfrArcsec, skyBackgroundMagPerArcsec2, transparency, electronsPerPixelPerSecond,
                driftRaArcsec, driftDecArcsec, midExposure);
    }

    /** The optical axis's motion over the exposure: east (Δα·cos δ) and north, arc-seconds. */
    public ExposureScene withDrift(double raArcsec, double decArcsec) {
        return new ExposureScene(centre, positionAngleDegrees, focalLengthMm, apertureMm, seconds, binning, region, imageType,
                sensorCelsius, starHfrArcsec, skyBackgroundMagPerArcsec2, transparency, flatElectronsPerPixelPerSecond,
                raArcsec, decArcsec, midExposure);
    }

    public ExposureScene withMidExposure(Instant value) {
        return new ExposureScene(centre, positionAngleDegrees, focalLengthMm, apertureMm, seconds, binning, region, imageType,
                sensorCelsius, starHfrArcsec, skyBackgroundMagPerArcsec2, transparency, flatElectronsPerPixelPerSecond,
                driftRaArcsec, driftDecArcsec, value);
    }
}
