package org.nocturne.device.alpaca;

import java.util.HashMap;
import java.util.Map;

import org.nocturne.core.sky.ObserverSite;
import org.nocturne.device.alpaca.server.AlpacaTestServer;
import org.nocturne.device.alpaca.server.TestTelescope;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceContext;
import org.nocturne.device.api.DeviceKind;

/** Alpaca devices of a provider, pointed at a test server. */
final class TestBench {

    static final DeviceContext CONTEXT = new DeviceContext(
            new ObserverSite("Test site", TestTelescope.LATITUDE, TestTelescope.LONGITUDE, 500), 400, 80, 1);

    private TestBench() {
    }

    /** A device of {@code kind} on the server, with a short request timeout so that failures show quickly. */
    static <D extends Device<?>> D make(AlpacaTestServer server, DeviceKind kind, Class<D> type) {
        return make(server.port(), kind, type, Map.of());
    }

    static <D extends Device<?>> D make(int port, DeviceKind kind, Class<D> type, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("host", "127.0.0.1", "port", String.valueOf(port), "timeoutSeconds", "3"));
        settings.putAll(extra);
        return type.cast(new AlpacaProvider().create(kind, settings, CONTEXT));
    }
}
