package org.nocturne.device.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A driver family, registered as an OSGi Declarative Services component with this interface as its service: the
 * simulator, INDI, Alpaca, LX200, or a third party's. The device registry picks providers up as they come and go, so
 * a driver bundle dropped into the product appears in Setup without changes elsewhere.
 *
 * <p>Implementations are thread-safe; {@link #create} only builds the device object and does not connect it.
 */
public interface DeviceProvider {

    /** Stable id stored in profiles, for example "org.nocturne.device.sim". */
    String id();

    /** For the user: "Sky simulator", "INDI". */
    String name();

    /** The kinds this provider can make devices of. */
    Set<DeviceKind> kinds();

    /** The settings a device of {@code kind} takes, in the order a form shows them. */
    List<SettingDescriptor> settings(DeviceKind kind);

    /**
     * Makes a device of {@code kind} with the given settings (keys of {@link #settings}; missing keys take their
     * defaults).
     *
     * @param context what the device may need from the rest of the equipment (the site, the optics, the other
     *            devices of the same provider)
     * @throws IllegalArgumentException when a setting is invalid, naming it
     */
    Device<?> create(DeviceKind kind, Map<String, String> settings, DeviceContext context);
}
