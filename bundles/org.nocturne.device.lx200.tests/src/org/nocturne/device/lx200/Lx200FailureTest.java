package org.nocturne.device.lx200;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.mount.Mount;

/**
 * A mount that is silent, answers nonsense, floods the line, or a port that is not there: each ends in a
 * DeviceException naming the device, the port and what was wrong, the device FAULTED and its link closed, in
 * bounded time.
 */
class Lx200FailureTest {

    @TempDir
    Path directory;
    private Mount mount;

    @AfterEach
    void disconnect() throws Exception {
        if (mount != null) {
            mount.disconnect().get(30, TimeUnit.SECONDS);
        }
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        fail("expected a failure");
        return null;
    }

    private void assertFaulted(Throwable failure, String... parts) {
        assertInstanceOf(DeviceException.class, failure);
        assertTrue(failure.getMessage().startsWith("LX200 mount"), "names the device: " + failure.getMessage());
        for (String part : parts) {
            assertTrue(failure.getMessage().contains(part), "\"" + part + "\" in: " + failure.getMessage());
        }
        assertEquals(ConnectionState.FAULTED, mount.state().connection());
        assertEquals(failure.getMessage(), mount.state().message());
    }

    @Test
    void aSilentSerialPortTimesOutNamingThePortAndTheCommand() throws Exception {
        try (PtyPair pty = PtyPair.start(directory, null)) {
            mount = TestMounts.serial(pty.mountEnd(), Map.of("timeout", "0.5"));
            assertFaulted(failureOf(mount.connect()), "no answer from the mount on " + pty.mountEnd() + " within 0.5 s to :GR#");
        }
    }

    @Test
    void aSilentBridgeTimesOutAndItsConnectionIsClosed() throws Exception {
        try (TcpPeer peer = new TcpPeer(StreamServer.silent())) {
            mount = TestMounts.tcp(peer.port(), Map.of("timeout", "0.5"));
            assertFaulted(failureOf(mount.connect()), "no answer from the mount on 127.0.0.1:" + peer.port() + " within 0.5 s to :GR#");
            assertTrue(peer.awaitConnectionEnded(10), "the driver closed the connection");
        }
    }

    @Test
    void aSerialPortThatDoesNotExistIsNamed() throws Exception {
        Path missing = directory.resolve("ttyUSB-none");
        mount = TestMounts.serial(missing, Map.of());
        assertFaulted(failureOf(mount.connect()), "cannot open serial port " + missing, "no such port");
    }

    @Test
    void aSerialPortAnotherProgramHoldsIsCalledBusyAndTheHolderIsUndisturbed() throws Exception {
        try (PtyPair pty = PtyPair.start(directory, new Lx200Responder(Lx200Responder.Profile.CLASSIC)::serve)) {
            Mount holder = TestMounts.serial(pty.mountEnd(), Map.of());
            try {
                holder.connect().get(30, TimeUnit.SECONDS);
                mount = TestMounts.serial(pty.mountEnd(), Map.of());
                assertFaulted(failureOf(mount.connect()), "cannot open serial port " + pty.mountEnd(), "busy");
                holder.sync(TestMounts.reachableTarget()).get(30, TimeUnit.SECONDS);
                assertEquals(ConnectionState.CONNECTED, holder.state().connection());
            } finally {
                holder.disconnect().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void nobodyListeningOnTheBridgePortIsNamed() throws Exception {
        int port;
        try (TcpPeer peer = new TcpPeer(StreamServer.silent())) {
            port = peer.port();
        }
        mount = TestMounts.tcp(port, Map.of());
        assertFaulted(failureOf(mount.connect()), "cannot connect to the mount at 127.0.0.1:" + port);
    }

    @Test
    void aGarbledPositionOnConnectIsQuoted() throws Exception {
        try (TcpPeer peer = new TcpPeer((in, out) -> {
            while (in.read() >= 0) {
                if (in.available() == 0) {
                    out.write("1x:3q:00#".getBytes(StandardCharsets.ISO_8859_1));
                }
            }
        })) {
            mount = TestMounts.tcp(peer.port(), Map.of());
            assertFaulted(failureOf(mount.connect()), "garbled answer from the mount on 127.0.0.1:" + peer.port() + " to :GR#: \"1x:3q:00\"");
            assertTrue(peer.awaitConnectionEnded(10), "the driver closed the connection");
        }
    }

    @Test
    void aGarbledAnswerWhileConnectedFaultsTheMountAndClosesTheLink() throws Exception {
        Lx200Responder responder = new Lx200Responder(Lx200Responder.Profile.CLASSIC);
        try (TcpPeer peer = new TcpPeer(responder::serve)) {
            mount = TestMounts.tcp(peer.port(), Map.of());
            mount.connect().get(30, TimeUnit.SECONDS);
            responder.answerDeclinationWith("+4\u0001*00:00");
            assertFaulted(failureOf(mount.sync(TestMounts.reachableTarget())), "garbled answer", "to :GD#: \"+4\\x01*00:00\"");
            assertTrue(peer.awaitConnectionEnded(10), "the driver closed the connection");
            Throwable refused = failureOf(mount.abort());
            assertTrue(refused.getMessage().contains("not connected"), refused.getMessage());
        }
    }

    @Test
    void aPeerStreamingEndlessBytesWithoutHashIsCutOffWithoutHangingOrFillingMemory() throws Exception {
        try (TcpPeer peer = new TcpPeer((in, out) -> flood(in.read(), out))) {
            mount = TestMounts.tcp(peer.port(), Map.of("timeout", "5"));
            assertFaulted(failureOf(mount.connect()), "more than " + Lx200Connection.MAX_ANSWER + " bytes without '#'", "AAAA");
            assertTrue(peer.awaitConnectionEnded(10), "the flood stopped: the driver closed the connection");
        }
    }

    private static void flood(int first, OutputStream out) throws IOException {
        if (first < 0) {
            return;
        }
        byte[] chunk = new byte[4096];
        Arrays.fill(chunk, (byte) 'A');
        while (true) {
            out.write(chunk);
        }
    }
}
