package org.nocturne.device.sim;

import java.util.List;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.weather.Weather;
import org.nocturne.device.api.weather.WeatherState;

/** A simulated weather station reading the observatory: temperature, clouds from its transparency, a calm dry night. */
final class SimWeather extends SimDevice<WeatherState> implements Weather {

    static final List<SettingDescriptor> SETTINGS = List.of();


    SimWeather(SimulatedObservatory observatory) {
        super(new DeviceInfo(SimulatorProvider.ID, "Simulated weather station", "Observing conditions of the sky simulator"),
                DeviceKind.WEATHER, WeatherState.disconnected(), observatory);
    }

    @Override
    protected void openConnection() {
        publish(reading(ConnectionState.CONNECTED));
    }

    @Override
    protected void closeConnection() {
        // nothing to release
    }

    @Override
    protected WeatherState withConnection(WeatherState s, ConnectionState connection, String message) {
        return new WeatherState(connection, message, s.temperatureCelsius(), s.humidityPercent(), s.dewPointCelsius(), s.pressureHectopascals(),
                s.cloudCoverPercent(), s.skyQualityMagArcsec2(), s.windSpeedMetresPerSecond(), s.rainRateMillimetresPerHour());
    }

    /** Reads the conditions now; the state follows. */
    public void refresh() {
        command("read", () -> {
            publish(reading(ConnectionState.CONNECTED));
            return null;
        });
    }

    private WeatherState reading(ConnectionState connection) {
        double temperature = observatory.ambientCelsius();
        double humidity = 70;
        // Magnus formula for the dew point.
        double gamma = Math.log(humidity / 100) + 17.62 * temperature / (243.12 + temperature);
        double dewPoint = 243.12 * gamma / (17.62 - gamma);
        return new WeatherState(connection, "", temperature, humidity, dewPoint, 1013.25, (1 - observatory.transparency()) * 100,
                observatory.skyBrightness(), 1.5, 0);
    }
}
