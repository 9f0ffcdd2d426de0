package org.nocturne.device.alpaca;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceContext;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceProvider;
import org.nocturne.device.api.Discovered;
import org.nocturne.device.api.SettingDescriptor;

/**
 * ASCOM Alpaca devices over HTTP/JSON, registered as a Declarative Services component
 * ({@code OSGI-INF/org.nocturne.device.alpaca.AlpacaProvider.xml}). Every kind but the guider. Thread-safe.
 */
public final class AlpacaProvider implements DeviceProvider {

    public static final String ID = "org.nocturne.device.alpaca";
    private static final Duration DISCOVERY_WINDOW = Duration.ofMillis(1500);

    private final int discoveryPort;

    /** The provider the device registry uses: discovery on the Alpaca port 32227. */
    public AlpacaProvider() {
        this(AlpacaDiscovery.DISCOVERY_PORT);
    }

    /** A provider that broadcasts discovery to another UDP port (tests). */
    public AlpacaProvider(int discoveryPort) {
        this.discoveryPort = discoveryPort;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "ASCOM Alpaca";
    }

    @Override
    public Set<DeviceKind> kinds() {
        return EnumSet.complementOf(EnumSet.of(DeviceKind.GUIDER));
    }

    @Override
    public List<SettingDescriptor> settings(DeviceKind kind) {
        checkKind(kind);
        return AlpacaSettings.DESCRIPTORS;
    }

    @Override
    public Device<?> create(DeviceKind kind, Map<String, String> settings, DeviceContext context) {
        checkKind(kind);
        AlpacaEndpoint endpoint = AlpacaSettings.endpoint(kind, settings);
        return switch (kind) {
            case CAMERA -> new AlpacaCamera(endpoint);
            case MOUNT -> new AlpacaMount(endpoint);
            case FOCUSER -> new AlpacaFocuser(endpoint);
            case FILTER_WHEEL -> new AlpacaFilterWheel(endpoint);
            case ROTATOR -> new AlpacaRotator(endpoint);
            case FLAT_PANEL -> new AlpacaFlatPanel(endpoint);
            case SWITCH -> new AlpacaSwitch(endpoint);
            case WEATHER -> new AlpacaWeather(endpoint);
            case SAFETY_MONITOR -> new AlpacaSafetyMonitor(endpoint);
            case GUIDER -> throw new IllegalArgumentException("Alpaca has no guider devices");
        };
    }

    /**
     * Asks the server in the settings directly (where broadcasts are blocked) and broadcasts Alpaca discovery, then
     * lists the configured devices of {@code kind} on every server that answered, each once: a server answering under
     * several names (the typed "localhost" and a broadcast reply from 127.0.0.1) is asked once, under the typed name,
     * and a device seen again (the same ASCOM UniqueID) is left out. Completes exceptionally, with a message for the
     * user, when the settings are invalid or no Alpaca server answered at all.
     */
    @Override
    public CompletableFuture<List<Discovered>> discover(DeviceKind kind, Map<String, String> settings) {
        AlpacaEndpoint typed;
        try {
            checkKind(kind);
            typed = AlpacaSettings.endpoint(kind, settings);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.supplyAsync(() -> {
            AlpacaDiscovery discovery = new AlpacaDiscovery(discoveryPort, DISCOVERY_WINDOW, Duration.ofSeconds(3));
            Map<String, AlpacaDiscovery.Server> servers = new LinkedHashMap<>();
            AlpacaDiscovery.Server asked = new AlpacaDiscovery.Server(typed.host(), typed.port());
            servers.put(asked.identity(), asked);
            try {
                for (AlpacaDiscovery.Server server : discovery.servers()) {
                    servers.putIfAbsent(server.identity(), server);
                }
            } catch (IOException e) {
                // no network to broadcast on: the typed server is still asked
            }
            Set<Object> seen = new HashSet<>();
            List<Discovered> found = new ArrayList<>();
            int answered = 0;
            for (AlpacaDiscovery.Server server : servers.values()) {
                try {
                    for (AlpacaDiscovery.Listed device : discovery.devices(server, typed.deviceType())) {
                        if (seen.add(device.uniqueId() != null ? device.uniqueId() : device.discovered().settings())) {
                            found.add(device.discovered());
                        }
                    }
                    answered++;
                } catch (AlpacaException e) {
                    // not an Alpaca server after all, or gone: nothing to offer from it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CompletionException(e);
                }
            }
            if (answered == 0) {
                throw new CompletionException(new DeviceException("No Alpaca server answered discovery (UDP port " + discoveryPort
                        + "), and none answers at " + typed.host() + ":" + typed.port()));
            }
            return found;
        }, AlpacaProvider::searchThread);
    }

    /** Runs a search on its own daemon thread: it blocks on the network for a couple of seconds. */
    private static void searchThread(Runnable search) {
        Thread thread = new Thread(search, "Nocturne Alpaca discovery");
        thread.setDaemon(true);
        thread.start();
    }

    private static void checkKind(DeviceKind kind) {
        if (kind == DeviceKind.GUIDER) {
            throw new IllegalArgumentException("Alpaca has no guider devices");
        }
    }
}
