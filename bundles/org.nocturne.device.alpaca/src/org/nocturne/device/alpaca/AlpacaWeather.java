package org.nocturne.device.alpaca;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.weather.Weather;
import org.nocturne.device.api.weather.WeatherState;

/**
 * An Alpaca observing-conditions station. Each reading is its own member; one the station does not measure
 * (NotImplemented) reads NaN, as does one it has no value for yet (ValueNotSet).
 */
final class AlpacaWeather extends AlpacaDevice<WeatherState> implements Weather {

    AlpacaWeather(AlpacaEndpoint endpoint) {
        super(endpoint, DeviceKind.WEATHER, WeatherState.disconnected());
    }

    @Override
    protected void readDevice() {
        // every reading changes; refresh() reads them
    }

    @Override
    protected void refresh() throws InterruptedException {
        double temperature = optionalDouble("temperature");
        double humidity = optionalDouble("humidity");
        double dewPoint = optionalDouble("dewpoint");
        double pressure = optionalDouble("pressure");
        double cloudCover = optionalDouble("cloudcover");
        double skyQuality = optionalDouble("skyquality");
        double windSpeed = optionalDouble("windspeed");
        double rainRate = optionalDouble("rainrate");
        update(s -> new WeatherState(s.connection(), s.message(), temperature, humidity, dewPoint, pressure, cloudCover, skyQuality, windSpeed,
                rainRate));
    }

    @Override
    protected WeatherState withConnection(WeatherState s, ConnectionState connection, String message) {
        return new WeatherState(connection, message, s.temperatureCelsius(), s.humidityPercent(), s.dewPointCelsius(), s.pressureHectopascals(),
                s.cloudCoverPercent(), s.skyQualityMagArcsec2(), s.windSpeedMetresPerSecond(), s.rainRateMillimetresPerHour());
    }
}
