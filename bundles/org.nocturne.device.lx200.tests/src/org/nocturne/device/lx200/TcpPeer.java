package org.nocturne.device.lx200;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A TCP server on the loopback interface, as a WiFi bridge would be: each connection is served by a
 * {@link StreamServer} on its own thread. Counts the connections that ended, so a test can see the driver closed
 * its link. {@link #close()} closes everything and waits for the threads.
 */
final class TcpPeer implements AutoCloseable {

    private final ServerSocket server;
    private final StreamServer streams;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Semaphore ended = new Semaphore(0);

    TcpPeer(StreamServer streams) throws IOException {
        this.streams = streams;
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        start("LX200 TCP peer accepting", this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                start("LX200 TCP peer serving", () -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            streams.serve(in, out);
        } catch (IOException e) {
            // the driver closed its end
        } finally {
            ended.release();
        }
    }

    /** Waits until a connection has ended (the driver closed it, or a write to it failed). */
    boolean awaitConnectionEnded(long seconds) throws InterruptedException {
        return ended.tryAcquire(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        for (Thread thread : threads) {
            thread.join(5000);
        }
    }
}
