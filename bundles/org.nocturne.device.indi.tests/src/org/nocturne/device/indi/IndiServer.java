package org.nocturne.device.indi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.nocturne.device.indi.protocol.IndiConnection;
import org.nocturne.device.indi.protocol.IndiProperty;
import org.nocturne.device.indi.protocol.IndiXml;

/**
 * A real indiserver with Debian's simulator drivers, for tests: started on a free port with its HOME (driver
 * configuration, park data) in a temporary folder and releng/indi (the gsc stand-in) first on its PATH; stopped with
 * its driver processes. Tests are skipped when indiserver is not installed, unless NOCTURNE_REQUIRE_PEERS=1, when they
 * fail.
 */
final class IndiServer implements AutoCloseable {

    private final List<String> drivers;
    private final Path home;
    private final int port;
    private Process process;

    private IndiServer(List<String> drivers, Path home, int port) {
        this.drivers = drivers;
        this.home = home;
        this.port = port;
    }

    /** Starts indiserver with {@code drivers} ("indi_simulator_ccd") and waits until each has defined its device. */
    static IndiServer start(String... drivers) throws Exception {
        requireIndiserver();
        IndiServer server = new IndiServer(List.of(drivers), Files.createTempDirectory("nocturne-indi-"), freePort());
        server.launch();
        return server;
    }

    /** Skips the test when indiserver is missing, or fails it when NOCTURNE_REQUIRE_PEERS=1. */
    static void requireIndiserver() {
        boolean present = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "indiserver")));
        if (!present) {
            String reason = "indiserver is not installed (Debian package indi-bin)";
            if ("1".equals(System.getenv("NOCTURNE_REQUIRE_PEERS"))) {
                Assertions.fail(reason + ", and NOCTURNE_REQUIRE_PEERS=1 requires it");
            }
            Assumptions.abort(reason);
        }
    }

    int port() {
        return port;
    }

    /** Settings for a device of this server. */
    Map<String, String> settings(String device) {
        return Map.of(IndiSettings.HOST, "127.0.0.1", IndiSettings.PORT, String.valueOf(port), IndiSettings.DEVICE, device);
    }

    /** What the server and its drivers logged so far. */
    String log() throws IOException {
        return Files.readString(home.resolve("indiserver.log"));
    }

    /** Stops the server and its drivers, as a crash or restart would. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        for (ProcessHandle child : children) {
            child.destroyForcibly();
            child.onExit().join();
        }
        process = null;
    }

    /** Starts the server again on the same port, after {@link #stop()}. */
    void restart() throws Exception {
        launch();
    }

    /**
     * Sets properties of a device through a client connection of its own, as another INDI client would, waiting for
     * each to be answered: the device is connected first.
     */
    void configure(String device, String... newVectors) throws Exception {
        try (IndiConnection client = IndiConnection.open("127.0.0.1", port, Duration.ofSeconds(5), 1 << 20)) {
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
        stop();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void launch() throws Exception {
        List<String> command = new ArrayList<>(List.of("indiserver", "-p", String.valueOf(port)));
        command.addAll(drivers);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("indiserver.log").toFile());
        builder.environment().put("HOME", home.toString());
        Path shim = shimFolder();
        if (shim != null) {
            builder.environment().put("PATH", shim + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            // The server's HOME is the temporary folder: tell the gsc stand-in where the user's catalog sources are.
            builder.environment().putIfAbsent("NOCTURNE_CATALOG_SOURCES",
                    Path.of(System.getProperty("user.home"), ".cache/nocturne/catalog-sources").toString());
        }
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                break;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("indiserver did not start on port " + port + ": " + Files.readString(home.resolve("indiserver.log")), e);
                }
                Thread.sleep(50);
            }
        }
        try (IndiConnection client = IndiConnection.open("127.0.0.1", port, Duration.ofSeconds(5), 1 << 20)) {
            client.send(IndiXml.getProperties(null));
            await(client, () -> client.devices().stream().filter(device -> client.property(device, "CONNECTION") != null).count() >= drivers.size(),
                    "every driver defines its device");
        }
    }

    private static void await(IndiConnection client, java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (client.failure() != null || System.nanoTime() > deadline) {
                throw new IllegalStateException("indiserver: timed out waiting until " + what + " (" + client.failure() + ")");
            }
            client.awaitChange(client.version(), Duration.ofMillis(200));
        }
    }

    /** releng/indi of this checkout, holding the gsc stand-in; null when not found. */
    static Path shimFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("releng/indi");
            if (Files.isExecutable(candidate.resolve("gsc"))) {
                return candidate;
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
