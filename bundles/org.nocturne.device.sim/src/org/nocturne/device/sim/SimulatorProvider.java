package org.nocturne.device.sim;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceContext;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceProvider;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.support.SettingValues;

/**
 * The sky simulator as a driver family, registered as a Declarative Services component
 * ({@code OSGI-INF/org.nocturne.device.sim.SimulatorProvider.xml}). Devices made for the same {@link DeviceContext}
 * (one equipment profile) share one {@link SimulatedObservatory}, so the camera sees where the mount points, through
 * the focuser's focus and the filter in the wheel. Thread-safe.
 */
public final class SimulatorProvider implements DeviceProvider {

    public static final String ID = "org.nocturne.device.sim";

    private final Map<DeviceContext, SimulatedObservatory> observatories = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Sky simulator";
    }

    @Override
    public Set<DeviceKind> kinds() {
        return EnumSet.allOf(DeviceKind.class);
    }

    @Override
    public List<SettingDescriptor> settings(DeviceKind kind) {
        return switch (kind) {
            case CAMERA -> SimCamera.SETTINGS;
            case MOUNT -> SimMount.SETTINGS;
            case FOCUSER -> SimFocuser.SETTINGS;
            case FILTER_WHEEL -> SimFilterWheel.SETTINGS;
            case ROTATOR -> SimRotator.SETTINGS;
            case GUIDER -> SimGuider.SETTINGS;
            case FLAT_PANEL -> SimFlatPanel.SETTINGS;
            case SWITCH -> SimSwitch.SETTINGS;
            case WEATHER -> SimWeather.SETTINGS;
            case SAFETY_MONITOR -> SimSafetyMonitor.SETTINGS;
        };
    }

    @Override
    public Device<?> create(DeviceKind kind, Map<String, String> settings, DeviceContext context) {
        SettingValues values = SettingValues.of(settings(kind), settings);
        SimulatedObservatory observatory = observatory(context);
        long seed = context.seed() * 31 + kind.ordinal();
        return switch (kind) {
            case CAMERA -> new SimCamera(observatory, values, StarCatalog::bundled, seed);
            case MOUNT -> new SimMount(observatory, values, seed);
            case FOCUSER -> new SimFocuser(observatory, values);
            case FILTER_WHEEL -> new SimFilterWheel(observatory, values);
            case ROTATOR -> new SimRotator(observatory, values);
            case GUIDER -> new SimGuider(observatory, values, seed);
            case FLAT_PANEL -> new SimFlatPanel(observatory, values);
            case SWITCH -> new SimSwitch(observatory);
            case WEATHER -> new SimWeather(observatory);
            case SAFETY_MONITOR -> new SimSafetyMonitor(observatory, values);
        };
    }

    /**
     * The observatory the devices of a profile share, made on first use, starting now in real time. Tests and the
     * Setup perspective use it to speed time up, draw clouds or read the truth.
     */
    public SimulatedObservatory observatory(DeviceContext context) {
        return observatories.computeIfAbsent(context, c -> new SimulatedObservatory(c, Instant.now(), 1.0));
    }

    /** Uses a prepared observatory (another start time or time scale) for the devices of {@code context}. */
    public void adopt(DeviceContext context, SimulatedObservatory observatory) {
        observatories.put(context, observatory);
    }

    /** Forgets a profile's observatory, so that its devices made next start from a fresh sky. */
    public void forget(DeviceContext context) {
        observatories.remove(context);
    }
}
