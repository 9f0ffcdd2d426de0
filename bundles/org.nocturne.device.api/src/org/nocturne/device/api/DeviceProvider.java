package org.nocturne.device.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

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

    /**
     * Looks for devices of {@code kind} this provider could drive, for Setup's "Find" button: the devices an INDI
     * server at the host and port in {@code settings} offers, the Alpaca devices answering on the network, the serial
     * ports present. Returns at once; the search runs off the caller's thread, takes a few seconds at most, and
     * completes exceptionally with a message for the user when it cannot look (the server does not answer).
     *
     * @param settings the form's current values, for the host and port to ask
     * @return what was found, best first; empty when nothing was, or when the provider has nothing to look for
     */
    default CompletableFuture<List<Discovered>> discover(DeviceKind kind, Map<String, String> settings) {
        return CompletableFuture.completedFuture(List.of());
    }
}
