package org.nocturne.device.alpaca;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.nocturne.core.sky.ApparentFrame;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.alpaca.server.AlpacaTestServer;
import org.nocturne.device.alpaca.server.TestTelescope;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.filterwheel.FilterWheel;
import org.nocturne.device.api.flatpanel.FlatPanel;
import org.nocturne.device.api.focuser.Focuser;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.api.power.Switch;
import org.nocturne.device.api.rotator.Rotator;
import org.nocturne.device.api.weather.SafetyMonitor;
import org.nocturne.device.api.weather.Weather;
import org.nocturne.device.contract.CameraContract;
import org.nocturne.device.contract.FilterWheelContract;
import org.nocturne.device.contract.FlatPanelContract;
import org.nocturne.device.contract.FocuserContract;
import org.nocturne.device.contract.MountContract;
import org.nocturne.device.contract.RotatorContract;
import org.nocturne.device.contract.SafetyMonitorContract;
import org.nocturne.device.contract.SwitchContract;
import org.nocturne.device.contract.WeatherContract;

/** Every Alpaca device kind passes the driver contract suite against the protocol-faithful test server. */
class AlpacaContractTest {

    private AlpacaTestServer server;

    private <D extends org.nocturne.device.api.Device<?>> D device(DeviceKind kind, Class<D> type) throws Exception {
        server = AlpacaTestServer.start();
        return TestBench.make(server, kind, type);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Nested
    class AlpacaCamera extends CameraContract {
        @Override
        protected Camera newDevice() throws Exception {
            return device(DeviceKind.CAMERA, Camera.class);
        }
    }

    @Nested
    class AlpacaMount extends MountContract {
        @Override
        protected Mount newDevice() throws Exception {
            return device(DeviceKind.MOUNT, Mount.class);
        }

        /** 40° from the pole on the meridian now: high at the test site, whatever the time of day. */
        @Override
        protected Equatorial reachableTarget() {
            Equatorial apparent = Equatorial.ofHoursDegrees(TestTelescope.siderealTime(), 50);
            return ApparentFrame.toIcrs(apparent, AstroTime.of(java.time.Instant.now()));
        }
    }

    @Nested
    class AlpacaFocuser extends FocuserContract {
        @Override
        protected Focuser newDevice() throws Exception {
            return device(DeviceKind.FOCUSER, Focuser.class);
        }
    }

    @Nested
    class AlpacaFilterWheel extends FilterWheelContract {
        @Override
        protected FilterWheel newDevice() throws Exception {
            return device(DeviceKind.FILTER_WHEEL, FilterWheel.class);
        }
    }

    @Nested
    class AlpacaRotator extends RotatorContract {
        @Override
        protected Rotator newDevice() throws Exception {
            return device(DeviceKind.ROTATOR, Rotator.class);
        }
    }

    @Nested
    class AlpacaFlatPanel extends FlatPanelContract {
        @Override
        protected FlatPanel newDevice() throws Exception {
            return device(DeviceKind.FLAT_PANEL, FlatPanel.class);
        }
    }

    @Nested
    class AlpacaSwitch extends SwitchContract {
        @Override
        protected Switch newDevice() throws Exception {
            return device(DeviceKind.SWITCH, Switch.class);
        }
    }

    @Nested
    class AlpacaWeather extends WeatherContract {
        @Override
        protected Weather newDevice() throws Exception {
            return device(DeviceKind.WEATHER, Weather.class);
        }
    }

    @Nested
    class AlpacaSafetyMonitor extends SafetyMonitorContract {
        @Override
        protected SafetyMonitor newDevice() throws Exception {
            return device(DeviceKind.SAFETY_MONITOR, SafetyMonitor.class);
        }
    }
}
