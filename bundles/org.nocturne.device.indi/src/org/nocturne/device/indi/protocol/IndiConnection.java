package org.nocturne.device.indi.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jdk.net.ExtendedSocketOptions;

/**
 * One TCP connection to an INDI server: a reader thread that parses the stream into a property model (every device's
 * def/set/delProperty and last message), and a writer for the client's commands.
 *
 * <p>Thread-safe. The model is guarded by this object's monitor; every change increments {@link #version()} and wakes
 * {@link #awaitChange} waiters and calls the listeners (on the reader thread; they must return quickly). When the
 * stream breaks — the server closes it, the network fails, or it sends something that is not INDI — the connection
 * records {@link #failure()}, closes the socket, wakes every waiter and calls the listeners once more; it never
 * recovers (open a new one).
 */
public final class IndiConnection implements AutoCloseable {

    private final String address;
    private final Socket socket;
    private final OutputStream output;
    private final Map<String, Map<String, IndiProperty>> devices = new LinkedHashMap<>();
    private final Map<String, String> messages = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private long version;
    private String failure;
    private volatile boolean closing;

    private IndiConnection(String host, int port, Socket socket, long maxBlobBytes) throws IOException {
        this.address = host + ":" + port;
        this.socket = socket;
        this.output = socket.getOutputStream();
        IndiStreamParser parser = new IndiStreamParser(socket.getInputStream(), maxBlobBytes);
        this.reader = Thread.ofPlatform().daemon().name("INDI reader " + address).unstarted(() -> read(parser));
    }

    /**
     * Connects to an INDI server and starts reading; blocks up to {@code timeout} for the TCP connection.
     *
     * @param maxBlobBytes the largest BLOB accepted (decoded bytes)
     * @throws IOException when the server cannot be reached, with a message for the user
     */
    public static IndiConnection open(String host, int port, Duration timeout, long maxBlobBytes) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            socket.setTcpNoDelay(true);
            keepAlive(socket);
            IndiConnection connection = new IndiConnection(host, port, socket, maxBlobBytes);
            connection.reader.start();
            return connection;
        } catch (IOException e) {
            socket.close();
            throw new IOException("no INDI server answers at " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Turns on TCP keepalive, probing an idle link after 30 s every 10 s, 3 times, where the platform lets us set
     * these: a server that vanished without closing the link (power cut, network gone) then breaks it in about a
     * minute rather than leaving the device CONNECTED forever.
     */
    private static void keepAlive(Socket socket) throws IOException {
        socket.setKeepAlive(true);
        Set<SocketOption<?>> supported = socket.supportedOptions();
        if (supported.contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
            socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 30);
        }
        if (supported.contains(ExtendedSocketOptions.TCP_KEEPINTERVAL)) {
            socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 10);
        }
        if (supported.contains(ExtendedSocketOptions.TCP_KEEPCOUNT)) {
            socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, 3);
        }
    }

    /** "host:port". */
    public String address() {
        return address;
    }

    /** Sends one message (see {@link IndiXml}). */
    public void send(String xml) throws IOException {
        synchronized (output) {
            try {
                output.write(xml.getBytes(StandardCharsets.UTF_8));
                output.flush();
            } catch (IOException e) {
                fail("cannot send to the INDI server at " + address + ": " + e.getMessage());
                throw new IOException(failure(), e);
            }
        }
    }

    /** The property {@code name} of {@code device} as last received, or null when not defined. */
    public synchronized IndiProperty property(String device, String name) {
        Map<String, IndiProperty> properties = devices.get(device);
        return properties == null ? null : properties.get(name);
    }

    /**
     * Drops the bytes of {@code read}'s BLOBs from the model, so that an image is not held in memory after its reader
     * has taken it; nothing changes when the property was updated since {@code read} (a newer BLOB stays). Not counted
     * as a change: waiters and listeners are not woken.
     */
    public synchronized void releaseBlobs(IndiProperty read) {
        Map<String, IndiProperty> properties = devices.get(read.device());
        if (properties != null && properties.get(read.name()) == read) {
            properties.put(read.name(), read.withoutBlobs());
        }
    }

    /** The names of the devices that have defined properties, in the order they appeared. */
    public synchronized List<String> devices() {
        return List.copyOf(devices.keySet());
    }

    /** The last message a device (or the server, for "") sent, or empty. */
    public synchronized String lastMessage(String device) {
        return messages.getOrDefault(device, "");
    }

    /** Counts every change to the model; a waiter compares it with the value it saw. */
    public synchronized long version() {
        return version;
    }

    /** Why the connection ended, or null while it works. */
    public synchronized String failure() {
        return failure;
    }

    /**
     * Blocks until the model changes after {@code seen} (a {@link #version()} value), the connection fails, or
     * {@code timeout} passes.
     *
     * @return the current version
     */
    public synchronized long awaitChange(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (version == seen && failure == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return version;
    }

    /** Calls {@code listener} after every change and once on failure, on the reader thread. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Closes the socket; the reader thread ends. Idempotent. */
    @Override
    public void close() {
        closing = true;
        fail("the connection to the INDI server at " + address + " was closed");
    }

    private void read(IndiStreamParser parser) {
        try {
            for (IndiMessage message = parser.next(); message != null; message = parser.next()) {
                apply(message);
                listeners.forEach(Runnable::run);
            }
            fail("the INDI server at " + address + " closed the connection");
        } catch (IndiProtocolException e) {
            fail(closing ? "the connection to the INDI server at " + address + " was closed"
                    : "the INDI server at " + address + " sent something that is not INDI: " + e.getMessage());
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            fail("lost the INDI server at " + address + ": " + e.getMessage());
        }
        listeners.forEach(Runnable::run);
    }

    private synchronized void apply(IndiMessage message) {
        version++;
        switch (message) {
            case IndiMessage.Vector vector -> {
                // only a definition creates a device's entry: a set* for a device never defined is dropped
                Map<String, IndiProperty> properties = vector.definition()
                        ? devices.computeIfAbsent(vector.device(), key -> new LinkedHashMap<>()) : devices.get(vector.device());
                IndiProperty known = properties == null ? null : properties.get(vector.name());
                if (vector.definition() || known == null) {
                    if (vector.definition()) {
                        PropertyState state = vector.state() == null ? PropertyState.IDLE : vector.state();
                        properties.put(vector.name(), new IndiProperty(vector.device(), vector.name(), vector.type(), state, vector.perm(),
                                Double.isNaN(vector.timeoutSeconds()) ? 0 : vector.timeoutSeconds(), vector.rule(), vector.elements(),
                                version, state == PropertyState.BUSY ? version : 0));
                    }
                } else {
                    properties.put(vector.name(), known.merge(vector.state(), vector.timeoutSeconds(), vector.elements(), version));
                }
                if (!vector.message().isEmpty()) {
                    messages.put(vector.device(), vector.message());
                }
            }
            case IndiMessage.Delete delete -> {
                Map<String, IndiProperty> properties = devices.get(delete.device());
                if (properties != null) {
                    if (delete.name() == null) {
                        devices.remove(delete.device());
                    } else {
                        properties.remove(delete.name());
                    }
                }
            }
            case IndiMessage.Message text -> {
                if (!text.message().isEmpty()) {
                    messages.put(text.device(), text.message());
                }
            }
        }
        notifyAll();
    }

    private void fail(String reason) {
        synchronized (this) {
            if (failure == null) {
                failure = reason;
                version++;
            }
            notifyAll();
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway; the failure is recorded
        }
    }
}
