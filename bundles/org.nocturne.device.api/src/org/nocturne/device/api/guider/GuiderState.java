package org.nocturne.device.api.guider;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceState;

/**
 * A guider at one moment.
 *
 * @param activity what it is doing
 * @param rmsRaArcsec RMS error in right ascension over the recent guide steps, arc-seconds; NaN when not guiding
 * @param rmsDecArcsec RMS error in declination, arc-seconds; NaN when not guiding
 * @param lastErrorPixels distance of the star from the lock position at the last step, guide pixels; NaN when none
 */
public record GuiderState(ConnectionState connection, String message, GuiderActivity activity, double rmsRaArcsec,
        double rmsDecArcsec, double lastErrorPixels) implements DeviceState {

    public static GuiderState disconnected() {
        return new GuiderState(ConnectionState.DISCONNECTED, "", GuiderActivity.STOPPED, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Total RMS in arc-seconds. */
    public double rmsTotalArcsec() {
        return Math.hypot(rmsRaArcsec, rmsDecArcsec);
    }
}
