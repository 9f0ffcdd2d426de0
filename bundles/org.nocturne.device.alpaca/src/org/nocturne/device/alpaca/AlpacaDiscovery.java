package org.nocturne.device.alpaca;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.nocturne.device.api.Discovered;

/**
 * Finds Alpaca servers and their devices: the ASCII {@code alpacadiscovery1} broadcast to the discovery port (to every
 * interface's broadcast address, the limited broadcast address and the loopback address), the {@code AlpacaPort}
 * replies collected for a while, then each server's {@code /management/v1/configureddevices}. Blocking; run it off the
 * caller's thread.
 */
final class AlpacaDiscovery {

    /** The Alpaca discovery port. */
    static final int DISCOVERY_PORT = 32227;
    private static final byte[] QUESTION = "alpacadiscovery1".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int discoveryPort;
    private final Duration window;
    private final Duration requestTimeout;

    AlpacaDiscovery(int discoveryPort, Duration window, Duration requestTimeout) {
        this.discoveryPort = discoveryPort;
        this.window = window;
        this.requestTimeout = requestTimeout;
    }

    /** A server that answered: where its HTTP API is. */
    record Server(String host, int port) {

        /**
         * What is the same for every name of this server: its address (resolved from a host name; the name itself
         * when it does not resolve) and port. "localhost" and a broadcast reply from 127.0.0.1 are one server.
         */
        String identity() {
            try {
                return InetAddress.getByName(host).getHostAddress() + ":" + port;
            } catch (IOException e) {
                return host + ":" + port;
            }
        }
    }

    /** A device a server lists: the settings that choose it, and its ASCOM UniqueID where the server gives one. */
    record Listed(Discovered discovered, String uniqueId) {
    }

    /** Broadcasts and collects the servers that answer within the window. */
    List<Server> servers() throws IOException {
        Set<Server> found = new LinkedHashSet<>();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setBroadcast(true);
            for (InetAddress target : targets()) {
                try {
                    socket.send(new DatagramPacket(QUESTION, QUESTION.length, target, discoveryPort));
                } catch (IOException e) {
                    // an interface that cannot send (no route, broadcast forbidden): the others may
                }
            }
            long deadline = System.nanoTime() + window.toNanos();
            byte[] buffer = new byte[1024];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) left);
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException e) {
                    break;
                }
                Integer port = alpacaPort(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8));
                if (port != null) {
                    found.add(new Server(reply.getAddress().getHostAddress(), port));
                }
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * The devices of {@code deviceType} a server lists as configured, each with the settings that choose it; entries
     * that are not well-formed are skipped.
     *
     * @throws AlpacaException when the server does not answer as an Alpaca server
     */
    List<Listed> devices(Server server, String deviceType) throws InterruptedException {
        AlpacaEndpoint endpoint = new AlpacaEndpoint(server.host(), server.port(), deviceType, 0, requestTimeout);
        List<Listed> devices = new ArrayList<>();
        try (AlpacaClient client = new AlpacaClient(endpoint, "Alpaca server " + server.host() + ":" + server.port())) {
            JsonNode list = client.management("v1/configureddevices");
            if (list == null || !list.isArray()) {
                throw AlpacaException.broken("Alpaca server " + server.host() + ":" + server.port() + ": configureddevices is not a list", null);
            }
            for (JsonNode device : list) {
                JsonNode type = device.get("DeviceType");
                JsonNode number = device.get("DeviceNumber");
                if (type == null || number == null || !type.isTextual() || !number.isIntegralNumber()
                        || !type.textValue().equalsIgnoreCase(deviceType)) {
                    continue;
                }
                JsonNode name = device.get("DeviceName");
                String label = (name != null && name.isTextual() ? name.textValue() : deviceType + " " + number.intValue()) + " on " + server.host()
                        + ":" + server.port();
                JsonNode uniqueId = device.get("UniqueID");
                devices.add(new Listed(new Discovered(label, Map.of(AlpacaSettings.HOST, server.host(), AlpacaSettings.PORT,
                        String.valueOf(server.port()), AlpacaSettings.DEVICE_NUMBER, String.valueOf(number.intValue()))),
                        uniqueId != null && uniqueId.isTextual() && !uniqueId.textValue().isBlank() ? uniqueId.textValue() : null));
            }
        }
        return devices;
    }

    /** The port in a discovery reply {@code {"AlpacaPort":n}}, or null when it is not one. */
    static Integer alpacaPort(String reply) {
        try {
            JsonNode node = JSON.readTree(reply);
            JsonNode port = node == null ? null : node.get("AlpacaPort");
            if (port != null && port.isIntegralNumber() && port.intValue() >= 1 && port.intValue() <= 65535) {
                return port.intValue();
            }
        } catch (IOException e) {
            // not a reply of ours
        }
        return null;
    }

    private static List<InetAddress> targets() throws IOException {
        Set<InetAddress> targets = new LinkedHashSet<>();
        targets.add(InetAddress.getLoopbackAddress());
        targets.add(InetAddress.getByName("255.255.255.255"));
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp()) {
                continue;
            }
            for (InterfaceAddress address : network.getInterfaceAddresses()) {
                if (address.getBroadcast() != null) {
                    targets.add(address.getBroadcast());
                }
            }
        }
        return new ArrayList<>(targets);
    }
}
