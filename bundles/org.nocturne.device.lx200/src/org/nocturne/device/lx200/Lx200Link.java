package org.nocturne.device.lx200;

import java.io.IOException;

/**
 * A byte pipe to an LX200 mount: a serial line or a TCP socket. Used from one thread at a time (the device's).
 */
interface Lx200Link extends AutoCloseable {

    /** Where the mount is, for messages: "/dev/ttyUSB0", "10.0.0.1:4030". */
    String describe();

    /** Sends bytes; blocks until written. */
    void write(byte[] bytes) throws IOException;

    /**
     * The next byte, waiting at most {@code timeoutMillis} (at least 1).
     *
     * @return the byte as 0-255, or -1 when none came in time
     * @throws IOException when the link is broken or closed by the mount
     */
    int read(int timeoutMillis) throws IOException;

    /** Drops bytes already received and not read (a late answer to an earlier command); does not wait. */
    void discardInput() throws IOException;

    /** Closes the link; idempotent, never throws. */
    @Override
    void close();
}
