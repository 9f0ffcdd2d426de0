package org.nocturne.device.lx200;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.nocturne.device.contract.peers.Peers;

/**
 * A pseudo-terminal pair made by socat: the driver opens {@link #mountEnd()} through jSerialComm as it would a USB
 * serial adapter, and a {@link StreamServer} answers on the other end. Skips the test when socat is missing, unless
 * NOCTURNE_REQUIRE_PEERS=1 (CI), where it fails. {@link #close()} kills socat and waits for the server thread.
 */
final class PtyPair implements AutoCloseable {

    private final Process socat;
    private final Path mountEnd;
    private final Thread server;

    private PtyPair(Process socat, Path mountEnd, Thread server) {
        this.socat = socat;
        this.mountEnd = mountEnd;
        this.server = server;
    }

    /** Starts socat in {@code directory} and, unless {@code server} is null, serves the responder's end. */
    static PtyPair start(Path directory, StreamServer server) throws IOException, InterruptedException {
        Peers.require("socat", "socat");
        Path mountEnd = directory.resolve("mount");
        Path responderEnd = directory.resolve("responder");
        Process socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + mountEnd,
                "pty,raw,echo=0,link=" + responderEnd).redirectErrorStream(true).redirectOutput(directory.resolve("socat.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(mountEnd) && Files.exists(responderEnd))) {
            if (System.nanoTime() > deadline || !socat.isAlive()) {
                socat.destroyForcibly();
                fail("socat made no pseudo-terminals: " + Files.readString(directory.resolve("socat.log")));
            }
            Thread.sleep(10);
        }
        Thread thread = null;
        if (server != null) {
            thread = new Thread(() -> {
                try (InputStream in = new FileInputStream(responderEnd.toFile()); OutputStream out = new FileOutputStream(responderEnd.toFile())) {
                    server.serve(in, out);
                } catch (IOException e) {
                    // socat is gone
                }
            }, "LX200 responder on " + responderEnd);
            thread.setDaemon(true);
            thread.start();
        }
        return new PtyPair(socat, mountEnd, thread);
    }

    /** The end the driver opens, a symbolic link to /dev/pts/N. */
    Path mountEnd() {
        return mountEnd;
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.join(5000);
        }
    }
}
