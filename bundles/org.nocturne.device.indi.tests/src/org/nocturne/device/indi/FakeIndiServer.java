package org.nocturne.device.indi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scripted stand-in for an INDI server on a loopback port, for feeding a client bytes a real server never sends:
 * it answers what the client sends with canned replies (each once, when the client's bytes so far contain a trigger)
 * and sends whatever the test pushes. One client at a time.
 */
final class FakeIndiServer implements AutoCloseable {

    private final ServerSocket server;
    private volatile String received = "";
    private final List<Map.Entry<String, String>> replies = new CopyOnWriteArrayList<>();
    private final CountDownLatch clientClosed = new CountDownLatch(1);
    private final CountDownLatch clientConnected = new CountDownLatch(1);
    private volatile Socket client;

    FakeIndiServer() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("fake INDI server").start(this::serve);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Settings for the device {@code device} of this server, with a short answer timeout. */
    Map<String, String> settings(String device) {
        return Map.of(IndiSettings.HOST, "127.0.0.1", IndiSettings.PORT, String.valueOf(port()), IndiSettings.DEVICE, device,
                IndiSettings.TIMEOUT, "2");
    }

    /** Sends {@code reply} once, as soon as the client has sent something containing {@code trigger}. */
    FakeIndiServer answer(String trigger, String reply) {
        replies.add(Map.entry(trigger, reply));
        return this;
    }

    /** Pushes text to the client. */
    void push(String text) throws IOException {
        awaitClient();
        OutputStream out = client.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Closes the client's socket from the server's side, as a crashed server would. */
    void dropClient() throws IOException {
        awaitClient();
        client.close();
    }

    /** True once the client closed its end (the reader saw the end of its stream). */
    boolean clientClosed(long seconds) throws InterruptedException {
        return clientClosed.await(seconds, TimeUnit.SECONDS);
    }

    /** What the client has sent so far. */
    String received() {
        return received;
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket socket = client;
        if (socket != null) {
            socket.close();
        }
    }

    private void awaitClient() {
        try {
            if (!clientConnected.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no client connected to the fake INDI server");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void serve() {
        try (Socket socket = server.accept()) {
            client = socket;
            clientConnected.countDown();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
                // decoded from all bytes so far, so that a character split between reads comes out whole
                bytes.write(buffer, 0, count);
                received = bytes.toString(StandardCharsets.UTF_8);
                for (Map.Entry<String, String> reply : replies) {
                    if (received.contains(reply.getKey()) && replies.remove(reply)) {
                        OutputStream out = socket.getOutputStream();
                        out.write(reply.getValue().getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            }
        } catch (IOException e) {
            // the test closed the server, or the client reset the connection: both end the client
        }
        clientClosed.countDown();
    }
}
