package org.nocturne.device.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.device.alpaca.server.AlpacaTestServer;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.filterwheel.FilterWheel;
import org.nocturne.device.api.flatpanel.FlatPanel;
import org.nocturne.device.api.power.Switch;
import org.nocturne.device.api.weather.Weather;

/**
 * What devices declare is read from their members: weather readings (NaN where not measured), switch channels, filters,
 * a cover's error while it lasts.
 */
class DeviceReadingsTest {

    private AlpacaTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = AlpacaTestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void weatherReadingsWithNaNForWhatTheStationDoesNotMeasure() throws Exception {
        Weather weather = TestBench.make(server, DeviceKind.WEATHER, Weather.class);
        weather.connect().get(30, TimeUnit.SECONDS);
        assertEquals(8.5, weather.state().temperatureCelsius());
        assertEquals(72, weather.state().humidityPercent());
        assertEquals(3.7, weather.state().dewPointCelsius());
        assertEquals(1013.2, weather.state().pressureHectopascals());
        assertEquals(20, weather.state().cloudCoverPercent());
        assertEquals(2.5, weather.state().windSpeedMetresPerSecond());
        assertEquals(0, weather.state().rainRateMillimetresPerHour());
        assertTrue(Double.isNaN(weather.state().skyQualityMagArcsec2()), "not measured: NotImplemented");
        weather.disconnect().get(30, TimeUnit.SECONDS);
    }

    @Test
    void switchChannelsWithNamesRangesAndWritability() throws Exception {
        Switch box = TestBench.make(server, DeviceKind.SWITCH, Switch.class);
        box.connect().get(30, TimeUnit.SECONDS);
        assertEquals(List.of(new Switch.Channel("Dew heater 1", 0, 100, true), new Switch.Channel("12 V port 1", 0, 1, true),
                new Switch.Channel("Input voltage", 0, 20, false), new Switch.Channel("Dew heater 2", 0, 100, true)), box.channels());
        assertEquals(List.of(0.0, 0.0, 12.3, 0.0), box.state().values());
        box.set(3, 40).get(30, TimeUnit.SECONDS);
        assertEquals(40, box.state().values().get(3));
        box.disconnect().get(30, TimeUnit.SECONDS);
    }

    @Test
    void filtersWithNamesAndFocusOffsets() throws Exception {
        FilterWheel wheel = TestBench.make(server, DeviceKind.FILTER_WHEEL, FilterWheel.class);
        wheel.connect().get(30, TimeUnit.SECONDS);
        assertEquals(7, wheel.filters().size());
        assertEquals(new FilterWheel.Filter("Ha", -20), wheel.filters().get(4));
        wheel.select(4).get(30, TimeUnit.SECONDS);
        assertEquals(4, wheel.state().slot());
        wheel.disconnect().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aCoverErrorIsShownWhileTheCoverReportsIt() throws Exception {
        FlatPanel panel = TestBench.make(server, DeviceKind.FLAT_PANEL, FlatPanel.class);
        ((AlpacaDevice<?>) panel).pollEvery(Duration.ofMillis(50));
        panel.connect().get(30, TimeUnit.SECONDS);
        assertEquals("", panel.state().message());
        server.coverCalibrator.coverError(true);
        waitUntil(() -> panel.state().message().equals("The cover reports an error"), "the error shows");
        server.coverCalibrator.coverError(false);
        waitUntil(() -> panel.state().message().isEmpty(), "the error clears once the cover no longer reports it");
        panel.disconnect().get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
