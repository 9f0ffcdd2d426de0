package org.nocturne.device.alpaca;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.weather.SafetyMonitor;
import org.nocturne.device.api.weather.SafetyState;

/** An Alpaca safety monitor: {@code issafe}, polled. Unsafe whenever not connected, as an unknown verdict is. */
final class AlpacaSafetyMonitor extends AlpacaDevice<SafetyState> implements SafetyMonitor {

    AlpacaSafetyMonitor(AlpacaEndpoint endpoint) {
        super(endpoint, DeviceKind.SAFETY_MONITOR, SafetyState.disconnected());
    }

    @Override
    protected void readDevice() {
        // the verdict is all there is; refresh() reads it
    }

    @Override
    protected void refresh() throws InterruptedException {
        boolean safe = alpaca().getBoolean("issafe");
        update(s -> new SafetyState(s.connection(), s.message(), safe));
    }

    @Override
    protected SafetyState withConnection(SafetyState s, ConnectionState connection, String message) {
        return new SafetyState(connection, message, connection.isConnected() && s.safe());
    }
}
