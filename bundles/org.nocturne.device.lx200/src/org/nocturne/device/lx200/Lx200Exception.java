package org.nocturne.device.lx200;

import java.io.IOException;

/** The mount did not answer a command in time, or answered something that is no LX200 answer; the message says which. */
final class Lx200Exception extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean incomplete;

    Lx200Exception(String message) {
        this(message, false);
    }

    Lx200Exception(String message, boolean incomplete) {
        super(message);
        this.incomplete = incomplete;
    }

    /** True when an answer began but its '#' never came (as when a mount answers an unknown command with a bare '0'). */
    boolean isIncomplete() {
        return incomplete;
    }

    Lx200Exception(String message, Throwable cause) {
        super(message, cause);
        this.incomplete = false;
    }
}
