package org.nocturne.device.contract.peers;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code indiserver} (Debian package indi-bin) with simulator drivers, for tests: started on a free port and
 * its own local socket, with its HOME (driver configuration, park data) in a temporary folder and this checkout's {@code releng/indi} (the
 * {@code gsc} stand-in that gives the CCD simulator real stars) first on its PATH; stopped with its driver processes.
 * It listens on every interface (indiserver cannot be told otherwise); tests connect to 127.0.0.1. Not thread-safe.
 */
public final class IndiServerProcess implements AutoCloseable {

    private final List<String> drivers;
    private final Path home;
    private final int port;
    private Process process;

    private IndiServerProcess(List<String> drivers, Path home, int port) {
        this.drivers = drivers;
        this.home = home;
        this.port = port;
    }

    /**
     * Starts indiserver with {@code drivers} ("indi_simulator_ccd") and waits until its port accepts connections (the
     * drivers define their devices a fraction of a second later). Skips the calling test when indiserver is missing,
     * or fails it under {@link Peers#REQUIRED}.
     */
    public static IndiServerProcess start(String... drivers) throws IOException, InterruptedException {
        Peers.require("indiserver", "indi-bin");
        IndiServerProcess server = new IndiServerProcess(List.of(drivers), Files.createTempDirectory("nocturne-indi-"), freePort());
        server.launch();
        return server;
    }

    public int port() {
        return port;
    }

    /** The drivers it was started with. */
    public List<String> drivers() {
        return drivers;
    }

    /** Stops the server and its drivers at once, as a crash would; {@link #restart()} starts it again. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
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
    public void restart() throws IOException, InterruptedException {
        launch();
    }

    /** Stops the server and deletes its temporary HOME. */
    @Override
    public void close() throws IOException, InterruptedException {
        stop();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void launch() throws IOException, InterruptedException {
        // Its own local socket too: the default one (abstract /tmp/indiserver) is taken by any other indiserver running here.
        List<String> command = new ArrayList<>(List.of("indiserver", "-p", String.valueOf(port), "-u", home.resolve("indiserver.socket").toString()));
        command.addAll(drivers);
        Path log = home.resolve("indiserver.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("HOME", home.toString());
        // The drivers' HOME is the temporary one, so the gsc stand-in is told where releng/catalog-sources keeps the index files.
        builder.environment().putIfAbsent("NOCTURNE_CATALOG_SOURCES", Path.of(System.getProperty("user.home"), ".cache/nocturne/catalog-sources").toString());
        Path shim = shimFolder();
        if (shim != null) {
            builder.environment().put("PATH", shim + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        }
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    String said = Files.exists(log) ? Files.readString(log) : "";
                    stop();
                    throw new IOException("indiserver did not start on port " + port + ": " + said, e);
                }
                Thread.sleep(50);
            }
        }
    }

    /** releng/indi of this checkout (the gsc stand-in), found upwards from the working folder; null when not found. */
    public static Path shimFolder() {
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
