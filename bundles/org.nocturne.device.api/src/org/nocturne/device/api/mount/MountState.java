package org.nocturne.device.api.mount;

import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceState;
import org.nocturne.image.PierSide;

/**
 * A mount at one moment, as the mount reports it (after any sync).
 *
 * @param position where the mount says it points, ICRS; null when unknown
 * @param altitudeDegrees observed altitude of that position, NaN when unknown
 * @param azimuthDegrees observed azimuth, NaN when unknown
 * @param hourAngleHours local hour angle, negative east of the meridian, NaN when unknown
 * @param pierSide which side of the pier the tube is on, null for a fork or when unknown
 * @param activity what it is doing
 * @param trackingRate the rate while tracking, null when not tracking
 */
public record MountState(ConnectionState connection, String message, Equatorial position, double altitudeDegrees,
        double azimuthDegrees, double hourAngleHours, PierSide pierSide, MountActivity activity, TrackingRate trackingRate)
        implements DeviceState {

    public static MountState disconnected() {
        return new MountState(ConnectionState.DISCONNECTED, "", null, Double.NaN, Double.NaN, Double.NaN, null, MountActivity.STOPPED, null);
    }

    /** Clock hours until the position crosses the meridian (0 on it), NaN when unknown; decides the meridian flip. */
    public double hoursToMeridian() {
        if (Double.isNaN(hourAngleHours)) {
            return Double.NaN;
        }
        double sidereal = hourAngleHours <= 0 ? -hourAngleHours : 24.0 - hourAngleHours;
        return sidereal / 1.00273790935;
    }
}
