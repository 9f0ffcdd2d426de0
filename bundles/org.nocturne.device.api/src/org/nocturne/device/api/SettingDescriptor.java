package org.nocturne.device.api;

import java.util.List;

/**
 * One driver setting, declared so that Setup can show a form for any driver without knowing it: a host name, a
 * serial port, a pixel size for a simulated camera.
 *
 * @param key the key the value is stored under in the profile ("host")
 * @param label for the user ("Server host")
 * @param type how to edit and check it
 * @param defaultValue the value of a new profile, as text
 * @param choices the allowed values for {@link Type#CHOICE}; empty otherwise
 * @param unit shown after the field ("µm", "s"); empty when none
 * @param help one sentence for a tooltip
 */
public record SettingDescriptor(String key, String label, Type type, String defaultValue, List<String> choices, String unit,
        String help) {

    /** How a setting is edited and checked. */
    public enum Type {
        TEXT, INTEGER, DECIMAL, BOOLEAN, CHOICE, HOST, PORT, SERIAL_PORT
    }

    public SettingDescriptor {
        choices = List.copyOf(choices);
    }

    public static SettingDescriptor of(String key, String label, Type type, String defaultValue, String unit, String help) {
        return new SettingDescriptor(key, label, type, defaultValue, List.of(), unit, help);
    }

    /**
     * Checks a value typed by the user.
     *
     * @throws IllegalArgumentException naming this setting and what is wrong
     */
    public void check(String value) {
        String text = value == null ? "" : value.trim();
        switch (type) {
            case INTEGER, PORT -> {
                try {
                    long number = Long.parseLong(text);
                    if (type == Type.PORT && (number < 1 || number > 65535)) {
                        throw new IllegalArgumentException(label + " " + text + " is not a TCP port (1 to 65535)");
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(label + " \"" + text + "\" is not a whole number", e);
                }
            }
            case DECIMAL -> {
                try {
                    if (!Double.isFinite(Double.parseDouble(text))) {
                        throw new NumberFormatException(text);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(label + " \"" + text + "\" is not a number", e);
                }
            }
            case BOOLEAN -> {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException(label + " \"" + text + "\" is neither true nor false");
                }
            }
            case CHOICE -> {
                if (!choices.contains(text)) {
                    throw new IllegalArgumentException(label + " \"" + text + "\" is not one of " + choices);
                }
            }
            case HOST, SERIAL_PORT -> {
                if (text.isEmpty()) {
                    throw new IllegalArgumentException(label + " is empty");
                }
            }
            case TEXT -> {
                // any text
            }
        }
    }
}
