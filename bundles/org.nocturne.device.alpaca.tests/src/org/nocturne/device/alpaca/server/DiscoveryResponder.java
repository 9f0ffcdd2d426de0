package org.nocturne.device.alpaca.server;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * Answers Alpaca discovery on an ephemeral UDP port: a datagram starting with {@code alpacadiscovery1} gets
 * {@code {"AlpacaPort":n}} back, as ASCOM's discovery responder does.
 */
public final class DiscoveryResponder implements AutoCloseable {

    private final DatagramSocket socket;
    private final Thread thread;

    public DiscoveryResponder(int alpacaPort) throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(0));
        byte[] reply = ("{\"AlpacaPort\":" + alpacaPort + "}").getBytes(StandardCharsets.US_ASCII);
        thread = new Thread(() -> {
            byte[] buffer = new byte[256];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket question = new DatagramPacket(buffer, buffer.length);
                    socket.receive(question);
                    String text = new String(question.getData(), 0, question.getLength(), StandardCharsets.US_ASCII);
                    if (text.startsWith("alpacadiscovery1")) {
                        socket.send(new DatagramPacket(reply, reply.length, question.getSocketAddress()));
                    }
                } catch (IOException e) {
                    // closed, or one bad datagram: the loop condition decides
                }
            }
        }, "Alpaca discovery responder");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(5000);
    }
}
