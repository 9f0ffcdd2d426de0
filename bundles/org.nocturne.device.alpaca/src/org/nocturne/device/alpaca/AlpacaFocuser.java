package org.nocturne.device.alpaca;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.focuser.Focuser;
import org.nocturne.device.api.focuser.FocuserCapabilities;
import org.nocturne.device.api.focuser.FocuserState;

/**
 * An Alpaca focuser. {@code move} takes an absolute position on an absolute focuser and a step count on a relative
 * one; moves are polled on {@code ismoving}, and cancelling one sends {@code halt}. A relative focuser's position is
 * counted here from 0 at connection.
 */
final class AlpacaFocuser extends AlpacaDevice<FocuserState> implements Focuser {

    private static final long POLL_MILLIS = 100;
    /** Longer than the slowest real move from end to end. */
    private static final Duration MOTION_LIMIT = Duration.ofMinutes(5);

    private volatile FocuserCapabilities capabilities;
    private int maxIncrement;
    private boolean hasTemperature;
    /** A relative focuser's position, counted from its connection. */
    private int relativePosition;

    AlpacaFocuser(AlpacaEndpoint endpoint) {
        super(endpoint, DeviceKind.FOCUSER, FocuserState.disconnected());
    }

    @Override
    public FocuserCapabilities capabilities() {
        FocuserCapabilities known = capabilities;
        return known != null ? known : new FocuserCapabilities(true, 0, Double.NaN, false, 0);
    }

    @Override
    protected void readDevice() throws InterruptedException {
        AlpacaClient alpaca = alpaca();
        boolean absolute = alpaca.getBoolean("absolute");
        int maxStep = alpaca.getInt("maxstep");
        maxIncrement = alpaca.getInt("maxincrement");
        double stepSize = Double.NaN;
        try {
            stepSize = alpaca.getDouble("stepsize");
        } catch (AlpacaException e) {
            if (!e.notImplemented()) {
                throw e;
            }
        }
        hasTemperature = temperature() != null;
        relativePosition = 0;
        capabilities = new FocuserCapabilities(absolute, maxStep, stepSize, hasTemperature, 0);
    }

    private Double temperature() throws InterruptedException {
        try {
            return alpaca().getDouble("temperature");
        } catch (AlpacaException e) {
            if (e.notImplemented()) {
                return null;
            }
            throw e;
        }
    }

    @Override
    protected void refresh() throws InterruptedException {
        int position = capabilities.absolute() ? alpaca().getInt("position") : relativePosition;
        boolean moving = alpaca().getBoolean("ismoving");
        Double temperature = hasTemperature ? temperature() : null;
        update(s -> new FocuserState(s.connection(), s.message(), position, moving, temperature == null ? Double.NaN : temperature));
    }

    @Override
    protected FocuserState withConnection(FocuserState s, ConnectionState connection, String message) {
        return new FocuserState(connection, message, s.position(), s.moving(), s.temperatureCelsius());
    }

    @Override
    public CompletableFuture<Void> moveTo(int position) {
        return alpacaCommand("move the focuser", () -> {
            move(position);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> moveBy(int steps) {
        return alpacaCommand("move the focuser", () -> {
            int from = capabilities.absolute() ? alpaca().getInt("position") : relativePosition;
            move(from + steps);
            return null;
        });
    }

    /** Moves to a position and waits until the focuser stops; halts it on interruption. */
    private void move(int target) throws InterruptedException {
        FocuserCapabilities focuser = capabilities;
        if (focuser.absolute() && (target < 0 || target > focuser.maxPosition())) {
            throw new IllegalArgumentException("Focuser position " + target + " is outside 0 to " + focuser.maxPosition());
        }
        int from = focuser.absolute() ? alpaca().getInt("position") : relativePosition;
        int steps = target - from;
        if (!focuser.absolute() && Math.abs(steps) > maxIncrement) {
            throw new IllegalArgumentException("Focuser move of " + steps + " steps is beyond the focuser's " + maxIncrement + " steps");
        }
        alpaca().put("move", "Position", String.valueOf(focuser.absolute() ? target : steps));
        if (!focuser.absolute()) {
            relativePosition = target;
        }
        awaitMotion("the focuser move", "ismoving", "halt", limit(MOTION_LIMIT), POLL_MILLIS);
    }
}
