package org.nocturne.device.lx200;

import java.io.IOException;

/** The mount did not answer a command in time, or answered something that is no LX200 answer; the message says which. */
final class Lx200Exception extends IOException {

    private static final long serialVersionUID = 1L;

    Lx200Exception(String message) {
        super(message);
    }

    Lx200Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
