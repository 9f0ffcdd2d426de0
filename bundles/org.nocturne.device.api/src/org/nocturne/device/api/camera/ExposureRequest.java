package org.nocturne.device.api.camera;

import org.nocturne.image.ImageType;

/**
 * One exposure as asked for.
 *
 * @param seconds exposure time
 * @param type light, dark, bias or flat (a dark or bias keeps the shutter closed where there is one)
 * @param gain gain, or null for the camera's current value
 * @param offset offset, or null for the camera's current value
 * @param binning square binning factor, 1 for none
 * @param region region of interest in unbinned pixels, or null for the full sensor
 * @param readoutMode index into {@link CameraCapabilities#readoutModes()}
 */
public record ExposureRequest(double seconds, ImageType type, Integer gain, Integer offset, int binning, Region region,
        int readoutMode) {

    /** A full-frame light exposure at the camera's current gain and offset, unbinned. */
    public static ExposureRequest light(double seconds) {
        return new ExposureRequest(seconds, ImageType.LIGHT, null, null, 1, null, 0);
    }

    public ExposureRequest withType(ImageType imageType) {
        return new ExposureRequest(seconds, imageType, gain, offset, binning, region, readoutMode);
    }

    public ExposureRequest withGain(Integer value) {
        return new ExposureRequest(seconds, type, value, offset, binning, region, readoutMode);
    }

    public ExposureRequest withBinning(int factor) {
        return new ExposureRequest(seconds, type, gain, offset, factor, region, readoutMode);
    }

    public ExposureRequest withRegion(Region roi) {
        return new ExposureRequest(seconds, type, gain, offset, binning, roi, readoutMode);
    }

    /**
     * Checks the request against what the camera can do.
     *
     * @throws IllegalArgumentException naming the first field that is out of range
     */
    public void check(CameraCapabilities camera) {
        if (!(seconds >= camera.minExposureSeconds() && seconds <= camera.maxExposureSeconds())) {
            throw new IllegalArgumentException("Exposure " + seconds + " s is outside " + camera.minExposureSeconds() + " s to "
                    + camera.maxExposureSeconds() + " s");
        }
        if (binning < 1 || binning > camera.maxBinning()) {
            throw new IllegalArgumentException("Binning " + binning + " is outside 1 to " + camera.maxBinning());
        }
        if (gain != null && (camera.gainRange() == null || !camera.gainRange().contains(gain))) {
            throw new IllegalArgumentException("Gain " + gain + " is outside " + describe(camera.gainRange()));
        }
        if (offset != null && (camera.offsetRange() == null || !camera.offsetRange().contains(offset))) {
            throw new IllegalArgumentException("Offset " + offset + " is outside " + describe(camera.offsetRange()));
        }
        if (readoutMode < 0 || readoutMode >= camera.readoutModes().size()) {
            throw new IllegalArgumentException("Readout mode " + readoutMode + " is outside 0 to " + (camera.readoutModes().size() - 1));
        }
        if (region != null) {
            if (!camera.canSubframe()) {
                throw new IllegalArgumentException("This camera cannot read a region of interest");
            }
            if (region.x() < 0 || region.y() < 0 || region.width() < 1 || region.height() < 1
                    || region.x() + region.width() > camera.width() || region.y() + region.height() > camera.height()) {
                throw new IllegalArgumentException("Region " + region + " is not inside the " + camera.width() + "×" + camera.height() + " sensor");
            }
        }
    }

    private static String describe(CameraCapabilities.IntRange range) {
        return range == null ? "what this camera allows (it has no such setting)" : range.min() + " to " + range.max();
    }

    /** A rectangle of the sensor in unbinned pixels. */
    public record Region(int x, int y, int width, int height) {
    }
}
