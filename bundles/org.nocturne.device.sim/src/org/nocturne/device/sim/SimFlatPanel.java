package org.nocturne.device.sim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.SettingDescriptor.Type;
import org.nocturne.device.api.flatpanel.FlatPanel;
import org.nocturne.device.api.flatpanel.FlatPanelState;
import org.nocturne.device.api.support.SettingValues;

/**
 * A simulated cover calibrator: a motorised dust cover with an electroluminescent panel behind it. With the cover
 * closed the camera sees only the panel's light (brightness scales it); open, it sees the sky.
 */
final class SimFlatPanel extends SimDevice<FlatPanelState> implements FlatPanel {

    static final List<SettingDescriptor> SETTINGS = List.of(
            SettingDescriptor.of("maxBrightness", "Brightness steps", Type.INTEGER, "255", "", "Largest brightness value"));

    private final int maxBrightness;
    private boolean open = true;
    private int brightness;

    SimFlatPanel(SimulatedObservatory observatory, SettingValues settings) {
        super(new DeviceInfo(SimulatorProvider.ID, "Simulated flat panel", "Cover calibrator of the sky simulator"), DeviceKind.FLAT_PANEL,
                FlatPanelState.disconnected(), observatory);
        this.maxBrightness = settings.integer("maxBrightness");
    }

    @Override
    public int maxBrightness() {
        return maxBrightness;
    }

    @Override
    public boolean hasCover() {
        return true;
    }

    @Override
    protected void openConnection() {
        publish(new FlatPanelState(ConnectionState.CONNECTED, "", open, false, brightness));
    }

    @Override
    protected void closeConnection() {
        // the panel keeps its state, as a real one does
    }

    @Override
    protected FlatPanelState withConnection(FlatPanelState s, ConnectionState connection, String message) {
        return new FlatPanelState(connection, message, s.coverOpen(), s.coverMoving(), s.brightness());
    }

    @Override
    public CompletableFuture<Void> setCover(boolean openCover) {
        return command(openCover ? "open the cover" : "close the cover", () -> {
            publish(new FlatPanelState(ConnectionState.CONNECTED, "", open, true, brightness));
            try {
                observatory.clock().sleep(Duration.ofSeconds(5));
                open = openCover;
                observatory.setFlatPanel(brightness, maxBrightness, open);
            } finally {
                publish(new FlatPanelState(ConnectionState.CONNECTED, "", open, false, brightness));
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> setBrightness(int value) {
        return command("set brightness", () -> {
            if (value < 0 || value > maxBrightness) {
                throw new IllegalArgumentException("Brightness " + value + " is outside 0 to " + maxBrightness);
            }
            brightness = value;
            observatory.setFlatPanel(brightness, maxBrightness, open);
            publish(new FlatPanelState(ConnectionState.CONNECTED, "", open, false, brightness));
            return null;
        });
    }
}
