package org.nocturne.device.alpaca.server;

/** A request the server cannot take (wrong parameter casing, a missing or malformed parameter): HTTP 400 with a text body. */
final class BadRequest extends Exception {

    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message);
    }
}
