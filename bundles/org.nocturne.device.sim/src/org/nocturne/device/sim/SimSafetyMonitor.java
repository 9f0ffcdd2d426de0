package org.nocturne.device.sim;

import java.util.List;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.SettingDescriptor.Type;
import org.nocturne.device.api.support.SettingValues;
import org.nocturne.device.api.weather.SafetyMonitor;
import org.nocturne.device.api.weather.SafetyState;

/** A simulated safety monitor: unsafe when the clouds cut the light below a threshold. */
final class SimSafetyMonitor extends SimDevice<SafetyState> implements SafetyMonitor {

    static final List<SettingDescriptor> SETTINGS = List.of(
            SettingDescriptor.of("minimumTransparency", "Unsafe below transparency", Type.DECIMAL, "0.3", "", "0 = overcast, 1 = clear"));

    private final double threshold;

    SimSafetyMonitor(SimulatedObservatory observatory, SettingValues settings) {
        super(new DeviceInfo(SimulatorProvider.ID, "Simulated safety monitor", "Cloud-based safety of the sky simulator"),
                DeviceKind.SAFETY_MONITOR, SafetyState.disconnected(), observatory);
        this.threshold = settings.decimal("minimumTransparency");
    }

    @Override
    protected void openConnection() {
        publish(verdict(ConnectionState.CONNECTED));
    }

    @Override
    protected void closeConnection() {
        // nothing to release
    }

    @Override
    protected SafetyState withConnection(SafetyState s, ConnectionState connection, String message) {
        return new SafetyState(connection, message, s.safe());
    }

    /** Reads the sky now; the state follows. */
    public void refresh() {
        command("read", () -> {
            publish(verdict(ConnectionState.CONNECTED));
            return null;
        });
    }

    private SafetyState verdict(ConnectionState connection) {
        boolean safe = observatory.transparency() >= threshold;
        return new SafetyState(connection, safe ? "" : "Clouds: transparency " + observatory.transparency(), safe);
    }
}
