package org.nocturne.device.indi;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.nocturne.device.contract.peers.IndiServerProcess;
import org.nocturne.device.indi.protocol.IndiConnection;
import org.nocturne.device.indi.protocol.IndiProperty;
import org.nocturne.device.indi.protocol.IndiXml;

/**
 * A real indiserver with Debian's simulator drivers ({@link IndiServerProcess}), ready for the driver's tests: every
 * driver has defined its device before {@link #start} or {@link #restart} returns, and {@link #configure} sets
 * properties as another INDI client would. Skipped or failed as {@link IndiServerProcess} says when indiserver is
 * missing. Not thread-safe.
 */
final class IndiServer implements AutoCloseable {

    /** The longest the server and its drivers may take to answer. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final IndiServerProcess process;

    private IndiServer(IndiServerProcess process) {
        this.process = process;
    }

    /** Starts indiserver with {@code drivers} ("indi_simulator_ccd") and waits until each has defined its device. */
    static IndiServer start(String... drivers) throws Exception {
        IndiServer server = new IndiServer(IndiServerProcess.start(drivers));
        try {
            server.awaitDevices();
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    int port() {
        return process.port();
    }

    /** Settings for a device of this server. */
    Map<String, String> settings(String device) {
        return Map.of(IndiSettings.HOST, "127.0.0.1", IndiSettings.PORT, String.valueOf(port()), IndiSettings.DEVICE, device);
    }

    /** Stops the server and its drivers, as a crash or restart would. */
    void stop() throws InterruptedException {
        process.stop();
    }

    /** Starts the server again on the same port, after {@link #stop()}, and waits for its devices. */
    void restart() throws Exception {
        process.restart();
        awaitDevices();
    }

    /**
     * Sets properties of a device through a client connection of its own, as another INDI client would, waiting for
     * each to be answered: the device is connected first.
     */
    void configure(String device, String... newVectors) throws Exception {
        try (IndiConnection client = client()) {
            client.send(IndiXml.getProperties(device));
            await(client, () -> client.property(device, "CONNECTION") != null, device + " defined");
            if (!client.property(device, "CONNECTION").isOn("CONNECT")) {
                client.send(IndiXml.newSwitches(device, "CONNECTION", Map.of("CONNECT", true, "DISCONNECT", false)));
                await(client, () -> client.property(device, "CONNECTION").isOn("CONNECT"), device + " connected");
            }
            for (String xml : newVectors) {
                String name = xml.replaceAll("(?s).*? name='([^']*)'.*", "$1");
                await(client, () -> client.property(device, name) != null, device + "." + name + " defined");
                long before = client.version();
                client.send(xml);
                await(client, () -> {
                    IndiProperty property = client.property(device, name);
                    return property.updated() > before;
                }, device + "." + name + " answered");
            }
        }
    }

    @Override
    public void close() throws Exception {
        process.close();
    }

    /** Waits until every driver has defined its device (they do so a moment after the port opens). */
    private void awaitDevices() throws Exception {
        int drivers = process.drivers().size();
        try (IndiConnection client = client()) {
            client.send(IndiXml.getProperties(null));
            await(client, () -> client.devices().stream().filter(device -> client.property(device, "CONNECTION") != null).count() >= drivers,
                    "every driver defines its device");
        }
    }

    private IndiConnection client() throws Exception {
        return IndiConnection.open("127.0.0.1", port(), Duration.ofSeconds(5), 1 << 20);
    }

    private static void await(IndiConnection client, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (client.failure() != null || System.nanoTime() > deadline) {
                throw new IllegalStateException("indiserver: timed out waiting until " + what + " (" + client.failure() + ")");
            }
            client.awaitChange(client.version(), Duration.ofMillis(200));
        }
    }
}
