package org.nocturne.device.sim;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.filterwheel.FilterWheel;
import org.nocturne.device.api.flatpanel.FlatPanel;
import org.nocturne.device.api.focuser.Focuser;
import org.nocturne.device.api.guider.Guider;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.api.power.Switch;
import org.nocturne.device.api.rotator.Rotator;
import org.nocturne.device.api.weather.SafetyMonitor;
import org.nocturne.device.api.weather.Weather;
import org.nocturne.device.contract.CameraContract;
import org.nocturne.device.contract.FilterWheelContract;
import org.nocturne.device.contract.FlatPanelContract;
import org.nocturne.device.contract.FocuserContract;
import org.nocturne.device.contract.GuiderContract;
import org.nocturne.device.contract.MountContract;
import org.nocturne.device.contract.RotatorContract;
import org.nocturne.device.contract.SafetyMonitorContract;
import org.nocturne.device.contract.SwitchContract;
import org.nocturne.device.contract.WeatherContract;

/** Every simulated device kind passes the driver contract suite that every real driver must pass too. */
class SimulatorContractTest {

    /** The Pleiades, high in the east on the test night. */
    static final Equatorial PLEIADES = Equatorial.ofHoursDegrees(3.7914, 24.1051);

    @Nested
    class SimulatedCamera extends CameraContract {
        @Override
        protected Camera newDevice() {
            // A small sensor keeps the suite quick; the renderer's own tests use full-size frames.
            return new SimDevices().make(DeviceKind.CAMERA, Camera.class, Map.of("width", "800", "height", "600"));
        }
    }

    @Nested
    class SimulatedMount extends MountContract {
        @Override
        protected Mount newDevice() {
            return new SimDevices().make(DeviceKind.MOUNT, Mount.class);
        }

        @Override
        protected Equatorial reachableTarget() {
            return PLEIADES;
        }
    }

    @Nested
    class SimulatedFocuser extends FocuserContract {
        @Override
        protected Focuser newDevice() {
            return new SimDevices().make(DeviceKind.FOCUSER, Focuser.class);
        }
    }

    @Nested
    class SimulatedFilterWheel extends FilterWheelContract {
        @Override
        protected FilterWheel newDevice() {
            return new SimDevices().make(DeviceKind.FILTER_WHEEL, FilterWheel.class);
        }
    }

    @Nested
    class SimulatedRotator extends RotatorContract {
        @Override
        protected Rotator newDevice() {
            return new SimDevices().make(DeviceKind.ROTATOR, Rotator.class);
        }
    }

    @Nested
    class SimulatedGuider extends GuiderContract {
        private SimDevices devices;

        @Override
        protected Guider newDevice() {
            devices = new SimDevices();
            return devices.make(DeviceKind.GUIDER, Guider.class);
        }

        @Override
        protected void prepareSky() throws Exception {
            Mount mount = devices.make(DeviceKind.MOUNT, Mount.class);
            await(mount.connect());
            await(mount.unpark());
            await(mount.slew(PLEIADES));
        }
    }

    @Nested
    class SimulatedFlatPanel extends FlatPanelContract {
        @Override
        protected FlatPanel newDevice() {
            return new SimDevices().make(DeviceKind.FLAT_PANEL, FlatPanel.class);
        }
    }

    @Nested
    class SimulatedSwitch extends SwitchContract {
        @Override
        protected Switch newDevice() {
            return new SimDevices().make(DeviceKind.SWITCH, Switch.class);
        }
    }

    @Nested
    class SimulatedWeather extends WeatherContract {
        @Override
        protected Weather newDevice() {
            return new SimDevices().make(DeviceKind.WEATHER, Weather.class);
        }
    }

    @Nested
    class SimulatedSafetyMonitor extends SafetyMonitorContract {
        @Override
        protected SafetyMonitor newDevice() {
            return new SimDevices().make(DeviceKind.SAFETY_MONITOR, SafetyMonitor.class);
        }
    }
}
