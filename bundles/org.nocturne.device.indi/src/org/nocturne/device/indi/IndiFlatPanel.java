package org.nocturne.device.indi;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.flatpanel.FlatPanel;
import org.nocturne.device.api.flatpanel.FlatPanelState;
import org.nocturne.device.indi.protocol.IndiProperty;
import org.nocturne.device.indi.protocol.PropertyState;

/**
 * An INDI light box, possibly with a dust cap: FLAT_LIGHT_CONTROL (FLAT_LIGHT_ON/OFF), FLAT_LIGHT_INTENSITY, and
 * CAP_PARK (PARK closes the cap, UNPARK opens it) when the driver is also a dust cap.
 */
final class IndiFlatPanel extends IndiDevice<FlatPanelState> implements FlatPanel {

    private volatile int maxBrightness;

    IndiFlatPanel(IndiSettings settings) {
        super(DeviceKind.FLAT_PANEL, settings, FlatPanelState.disconnected());
    }

    @Override
    public int maxBrightness() {
        return maxBrightness;
    }

    @Override
    public boolean hasCover() {
        return property("CAP_PARK") != null;
    }

    @Override
    protected boolean ready() {
        return property("FLAT_LIGHT_CONTROL") != null && property("FLAT_LIGHT_INTENSITY") != null;
    }

    @Override
    protected void prepare() {
        maxBrightness = (int) require("FLAT_LIGHT_INTENSITY").element("FLAT_LIGHT_INTENSITY_VALUE").max();
    }

    @Override
    public CompletableFuture<Void> setCover(boolean open) {
        return command("move the cover", () -> {
            String which = open ? "UNPARK" : "PARK";
            IndiProperty cap = require("CAP_PARK");
            long sent = selectSwitch("CAP_PARK", which);
            awaitCompletion("CAP_PARK", sent, timeoutOf(cap, Duration.ofMinutes(1)), p -> p.isOn(which));
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> setBrightness(int brightness) {
        return command("set the light", () -> {
            if (brightness < 0 || brightness > maxBrightness) {
                throw new IllegalArgumentException("Brightness " + brightness + " is outside 0 to " + maxBrightness);
            }
            if (brightness == 0) {
                changeSwitch("FLAT_LIGHT_CONTROL", "FLAT_LIGHT_OFF");
            } else {
                changeSwitch("FLAT_LIGHT_CONTROL", "FLAT_LIGHT_ON");
                changeNumbers("FLAT_LIGHT_INTENSITY", Map.of("FLAT_LIGHT_INTENSITY_VALUE", (double) brightness));
            }
            return null;
        });
    }

    @Override
    protected FlatPanelState snapshot(ConnectionState connection, String message) {
        IndiProperty light = property("FLAT_LIGHT_CONTROL");
        IndiProperty intensity = property("FLAT_LIGHT_INTENSITY");
        IndiProperty cap = property("CAP_PARK");
        boolean on = light != null && light.isOn("FLAT_LIGHT_ON");
        int brightness = on && intensity != null ? (int) Math.round(intensity.number("FLAT_LIGHT_INTENSITY_VALUE")) : 0;
        return new FlatPanelState(connection, message, cap == null || cap.isOn("UNPARK"),
                cap != null && cap.state() == PropertyState.BUSY, brightness);
    }
}
