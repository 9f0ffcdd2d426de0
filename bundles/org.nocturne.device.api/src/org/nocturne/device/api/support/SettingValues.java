package org.nocturne.device.api.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nocturne.device.api.SettingDescriptor;

/**
 * A device's settings as a provider's {@code create} receives them, checked against the provider's descriptors, with
 * defaults for what was not given and surrounding blanks trimmed. Immutable.
 */
public final class SettingValues {

    private final Map<String, String> values;

    private SettingValues(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Checks {@code given} against {@code descriptors}.
     *
     * @throws IllegalArgumentException naming an unknown or invalid setting
     */
    public static SettingValues of(List<SettingDescriptor> descriptors, Map<String, String> given) {
        Map<String, String> values = new HashMap<>();
        for (SettingDescriptor descriptor : descriptors) {
            String value = given.getOrDefault(descriptor.key(), descriptor.defaultValue());
            descriptor.check(value);
            values.put(descriptor.key(), value.trim());
        }
        for (String key : given.keySet()) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("Unknown setting \"" + key + "\"");
            }
        }
        return new SettingValues(values);
    }

    public double decimal(String key) {
        return Double.parseDouble(values.get(key));
    }

    public int integer(String key) {
        return Integer.parseInt(values.get(key));
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(values.get(key));
    }

    public String text(String key) {
        return values.get(key);
    }
}
