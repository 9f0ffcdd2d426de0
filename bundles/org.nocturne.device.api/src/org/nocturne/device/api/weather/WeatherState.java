package org.nocturne.device.api.weather;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceState;

/**
 * Observing conditions at one moment; NaN for what the station does not measure.
 *
 * @param temperatureCelsius ambient temperature
 * @param humidityPercent relative humidity
 * @param dewPointCelsius dew point
 * @param pressureHectopascals air pressure
 * @param cloudCoverPercent cloud cover
 * @param skyQualityMagArcsec2 sky brightness
 * @param windSpeedMetresPerSecond wind speed
 * @param rainRateMillimetresPerHour rain
 */
public record WeatherState(ConnectionState connection, String message, double temperatureCelsius, double humidityPercent,
        double dewPointCelsius, double pressureHectopascals, double cloudCoverPercent, double skyQualityMagArcsec2,
        double windSpeedMetresPerSecond, double rainRateMillimetresPerHour) implements DeviceState {

    public static WeatherState disconnected() {
        return new WeatherState(ConnectionState.DISCONNECTED, "", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN);
    }
}
