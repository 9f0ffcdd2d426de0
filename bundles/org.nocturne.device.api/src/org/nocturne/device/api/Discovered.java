package org.nocturne.device.api;

import java.util.Map;

/**
 * One device found by looking for it, as Setup offers it: an INDI device on a server, an Alpaca device on the
 * network, a serial port.
 *
 * @param label for the user ("CCD Simulator on localhost:7624", "/dev/ttyUSB0 — FT232R USB UART")
 * @param settings the setting values that choose it (keys of {@link DeviceProvider#settings}); Setup puts them into
 *            the form, leaving the other settings as they are
 */
public record Discovered(String label, Map<String, String> settings) {

    public Discovered {
        settings = Map.copyOf(settings);
    }
}
