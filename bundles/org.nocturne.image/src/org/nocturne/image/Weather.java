package org.nocturne.image;

/**
 * Conditions during the exposure, from weather and sky-quality devices. Components may be null when unknown.
 *
 * @param cloudCover cloud cover in % ({@code CLOUDCVR})
 * @param dewPoint dew point in °C ({@code DEWPOINT})
 * @param humidity relative humidity in % ({@code HUMIDITY})
 * @param pressure air pressure in hPa ({@code PRESSURE})
 * @param skyBrightness sky brightness in lux ({@code SKYBRGHT})
 * @param skyQuality sky quality in mag/arcsec² ({@code MPSAS})
 * @param skyTemperature sky temperature in °C ({@code SKYTEMP})
 * @param starFwhm seeing, star FWHM in arc-seconds ({@code STARFWHM})
 * @param ambientTemperature air temperature in °C ({@code AMBTEMP})
 * @param windDirection wind direction in degrees from north ({@code WINDDIR})
 * @param windGust wind gust in m/s ({@code WINDGUST})
 * @param windSpeed wind speed in m/s ({@code WINDSPD})
 */
public record Weather(Double cloudCover, Double dewPoint, Double humidity, Double pressure, Double skyBrightness,
        Double skyQuality, Double skyTemperature, Double starFwhm, Double ambientTemperature, Double windDirection,
        Double windGust, Double windSpeed) {
}
