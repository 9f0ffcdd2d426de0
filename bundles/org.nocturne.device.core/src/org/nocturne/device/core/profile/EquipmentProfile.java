package org.nocturne.device.core.profile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.nocturne.core.sky.ObserverSite;
import org.nocturne.device.api.DeviceKind;

/**
 * One set of equipment the user works with: where it stands, the imaging telescope, and the device chosen for each kind
 * (none for a kind the user does not have). Immutable.
 *
 * @param name what the user calls it, unique in a {@link ProfileStore}; 1 to {@value #MAX_NAME_LENGTH} characters, no
 *            control characters, no leading or trailing blanks (they are stripped)
 * @param site where the telescope stands
 * @param focalLengthMm the imaging telescope's focal length in millimetres, positive
 * @param apertureMm the imaging telescope's aperture in millimetres, positive
 * @param devices the chosen device per kind, in {@link DeviceKind} order
 */
public record EquipmentProfile(String name, ObserverSite site, double focalLengthMm, double apertureMm,
        Map<DeviceKind, DeviceChoice> devices) {

    public static final int MAX_NAME_LENGTH = 80;

    /** The name of the profile made on first start. */
    public static final String SIMULATOR_NAME = "Simulator";

    /** The provider id of the sky simulator, which makes every kind of device. */
    public static final String SIMULATOR_PROVIDER_ID = "org.nocturne.device.sim";

    /** @throws IllegalArgumentException naming the field that is wrong */
    public EquipmentProfile {
        name = checkName(name);
        Objects.requireNonNull(site, "site");
        checkPositive("Focal length", focalLengthMm);
        checkPositive("Aperture", apertureMm);
        EnumMap<DeviceKind, DeviceChoice> copy = new EnumMap<>(DeviceKind.class);
        devices.forEach((kind, choice) -> copy.put(Objects.requireNonNull(kind, "device kind"),
                Objects.requireNonNull(choice, () -> kind.label() + " has no device choice")));
        devices = Collections.unmodifiableMap(copy);
    }

    /**
     * The profile made on first start: the sky simulator for every kind with its default settings, at Greenwich, on a
     * 400 mm focal length, 80 mm aperture telescope.
     */
    public static EquipmentProfile simulator() {
        EnumMap<DeviceKind, DeviceChoice> devices = new EnumMap<>(DeviceKind.class);
        for (DeviceKind kind : DeviceKind.values()) {
            devices.put(kind, DeviceChoice.withDefaults(SIMULATOR_PROVIDER_ID));
        }
        return new EquipmentProfile(SIMULATOR_NAME, ObserverSite.GREENWICH, 400, 80, devices);
    }

    /** The device chosen for {@code kind}, if any. */
    public Optional<DeviceChoice> device(DeviceKind kind) {
        return Optional.ofNullable(devices.get(kind));
    }

    public EquipmentProfile withName(String newName) {
        return new EquipmentProfile(newName, site, focalLengthMm, apertureMm, devices);
    }

    public EquipmentProfile withSite(ObserverSite newSite) {
        return new EquipmentProfile(name, newSite, focalLengthMm, apertureMm, devices);
    }

    /** This profile on another telescope; both figures in millimetres. */
    public EquipmentProfile withTelescope(double newFocalLengthMm, double newApertureMm) {
        return new EquipmentProfile(name, site, newFocalLengthMm, newApertureMm, devices);
    }

    /** This profile with {@code choice} for {@code kind}, replacing any earlier choice. */
    public EquipmentProfile withDevice(DeviceKind kind, DeviceChoice choice) {
        EnumMap<DeviceKind, DeviceChoice> next = new EnumMap<>(DeviceKind.class);
        next.putAll(devices);
        next.put(kind, choice);
        return new EquipmentProfile(name, site, focalLengthMm, apertureMm, next);
    }

    /** This profile with no device of {@code kind}. */
    public EquipmentProfile withoutDevice(DeviceKind kind) {
        EnumMap<DeviceKind, DeviceChoice> next = new EnumMap<>(DeviceKind.class);
        next.putAll(devices);
        next.remove(kind);
        return new EquipmentProfile(name, site, focalLengthMm, apertureMm, next);
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The profile name is empty");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("The profile name \"" + stripped.substring(0, 20) + "…\" is " + stripped.length()
                    + " characters long; at most " + MAX_NAME_LENGTH + " fit");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The profile name \"" + stripped + "\" holds a control character");
        }
        return stripped;
    }

    private static void checkPositive(String what, double millimetres) {
        if (!(millimetres > 0 && Double.isFinite(millimetres))) {
            throw new IllegalArgumentException(what + " " + millimetres + " mm is not a positive length");
        }
    }
}
