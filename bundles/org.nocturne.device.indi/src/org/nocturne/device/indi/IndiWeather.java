package org.nocturne.device.indi;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.weather.Weather;
import org.nocturne.device.api.weather.WeatherState;
import org.nocturne.device.indi.protocol.IndiProperty;

/**
 * An INDI weather station's readings from WEATHER_PARAMETERS, in the units INDI weather drivers use: °C, %, hPa,
 * wind in km/h (converted to m/s), rain in mm/h; sky quality from an SQM reading (SKY_QUALITY) when the driver has one.
 */
final class IndiWeather extends IndiDevice<WeatherState> implements Weather {

    IndiWeather(IndiSettings settings) {
        super(DeviceKind.WEATHER, settings, WeatherState.disconnected());
    }

    @Override
    protected boolean ready() {
        return property("WEATHER_PARAMETERS") != null;
    }

    @Override
    protected void prepare() {
        // the readings are all in the state
    }

    @Override
    protected WeatherState snapshot(ConnectionState connection, String message) {
        IndiProperty readings = property("WEATHER_PARAMETERS");
        IndiProperty sqm = property("SKY_QUALITY");
        if (readings == null) {
            return new WeatherState(connection, message, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        return new WeatherState(connection, message, readings.number("WEATHER_TEMPERATURE"),
                readings.number("WEATHER_HUMIDITY"), readings.number("WEATHER_DEWPOINT"), readings.number("WEATHER_PRESSURE"),
                readings.number("WEATHER_CLOUD_COVER"), sqm == null ? Double.NaN : sqm.number("SKY_BRIGHTNESS"),
                readings.number("WEATHER_WIND_SPEED") / 3.6, readings.number("WEATHER_RAIN_HOUR"));
    }
}
