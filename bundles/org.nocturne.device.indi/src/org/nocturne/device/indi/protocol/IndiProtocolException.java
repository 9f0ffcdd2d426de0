package org.nocturne.device.indi.protocol;

import java.io.IOException;

/** The INDI stream broke the protocol (malformed XML, a value of the wrong type, an oversized BLOB) or ended. */
public class IndiProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public IndiProtocolException(String message) {
        super(message);
    }

    public IndiProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
