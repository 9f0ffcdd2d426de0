package org.nocturne.device.api;

import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.filterwheel.FilterWheel;
import org.nocturne.device.api.flatpanel.FlatPanel;
import org.nocturne.device.api.focuser.Focuser;
import org.nocturne.device.api.guider.Guider;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.api.power.Switch;
import org.nocturne.device.api.rotator.Rotator;
import org.nocturne.device.api.weather.SafetyMonitor;
import org.nocturne.device.api.weather.Weather;

/** The kinds of equipment an equipment profile chooses one device for, with the interface each implements. */
public enum DeviceKind {
    CAMERA("Camera", Camera.class),
    MOUNT("Mount", Mount.class),
    FOCUSER("Focuser", Focuser.class),
    FILTER_WHEEL("Filter wheel", FilterWheel.class),
    ROTATOR("Rotator", Rotator.class),
    GUIDER("Guider", Guider.class),
    FLAT_PANEL("Flat panel", FlatPanel.class),
    SWITCH("Switches", Switch.class),
    WEATHER("Weather", Weather.class),
    SAFETY_MONITOR("Safety monitor", SafetyMonitor.class);

    private final String label;
    private final Class<? extends Device<?>> type;

    DeviceKind(String label, Class<? extends Device<?>> type) {
        this.label = label;
        this.type = type;
    }

    /** For the user: "Filter wheel". */
    public String label() {
        return label;
    }

    /** The interface devices of this kind implement. */
    public Class<? extends Device<?>> type() {
        return type;
    }
}
