package org.nocturne.device.api;

/**
 * Who a device is.
 *
 * @param providerId the id of the {@link DeviceProvider} that made it ("org.nocturne.device.sim")
 * @param name what the user sees ("Simulated camera", "ZWO ASI2600MM Pro")
 * @param description driver and firmware details, possibly empty
 */
public record DeviceInfo(String providerId, String name, String description) {
}
