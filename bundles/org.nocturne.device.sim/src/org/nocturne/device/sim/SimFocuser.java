package org.nocturne.device.sim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.SettingDescriptor.Type;
import org.nocturne.device.api.focuser.Focuser;
import org.nocturne.device.api.focuser.FocuserCapabilities;
import org.nocturne.device.api.focuser.FocuserState;
import org.nocturne.device.api.support.SettingValues;
import org.nocturne.device.sim.render.FocusModel;

/**
 * A simulated absolute focuser. Its position sets the star size through the observatory's V-curve, whose best focus
 * drifts with the temperature. Moves at a fixed speed; the state reports the position as it goes.
 */
final class SimFocuser extends SimDevice<FocuserState> implements Focuser {

    static final List<SettingDescriptor> SETTINGS = List.of(
            SettingDescriptor.of("maxPosition", "Travel", Type.INTEGER, "50000", "steps", "Largest position"),
            SettingDescriptor.of("stepSizeMicrons", "Step size", Type.DECIMAL, "4", "µm", "Travel per step"),
            SettingDescriptor.of("bestFocus", "Best focus at 20 °C", Type.INTEGER, "25000", "steps", "Where stars are smallest at 20 °C"),
            SettingDescriptor.of("temperatureCoefficient", "Focus drift", Type.DECIMAL, "-12", "steps/°C",
                    "How far best focus moves per degree of temperature"),
            SettingDescriptor.of("vCurveSlope", "V-curve slope", Type.DECIMAL, "0.1", "″ HFR/step",
                    "How fast stars grow away from focus (about 0.15″ a step for 4 µm steps at f/5 and 400 mm)"),
            SettingDescriptor.of("stepsPerSecond", "Speed", Type.DECIMAL, "2000", "steps/s", "Motor speed"));

    private final FocuserCapabilities capabilities;
    private final double stepsPerSecond;

    SimFocuser(SimulatedObservatory observatory, SettingValues settings) {
        super(new DeviceInfo(SimulatorProvider.ID, "Simulated focuser", "Absolute focuser of the sky simulator"), DeviceKind.FOCUSER,
                FocuserState.disconnected(), observatory);
        this.capabilities = new FocuserCapabilities(true, settings.integer("maxPosition"), settings.decimal("stepSizeMicrons"), true, 0);
        this.stepsPerSecond = settings.decimal("stepsPerSecond");
        FocusModel focus = new FocusModel(settings.integer("bestFocus"), settings.decimal("temperatureCoefficient"),
                observatory.seeingHfrArcsec(), settings.decimal("vCurveSlope"));
        observatory.setFocus(focus);
        // Out of focus at the start, as after a night in the case: stars a few arc-seconds across.
        observatory.setFocuserPosition(Math.min(capabilities.maxPosition(), settings.integer("bestFocus") + 40));
    }

    @Override
    public FocuserCapabilities capabilities() {
        return capabilities;
    }

    @Override
    protected void openConnection() {
        publish(new FocuserState(ConnectionState.CONNECTED, "", observatory.focuserPosition(), false, observatory.ambientCelsius()));
    }

    @Override
    protected void closeConnection() {
        // nothing to release
    }

    @Override
    protected FocuserState withConnection(FocuserState s, ConnectionState connection, String message) {
        return new FocuserState(connection, message, s.position(), s.moving(), s.temperatureCelsius());
    }

    @Override
    public CompletableFuture<Void> moveTo(int position) {
        return command("move", () -> {
            move(position);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> moveBy(int steps) {
        return command("move", () -> {
            move(observatory.focuserPosition() + steps);
            return null;
        });
    }

    /** Drives to {@code position} at the motor's speed; on interruption it stops where it has got to. Device thread. */
    private void move(int position) throws InterruptedException {
        if (position < 0 || position > capabilities.maxPosition()) {
            throw new IllegalArgumentException("Focuser position " + position + " is outside 0 to " + capabilities.maxPosition());
        }
        int start = observatory.focuserPosition();
        double seconds = Math.abs(position - start) / stepsPerSecond;
        publish(new FocuserState(ConnectionState.CONNECTED, "", start, true, observatory.ambientCelsius()));
        long began = System.nanoTime();
        try {
            observatory.clock().sleep(Duration.ofNanos((long) (seconds * 1e9)));
            observatory.setFocuserPosition(position);
        } catch (InterruptedException e) {
            double done = Math.min(1, (System.nanoTime() - began) / 1e9 * observatory.clock().scale() / Math.max(1e-9, seconds));
            observatory.setFocuserPosition((int) Math.round(start + (position - start) * done));
            throw e;
        } finally {
            publish(new FocuserState(ConnectionState.CONNECTED, "", observatory.focuserPosition(), false, observatory.ambientCelsius()));
        }
    }
}
