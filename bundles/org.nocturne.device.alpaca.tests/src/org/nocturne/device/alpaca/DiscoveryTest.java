package org.nocturne.device.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.device.alpaca.server.AlpacaTestServer;
import org.nocturne.device.alpaca.server.DiscoveryResponder;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.Discovered;
import org.nocturne.device.api.SettingDescriptor;

/**
 * Setup's Find: Alpaca discovery over UDP (on an ephemeral port here) finds the server and lists its configured
 * devices of the kind asked for; the server typed in the settings is asked directly too, for networks that block
 * broadcasts.
 */
class DiscoveryTest {

    private AlpacaTestServer server;
    private DiscoveryResponder responder;

    @BeforeEach
    void start() throws Exception {
        server = AlpacaTestServer.start();
        responder = new DiscoveryResponder(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        responder.close();
        server.close();
    }

    @Test
    void broadcastFindsTheServerAndItsDevicesOfTheKind() throws Exception {
        AlpacaProvider provider = new AlpacaProvider(responder.port());
        List<Discovered> cameras = provider.discover(DeviceKind.CAMERA, Map.of("host", "127.0.0.1", "port", String.valueOf(closedPort())))
                .get(30, TimeUnit.SECONDS);
        assertEquals(1, cameras.size(), cameras.toString());
        Discovered camera = cameras.get(0);
        assertEquals("Test camera on 127.0.0.1:" + server.port(), camera.label());
        assertEquals(Map.of("host", "127.0.0.1", "port", String.valueOf(server.port()), "deviceNumber", "0"), camera.settings());
        List<Discovered> wheels = provider.discover(DeviceKind.FILTER_WHEEL, Map.of("host", "127.0.0.1", "port", String.valueOf(closedPort())))
                .get(30, TimeUnit.SECONDS);
        assertEquals("Test filter wheel on 127.0.0.1:" + server.port(), wheels.get(0).label());
    }

    @Test
    void aServerTypedByNameAndFoundByBroadcastIsListedOnceUnderTheTypedName() throws Exception {
        AlpacaProvider provider = new AlpacaProvider(responder.port());
        List<Discovered> cameras = provider.discover(DeviceKind.CAMERA, Map.of("host", "localhost", "port", String.valueOf(server.port())))
                .get(30, TimeUnit.SECONDS);
        assertEquals(List.of(new Discovered("Test camera on localhost:" + server.port(),
                Map.of("host", "localhost", "port", String.valueOf(server.port()), "deviceNumber", "0"))), cameras);
    }

    @Test
    void theTypedServerIsAskedWhereBroadcastsFindNothing() throws Exception {
        int silentUdpPort;
        try (DatagramSocket socket = new DatagramSocket(0)) {
            silentUdpPort = socket.getLocalPort();
        }
        AlpacaProvider provider = new AlpacaProvider(silentUdpPort);
        List<Discovered> mounts = provider.discover(DeviceKind.MOUNT, Map.of("host", "127.0.0.1", "port", String.valueOf(server.port())))
                .get(30, TimeUnit.SECONDS);
        assertEquals(List.of(new Discovered("Test mount on 127.0.0.1:" + server.port(),
                Map.of("host", "127.0.0.1", "port", String.valueOf(server.port()), "deviceNumber", "0"))), mounts);
    }

    @Test
    void findingNoServerAtAllSaysSo() throws Exception {
        int silentUdpPort;
        try (DatagramSocket socket = new DatagramSocket(0)) {
            silentUdpPort = socket.getLocalPort();
        }
        int closed = closedPort();
        java.util.concurrent.ExecutionException failure = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> new AlpacaProvider(silentUdpPort).discover(DeviceKind.CAMERA, Map.of("host", "127.0.0.1", "port", String.valueOf(closed)))
                        .get(30, TimeUnit.SECONDS));
        assertEquals("No Alpaca server answered discovery (UDP port " + silentUdpPort + "), and none answers at 127.0.0.1:" + closed,
                failure.getCause().getMessage());
    }

    @Test
    void theDiscoveryReplyIsParsedStrictly() {
        assertEquals(11111, AlpacaDiscovery.alpacaPort("{\"AlpacaPort\":11111}"));
        assertEquals(null, AlpacaDiscovery.alpacaPort("{\"AlpacaPort\":\"11111\"}"));
        assertEquals(null, AlpacaDiscovery.alpacaPort("{\"AlpacaPort\":70000}"));
        assertEquals(null, AlpacaDiscovery.alpacaPort("alpacadiscovery1"));
    }

    @Test
    void everyKindButTheGuiderHasHostPortDeviceNumberAndTimeout() {
        AlpacaProvider provider = new AlpacaProvider();
        assertEquals("org.nocturne.device.alpaca", provider.id());
        assertEquals("ASCOM Alpaca", provider.name());
        assertTrue(!provider.kinds().contains(DeviceKind.GUIDER) && provider.kinds().size() == DeviceKind.values().length - 1);
        List<SettingDescriptor> settings = provider.settings(DeviceKind.CAMERA);
        assertEquals(List.of("host", "port", "deviceNumber", "timeoutSeconds"), settings.stream().map(SettingDescriptor::key).toList());
        assertEquals(List.of("localhost", "11111", "0", "10"), settings.stream().map(SettingDescriptor::defaultValue).toList());
        assertThrows(IllegalArgumentException.class, () -> provider.create(DeviceKind.CAMERA, Map.of("port", "0"), TestBench.CONTEXT));
        assertThrows(IllegalArgumentException.class, () -> provider.create(DeviceKind.CAMERA, Map.of("colour", "red"), TestBench.CONTEXT));
        assertThrows(IllegalArgumentException.class, () -> provider.create(DeviceKind.CAMERA, Map.of("timeoutSeconds", "0"), TestBench.CONTEXT));
        assertEquals("Alpaca camera 0 on localhost:11111", provider.create(DeviceKind.CAMERA, Map.of(), TestBench.CONTEXT).info().name());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
