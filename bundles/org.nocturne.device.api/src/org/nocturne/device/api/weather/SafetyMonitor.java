package org.nocturne.device.api.weather;

import org.nocturne.device.api.Device;

/** Says whether it is safe to observe (roof open, no rain); a sequence parks and closes when it turns unsafe. */
public interface SafetyMonitor extends Device<SafetyState> {
}
