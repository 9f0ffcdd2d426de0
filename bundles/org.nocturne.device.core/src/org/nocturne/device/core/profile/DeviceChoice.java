package org.nocturne.device.core.profile;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The device an equipment profile chooses for one kind: which driver makes it, and that driver's settings.
 *
 * @param providerId the id of the {@link org.nocturne.device.api.DeviceProvider} ("org.nocturne.device.sim")
 * @param settings setting key to value as text, sorted by key; a key left out takes the driver's default
 */
public record DeviceChoice(String providerId, Map<String, String> settings) {

    /** @throws IllegalArgumentException when the provider id is empty, or a setting key is empty or a value missing */
    public DeviceChoice {
        if (providerId == null || providerId.isBlank()) {
            throw new IllegalArgumentException("The driver id is empty");
        }
        providerId = providerId.strip();
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            if (setting.getKey() == null || setting.getKey().isBlank()) {
                throw new IllegalArgumentException("A setting of driver " + providerId + " has an empty key");
            }
            if (setting.getValue() == null) {
                throw new IllegalArgumentException("Setting \"" + setting.getKey() + "\" of driver " + providerId + " has no value");
            }
            sorted.put(setting.getKey(), setting.getValue());
        }
        settings = Collections.unmodifiableMap(sorted);
    }

    /** The driver's defaults for every setting. */
    public static DeviceChoice withDefaults(String providerId) {
        return new DeviceChoice(providerId, Map.of());
    }
}
