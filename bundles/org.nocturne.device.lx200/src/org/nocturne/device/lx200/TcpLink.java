package org.nocturne.device.lx200;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A TCP connection to a WiFi or Ethernet LX200 bridge (SkyFi-style adapters, OnStep, 10Micron). */
final class TcpLink implements Lx200Link {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String address;

    private TcpLink(Socket socket, String address) throws IOException {
        this.socket = socket;
        this.address = address;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Connects, waiting at most {@code timeoutMillis}.
     *
     * @throws Lx200Exception naming host and port when nothing accepts the connection
     */
    static TcpLink open(String host, int port, int timeoutMillis) throws Lx200Exception {
        String address = host + ":" + port;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return new TcpLink(socket, address);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
            throw new Lx200Exception("cannot connect to the mount at " + address + ": " + (e.getMessage() == null ? e : e.getMessage()), e);
        }
    }

    @Override
    public String describe() {
        return address;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public int read(int timeoutMillis) throws IOException {
        socket.setSoTimeout(Math.max(1, timeoutMillis));
        try {
            int value = in.read();
            if (value < 0) {
                throw new IOException("the mount at " + address + " closed the connection");
            }
            return value;
        } catch (SocketTimeoutException e) {
            return -1;
        }
    }

    @Override
    public void discardInput() throws IOException {
        int available;
        while ((available = in.available()) > 0) {
            in.skip(available);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
