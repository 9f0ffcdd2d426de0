package org.nocturne.device.core.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceProvider;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.core.DeviceRegistry;

/**
 * Checks a profile's device choices against the drivers installed now: that each driver is installed and makes that
 * kind of device, that each setting is one the driver declares, and that each value passes its
 * {@link SettingDescriptor#check}. A setting left out is fine: the driver's default applies.
 *
 * <p>Every problem is a sentence for the user that starts with the device kind and names the setting:
 * {@code Camera: setting "gain": Gain "high" is not a whole number}. Thread-safe; never blocks.
 */
public final class ProfileCheck {

    private final DeviceRegistry registry;

    public ProfileCheck(DeviceRegistry registry) {
        this.registry = registry;
    }

    /** The sentence for a choice whose driver is missing: {@code Camera: driver org.x.y is not installed}. */
    public static String notInstalled(DeviceKind kind, String providerId) {
        return kind.label() + ": driver " + providerId + " is not installed";
    }

    /** Every problem of every device {@code profile} chooses, in {@link DeviceKind} order; empty when it is sound. */
    public List<String> problems(EquipmentProfile profile) {
        List<String> problems = new ArrayList<>();
        profile.devices().forEach((kind, choice) -> problems.addAll(problems(kind, choice)));
        return problems;
    }

    /** The problems of the device chosen for {@code kind}; empty when it is sound. */
    public List<String> problems(DeviceKind kind, DeviceChoice choice) {
        Optional<DeviceProvider> found = registry.provider(choice.providerId());
        if (found.isEmpty()) {
            return List.of(notInstalled(kind, choice.providerId()));
        }
        DeviceProvider provider = found.get();
        String driver = provider.name() + " (" + provider.id() + ")";
        if (!provider.kinds().contains(kind)) {
            return List.of(kind.label() + ": driver " + driver + " does not make this kind of device");
        }
        Map<String, SettingDescriptor> declared = provider.settings(kind).stream()
                .collect(Collectors.toMap(SettingDescriptor::key, descriptor -> descriptor, (a, b) -> a, LinkedHashMap::new));
        List<String> problems = new ArrayList<>();
        choice.settings().forEach((key, value) -> {
            SettingDescriptor descriptor = declared.get(key);
            if (descriptor == null) {
                problems.add(kind.label() + ": setting \"" + key + "\" is not one that " + driver + " knows; "
                        + (declared.isEmpty() ? "it takes no settings" : "it takes " + String.join(", ", declared.keySet())));
                return;
            }
            try {
                descriptor.check(value);
            } catch (IllegalArgumentException e) {
                problems.add(kind.label() + ": setting \"" + key + "\": " + e.getMessage());
            }
        });
        return problems;
    }
}
