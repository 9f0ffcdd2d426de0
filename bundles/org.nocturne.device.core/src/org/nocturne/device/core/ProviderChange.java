package org.nocturne.device.core;

import java.util.Objects;

import org.nocturne.device.api.DeviceProvider;

/**
 * A driver family that came or went, as {@link DeviceRegistry} tells its listeners.
 *
 * @param type whether the provider was added or removed
 * @param provider the provider concerned
 */
public record ProviderChange(Type type, DeviceProvider provider) {

    /** What happened to the provider. */
    public enum Type {
        ADDED, REMOVED
    }

    public ProviderChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(provider, "provider");
    }
}
