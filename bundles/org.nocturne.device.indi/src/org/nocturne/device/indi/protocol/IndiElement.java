package org.nocturne.device.indi.protocol;

/**
 * One member of a property vector as last received: a number, switch, text, light or BLOB.
 *
 * @param name the element's name ("CCD_EXPOSURE_VALUE")
 * @param label for the user, possibly empty
 * @param text the value as sent, trimmed ("On", "Ok", "12.5"); empty for a BLOB
 * @param number the value of a number element, NaN for other types
 * @param min a number's minimum, NaN when not a number
 * @param max a number's maximum, NaN when not a number
 * @param blob a BLOB's decoded bytes, null for other types
 * @param format a BLOB's format (".fits"), empty for other types
 */
public record IndiElement(String name, String label, String text, double number, double min, double max, byte[] blob, String format) {

    /** True for a switch that is On. */
    public boolean isOn() {
        return "On".equals(text);
    }

    /** This element with a new value from a set message, keeping the label and range. */
    IndiElement withValue(IndiElement update) {
        return new IndiElement(name, label, update.text, update.number, Double.isNaN(update.min) ? min : update.min,
                Double.isNaN(update.max) ? max : update.max, update.blob, update.format);
    }
}
