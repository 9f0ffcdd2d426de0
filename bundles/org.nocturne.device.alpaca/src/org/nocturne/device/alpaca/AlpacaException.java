package org.nocturne.device.alpaca;

import org.nocturne.device.api.DeviceException;

/**
 * A failed Alpaca request. Either the device refused it ({@link #errorNumber()} non-zero: the Alpaca ErrorNumber;
 * the link is fine), or the link is broken ({@link #linkBroken()}: no answer, a refused connection, an answer that
 * is not Alpaca), after which the device is faulted and must be connected again.
 */
public final class AlpacaException extends DeviceException {

    private static final long serialVersionUID = 1L;

    private final int errorNumber;
    private final int httpStatus;
    private final boolean linkBroken;

    private AlpacaException(String message, int errorNumber, int httpStatus, boolean linkBroken, Throwable cause) {
        super(message, cause);
        this.errorNumber = errorNumber;
        this.httpStatus = httpStatus;
        this.linkBroken = linkBroken;
    }

    /** The device answered with a non-zero ErrorNumber. */
    static AlpacaException refused(String message, int errorNumber) {
        return new AlpacaException(message, errorNumber, 200, false, null);
    }

    /** The server answered with an HTTP error status that does not mean the link is broken (400, 404). */
    static AlpacaException httpError(String message, int httpStatus) {
        return new AlpacaException(message, 0, httpStatus, false, null);
    }

    /** The link is broken or the peer does not speak Alpaca. */
    static AlpacaException broken(String message, Throwable cause) {
        return new AlpacaException(message, 0, 0, true, cause);
    }

    /** The Alpaca ErrorNumber, 0 when the failure was not a device's refusal. */
    public int errorNumber() {
        return errorNumber;
    }

    /** The HTTP status of the answer, 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** True when the device can no longer be talked to and is to be faulted. */
    public boolean linkBroken() {
        return linkBroken;
    }

    /** True when the device or server does not know this member (NotImplemented, or HTTP 400/404 for a member it lacks). */
    public boolean notImplemented() {
        return errorNumber == AlpacaErrors.NOT_IMPLEMENTED || errorNumber == AlpacaErrors.ACTION_NOT_IMPLEMENTED || httpStatus == 400
                || httpStatus == 404;
    }
}
