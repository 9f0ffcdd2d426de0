package org.nocturne.device.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.nocturne.device.api.SettingDescriptor;

/**
 * A device's settings as given, checked against their descriptors, with defaults for what was not given.
 *
 * @throws IllegalArgumentException (from the factory) naming an unknown or invalid setting
 */
final class SettingValues {

    private final Map<String, String> values;

    private SettingValues(Map<String, String> values) {
        this.values = values;
    }

    static SettingValues of(List<SettingDescriptor> descriptors, Map<String, String> given) {
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

    double decimal(String key) {
        return Double.parseDouble(values.get(key));
    }

    int integer(String key) {
        return Integer.parseInt(values.get(key));
    }

    String text(String key) {
        return values.get(key);
    }
}
