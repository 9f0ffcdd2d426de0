package org.nocturne.device.alpaca;

/** The Alpaca ErrorNumbers (ASCOM {@code AlpacaErrors}) and what they mean for the user. */
final class AlpacaErrors {

    static final int NOT_IMPLEMENTED = 0x400;
    static final int INVALID_VALUE = 0x401;
    static final int VALUE_NOT_SET = 0x402;
    static final int NOT_CONNECTED = 0x407;
    static final int INVALID_WHILE_PARKED = 0x408;
    static final int INVALID_WHILE_SLAVED = 0x409;
    static final int INVALID_OPERATION = 0x40B;
    static final int ACTION_NOT_IMPLEMENTED = 0x40C;
    static final int OPERATION_CANCELLED = 0x40E;
    static final int UNSPECIFIED = 0x4FF;
    static final int DRIVER_FIRST = 0x500;
    static final int DRIVER_LAST = 0xFFF;

    private AlpacaErrors() {
    }

    /**
     * A message for the user: {@code device}: {@code member}: what the number means, then the device's own text.
     */
    static String describe(String device, String member, int number, String deviceMessage) {
        String text = deviceMessage == null || deviceMessage.isBlank() ? "" : " (" + deviceMessage.strip() + ")";
        return device + ": " + member + ": " + meaning(number) + text;
    }

    /** What an ErrorNumber means, in words. */
    static String meaning(int number) {
        return switch (number) {
            case NOT_IMPLEMENTED -> "not implemented by this device";
            case INVALID_VALUE -> "invalid value";
            case VALUE_NOT_SET -> "value not set yet";
            case NOT_CONNECTED -> "the device is not connected";
            case INVALID_WHILE_PARKED -> "not possible while parked";
            case INVALID_WHILE_SLAVED -> "not possible while slaved";
            case INVALID_OPERATION -> "invalid operation now";
            case ACTION_NOT_IMPLEMENTED -> "action not implemented by this device";
            case OPERATION_CANCELLED -> "operation cancelled";
            case UNSPECIFIED -> "unspecified error";
            default -> number >= DRIVER_FIRST && number <= DRIVER_LAST
                    ? String.format("driver error 0x%X", number)
                    : String.format("unknown Alpaca error 0x%X", number);
        };
    }
}
