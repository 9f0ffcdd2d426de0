package org.nocturne.device.indi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.nocturne.core.sky.ApparentFrame;
import org.nocturne.core.sky.AstroTime;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.core.sky.ObserverSite;
import org.nocturne.core.sky.TopocentricSky;
import org.nocturne.device.api.DeviceContext;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.filterwheel.FilterWheel;
import org.nocturne.device.api.flatpanel.FlatPanel;
import org.nocturne.device.api.focuser.Focuser;
import org.nocturne.device.api.mount.Mount;
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
import org.nocturne.device.contract.WeatherContract;
import org.nocturne.device.indi.protocol.IndiXml;

/** Every INDI device kind passes the driver contract suite against Debian's INDI simulators, on one shared indiserver. */
class IndiContractTest {

    /** A mid-northern site; the mount is sent it on connect. */
    static final ObserverSite SITE = new ObserverSite("Test site", 45, 5, 200);
    static final DeviceContext CONTEXT = new DeviceContext(SITE, 900, 120, 1);

    private static IndiServer server;
    private static final IndiProvider PROVIDER = new IndiProvider();

    @BeforeAll
    static void startServer() throws Exception {
        server = IndiServer.start("indi_simulator_ccd", "indi_simulator_telescope", "indi_simulator_focus", "indi_simulator_wheel",
                "indi_simulator_rotator", "indi_simulator_lightpanel", "indi_simulator_weather");
        // Park the simulated mount near the contract's target rather than at the horizon, so parking and the slews
        // after an unpark are short.
        Map<String, Double> park = new LinkedHashMap<>();
        park.put("PARK_HA", 1.5);
        park.put("PARK_DEC", 80.0);
        server.configure("Telescope Simulator", IndiXml.newNumbers("Telescope Simulator", "TELESCOPE_PARK_POSITION", park));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static <T> T make(DeviceKind kind, Class<T> type, String device) {
        return type.cast(PROVIDER.create(kind, server.settings(device), CONTEXT));
    }

    /**
     * A place an hour west of the meridian at declination 85°, high up at the test site and near the celestial pole,
     * where the simulator points after connecting, so slews are short. West of the meridian the simulator's tube is on
     * the east side of the pier, the side on which it moves the way INDI says: with the tube west of the pier, the
     * 1.9.9 Telescope Simulator moves south on MOTION_NORTH and on TIMED_GUIDE_N (it does not flip its declination axis
     * with the pier side; west and east are right on both sides). The driver sends INDI's sky directions unchanged,
     * as real INDI mount drivers take them.
     */
    static Equatorial nearPoleWestOfMeridian() {
        AstroTime now = AstroTime.of(Instant.now());
        double lst = new TopocentricSky(SITE).localSiderealTimeHours(now);
        return ApparentFrame.toIcrs(Equatorial.ofHoursDegrees((lst - 1 + 24) % 24, 85), now);
    }

    @Nested
    class IndiCameraContract extends CameraContract {
        @Override
        protected Camera newDevice() {
            return make(DeviceKind.CAMERA, Camera.class, "CCD Simulator");
        }
    }

    @Nested
    class IndiMountContract extends MountContract {
        @Override
        protected Mount newDevice() {
            return make(DeviceKind.MOUNT, Mount.class, "Telescope Simulator");
        }

        @Override
        protected Equatorial reachableTarget() {
            return nearPoleWestOfMeridian();
        }
    }

    @Nested
    class IndiFocuserContract extends FocuserContract {
        @Override
        protected Focuser newDevice() {
            return make(DeviceKind.FOCUSER, Focuser.class, "Focuser Simulator");
        }
    }

    @Nested
    class IndiFilterWheelContract extends FilterWheelContract {
        @Override
        protected FilterWheel newDevice() {
            return make(DeviceKind.FILTER_WHEEL, FilterWheel.class, "Filter Simulator");
        }
    }

    @Nested
    class IndiRotatorContract extends RotatorContract {
        @Override
        protected Rotator newDevice() {
            return make(DeviceKind.ROTATOR, Rotator.class, "Rotator Simulator");
        }
    }

    @Nested
    class IndiFlatPanelContract extends FlatPanelContract {
        @Override
        protected FlatPanel newDevice() {
            return make(DeviceKind.FLAT_PANEL, FlatPanel.class, "Light Panel Simulator");
        }
    }

    @Nested
    class IndiWeatherContract extends WeatherContract {
        @Override
        protected Weather newDevice() {
            return make(DeviceKind.WEATHER, Weather.class, "Weather Simulator");
        }
    }

    @Nested
    class IndiSafetyMonitorContract extends SafetyMonitorContract {
        @Override
        protected SafetyMonitor newDevice() {
            return make(DeviceKind.SAFETY_MONITOR, SafetyMonitor.class, "Weather Simulator");
        }
    }
}
