package org.nocturne.device.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.weather.Weather;
import org.nocturne.device.api.weather.WeatherState;

/** The weather contract: once connected, the state carries at least one reading. */
public abstract class WeatherContract extends DeviceContract<Weather> {

    @Override
    protected CompletableFuture<?> anyCommand() {
        return null;
    }

    @Test
    void reportsConditionsOnceConnected() throws Exception {
        await(device.connect());
        WeatherState state = device.state();
        assertTrue(Double.isFinite(state.temperatureCelsius()) || Double.isFinite(state.cloudCoverPercent())
                || Double.isFinite(state.humidityPercent()), "some reading: " + state);
    }
}
