package org.nocturne.device.api.weather;

import org.nocturne.device.api.Device;

/** An observing-conditions station; its readings are in its state. */
public interface Weather extends Device<WeatherState> {
}
