package org.nocturne.device.alpaca.server;

/** How the test server misbehaves on a member, to test that the driver fails clearly and does not hang. */
public enum Sabotage {
    /** An answer that is not JSON. */
    GARBAGE_JSON,
    /** {@code "Value":"abc"} where the member's value is a number or a boolean. */
    WRONG_TYPE,
    /** An answer without its Value. */
    MISSING_VALUE,
    /** An answer echoing another ClientTransactionID. */
    WRONG_TRANSACTION,
    /** No answer at all (the handler waits until the server stops). */
    HANG,
    /** HTTP 500 with a text body. */
    HTTP_500,
    /** An ImageBytes header claiming a 100000×100000 image, with a small body. */
    HUGE_IMAGE,
    /** An answer that never ends (chunked, until the client hangs up). */
    ENDLESS_BODY,
    /** The announced Content-Length, then half the body, then the connection closes. */
    TRUNCATED_BODY,
    /** {@code "Value":true} for ever, as a device that never stops moving or guiding. */
    ALWAYS_TRUE
}
