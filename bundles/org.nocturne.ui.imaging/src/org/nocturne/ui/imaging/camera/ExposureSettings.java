package org.nocturne.ui.imaging.camera;

import org.nocturne.device.api.camera.ExposureRequest;

/**
 * What the user asked the camera for, read from the part's inputs on the UI thread and then used by any thread.
 *
 * @param seconds exposure time
 * @param gain the gain, or null when the camera has no gain setting
 * @param binning square binning factor, 1 for none
 * @param filterSlot the filter wheel slot to expose through, or −1 to leave the wheel as it is
 */
record ExposureSettings(double seconds, Integer gain, int binning, int filterSlot) {

    /** A full-frame light exposure with these settings. */
    ExposureRequest request() {
        return ExposureRequest.light(seconds).withGain(gain).withBinning(binning);
    }

    /**
     * The exposure time the user typed, in seconds.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    static double seconds(String text) {
        String trimmed = text.strip().replace(',', '.');
        try {
            double seconds = Double.parseDouble(trimmed);
            if (!Double.isFinite(seconds) || seconds < 0) {
                throw new IllegalArgumentException("Exposure \"" + text.strip() + "\" is not a duration: give seconds, such as 2 or 0.5");
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Exposure \"" + text.strip() + "\" is not a number of seconds", e);
        }
    }
}
