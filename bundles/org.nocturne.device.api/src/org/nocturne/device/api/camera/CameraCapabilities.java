package org.nocturne.device.api.camera;

import java.util.List;

import org.nocturne.image.BayerPattern;

/**
 * What a camera can do, declared rather than discovered by failing.
 *
 * @param width sensor width in unbinned pixels
 * @param height sensor height in unbinned pixels
 * @param pixelSizeMicrons unbinned pixel pitch in µm
 * @param bayerPattern the colour filter array, or null for a mono sensor
 * @param maxBinning largest binning factor (square binning 1..max)
 * @param hasCooler true when the sensor can be cooled to a set-point
 * @param gainRange allowed gain, or null when the camera has no gain setting
 * @param offsetRange allowed offset, or null when the camera has no offset setting
 * @param readoutModes names of readout modes, at least one
 * @param canSubframe true when a region of interest can be read
 * @param canAbort true when an exposure can be stopped early
 * @param minExposureSeconds shortest exposure
 * @param maxExposureSeconds longest exposure
 * @param bitDepth bits per pixel of the ADC
 */
public record CameraCapabilities(int width, int height, double pixelSizeMicrons, BayerPattern bayerPattern, int maxBinning,
        boolean hasCooler, IntRange gainRange, IntRange offsetRange, List<String> readoutModes, boolean canSubframe,
        boolean canAbort, double minExposureSeconds, double maxExposureSeconds, int bitDepth) {

    public CameraCapabilities {
        readoutModes = List.copyOf(readoutModes);
    }

    /** An inclusive range of whole numbers. */
    public record IntRange(int min, int max) {
        public boolean contains(int value) {
            return value >= min && value <= max;
        }
    }
}
