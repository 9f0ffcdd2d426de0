package org.nocturne.device.indi;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.weather.SafetyMonitor;
import org.nocturne.device.api.weather.SafetyState;
import org.nocturne.device.indi.protocol.IndiProperty;
import org.nocturne.device.indi.protocol.PropertyState;

/**
 * An INDI safety verdict: the state of SAFETY_STATUS when the driver has it, else of WEATHER_STATUS (an INDI weather
 * driver sets that vector Ok when every critical reading is in range, Busy on a warning, Alert when out of range).
 * Safe only on Ok.
 */
final class IndiSafetyMonitor extends IndiDevice<SafetyState> implements SafetyMonitor {

    IndiSafetyMonitor(IndiSettings settings) {
        super(DeviceKind.SAFETY_MONITOR, settings, SafetyState.disconnected());
    }

    @Override
    protected boolean ready() {
        return verdict() != null;
    }

    @Override
    protected void prepare() {
        // the verdict is all in the state
    }

    @Override
    protected SafetyState snapshot(ConnectionState connection, String message) {
        IndiProperty verdict = verdict();
        return new SafetyState(connection, message, connection.isConnected() && verdict != null && verdict.state() == PropertyState.OK);
    }

    private IndiProperty verdict() {
        IndiProperty safety = property("SAFETY_STATUS");
        return safety != null ? safety : property("WEATHER_STATUS");
    }
}
