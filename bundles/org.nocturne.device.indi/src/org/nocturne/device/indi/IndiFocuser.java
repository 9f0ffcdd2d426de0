package org.nocturne.device.indi;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.focuser.Focuser;
import org.nocturne.device.api.focuser.FocuserCapabilities;
import org.nocturne.device.api.focuser.FocuserState;
import org.nocturne.device.indi.protocol.IndiProperty;
import org.nocturne.device.indi.protocol.PropertyState;

/**
 * An INDI focuser: ABS_FOCUS_POSITION for absolute moves, REL_FOCUS_POSITION with FOCUS_MOTION for relative ones,
 * FOCUS_ABORT_MOTION to halt, FOCUS_MAX for the travel, FOCUS_TEMPERATURE for the temperature, FOCUS_BACKLASH_STEPS
 * for the backlash the driver takes up.
 */
final class IndiFocuser extends IndiDevice<FocuserState> implements Focuser {

    private volatile FocuserCapabilities capabilities;
    /** A relative-only focuser's position, counted from connect. */
    private int counted;

    IndiFocuser(IndiSettings settings) {
        super(DeviceKind.FOCUSER, settings, FocuserState.disconnected());
    }

    @Override
    public FocuserCapabilities capabilities() {
        FocuserCapabilities known = capabilities;
        if (known == null) {
            throw new IllegalStateException(device + " is not connected: its capabilities are unknown");
        }
        return known;
    }

    @Override
    protected boolean ready() {
        return property("ABS_FOCUS_POSITION") != null || property("REL_FOCUS_POSITION") != null;
    }

    @Override
    protected void prepare() {
        IndiProperty absolute = property("ABS_FOCUS_POSITION");
        IndiProperty max = property("FOCUS_MAX");
        double travel = max != null ? max.number("FOCUS_MAX_VALUE")
                : absolute != null ? absolute.element("FOCUS_ABSOLUTE_POSITION").max()
                        : require("REL_FOCUS_POSITION").element("FOCUS_RELATIVE_POSITION").max();
        IndiProperty backlash = property("FOCUS_BACKLASH_STEPS");
        IndiProperty backlashOn = property("FOCUS_BACKLASH_TOGGLE");
        int backlashSteps = backlash != null && (backlashOn == null || backlashOn.isOn("INDI_ENABLED"))
                ? (int) backlash.number("FOCUS_BACKLASH_VALUE") : 0;
        capabilities = new FocuserCapabilities(absolute != null, (int) Math.min(Integer.MAX_VALUE, travel), Double.NaN,
                property("FOCUS_TEMPERATURE") != null, backlashSteps);
        counted = 0;
    }

    @Override
    public CompletableFuture<Void> moveTo(int position) {
        return command("move", () -> {
            check(position);
            if (capabilities().absolute()) {
                moveAbsolute(position);
            } else {
                moveRelative(position - state().position());
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> moveBy(int steps) {
        return command("move", () -> {
            if (capabilities().absolute()) {
                int target = state().position() + steps;
                check(target);
                moveAbsolute(target);
            } else {
                moveRelative(steps);
            }
            return null;
        });
    }

    @Override
    protected FocuserState snapshot(ConnectionState connection, String message) {
        IndiProperty absolute = property("ABS_FOCUS_POSITION");
        IndiProperty relative = property("REL_FOCUS_POSITION");
        IndiProperty temperature = property("FOCUS_TEMPERATURE");
        boolean moving = absolute != null && absolute.state() == PropertyState.BUSY || relative != null && relative.state() == PropertyState.BUSY;
        int position = absolute != null ? (int) Math.round(absolute.number("FOCUS_ABSOLUTE_POSITION")) : counted;
        return new FocuserState(connection, message, position, moving,
                temperature == null ? Double.NaN : temperature.number("TEMPERATURE"));
    }

    private void check(int position) {
        if (position < 0 || position > capabilities().maxPosition()) {
            throw new IllegalArgumentException("Focuser position " + position + " is outside 0 to " + capabilities().maxPosition());
        }
    }

    private void moveAbsolute(int target) throws IOException, InterruptedException {
        IndiProperty absolute = require("ABS_FOCUS_POSITION");
        long sent = sendNumbers("ABS_FOCUS_POSITION", Map.of("FOCUS_ABSOLUTE_POSITION", (double) target));
        try {
            awaitCompletion("ABS_FOCUS_POSITION", sent, timeoutOf(absolute, Duration.ofMinutes(3)),
                    p -> Math.round(p.number("FOCUS_ABSOLUTE_POSITION")) == target);
        } catch (InterruptedException e) {
            halt();
            throw e;
        }
    }

    private void moveRelative(int steps) throws IOException, InterruptedException {
        if (steps == 0) {
            return;
        }
        changeSwitch("FOCUS_MOTION", steps > 0 ? "FOCUS_OUTWARD" : "FOCUS_INWARD");
        IndiProperty relative = require("REL_FOCUS_POSITION");
        long sent = sendNumbers("REL_FOCUS_POSITION", Map.of("FOCUS_RELATIVE_POSITION", (double) Math.abs(steps)));
        try {
            // INDI's FocuserInterface answers Ok at once, without a Busy, when the driver's move returns done: the first
            // Ok or Idle update after sending ends the move.
            awaitCompletion("REL_FOCUS_POSITION", sent, timeoutOf(relative, Duration.ofMinutes(3)), p -> true);
            counted += steps;
            refresh();
        } catch (InterruptedException e) {
            halt();
            throw e;
        }
    }

    private void halt() throws IOException {
        if (property("FOCUS_ABORT_MOTION") != null) {
            sendSwitches("FOCUS_ABORT_MOTION", Map.of("ABORT", true));
        }
    }
}
