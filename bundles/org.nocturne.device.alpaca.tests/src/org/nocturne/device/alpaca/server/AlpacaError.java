package org.nocturne.device.alpaca.server;

/** A device's refusal, answered as HTTP 200 with a non-zero ErrorNumber, as Alpaca devices do. */
final class AlpacaError extends Exception {

    private static final long serialVersionUID = 1L;

    static final int NOT_IMPLEMENTED = 0x400;
    static final int INVALID_VALUE = 0x401;
    static final int VALUE_NOT_SET = 0x402;
    static final int NOT_CONNECTED = 0x407;
    static final int INVALID_WHILE_PARKED = 0x408;
    static final int INVALID_OPERATION = 0x40B;

    final int number;

    AlpacaError(int number, String message) {
        super(message);
        this.number = number;
    }

    static AlpacaError notImplemented(String member) {
        return new AlpacaError(NOT_IMPLEMENTED, member + " is not implemented");
    }

    static AlpacaError invalidValue(String message) {
        return new AlpacaError(INVALID_VALUE, message);
    }

    static AlpacaError invalidOperation(String message) {
        return new AlpacaError(INVALID_OPERATION, message);
    }
}
