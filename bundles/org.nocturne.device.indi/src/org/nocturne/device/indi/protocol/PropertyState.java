package org.nocturne.device.indi.protocol;

/** The state an INDI property vector reports: Idle, Ok, Busy (an operation runs) or Alert (it failed). */
public enum PropertyState {
    IDLE, OK, BUSY, ALERT;

    /** Parses the wire spelling ("Idle", "Ok", "Busy", "Alert"). */
    static PropertyState parse(String text) throws IndiProtocolException {
        return switch (text.trim()) {
            case "Idle" -> IDLE;
            case "Ok" -> OK;
            case "Busy" -> BUSY;
            case "Alert" -> ALERT;
            default -> throw new IndiProtocolException("unknown property state \"" + shorten(text) + "\"");
        };
    }

    static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
