package org.nocturne.device.api.camera;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceState;

/**
 * A camera at one moment.
 *
 * @param sensorCelsius sensor temperature, NaN when unknown
 * @param coolerOn true when the cooler is regulating
 * @param setPointCelsius the cooler's set-point, NaN when off
 * @param coolerPowerPercent cooler power 0–100, NaN when unknown
 * @param exposure what the sensor is doing
 * @param exposureProgress fraction of the current exposure done, 0 when idle
 */
public record CameraState(ConnectionState connection, String message, double sensorCelsius, boolean coolerOn,
        double setPointCelsius, double coolerPowerPercent, ExposureStatus exposure, double exposureProgress) implements DeviceState {

    public static CameraState disconnected() {
        return new CameraState(ConnectionState.DISCONNECTED, "", Double.NaN, false, Double.NaN, Double.NaN, ExposureStatus.IDLE, 0);
    }
}
