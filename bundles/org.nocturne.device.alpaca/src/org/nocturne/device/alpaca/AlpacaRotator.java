package org.nocturne.device.alpaca;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.rotator.Rotator;
import org.nocturne.device.api.rotator.RotatorState;

/**
 * An Alpaca rotator (IRotatorV3): {@code mechanicalposition} and {@code movemechanical} for the mechanical angle,
 * {@code position}, {@code moveabsolute} and {@code sync} for the sky position angle. Moves are polled on
 * {@code ismoving}; cancelling one sends {@code halt}.
 */
final class AlpacaRotator extends AlpacaDevice<RotatorState> implements Rotator {

    private static final long POLL_MILLIS = 100;
    /** Longer than the slowest real move from end to end. */
    private static final Duration MOTION_LIMIT = Duration.ofMinutes(5);

    AlpacaRotator(AlpacaEndpoint endpoint) {
        super(endpoint, DeviceKind.ROTATOR, RotatorState.disconnected());
    }

    @Override
    protected void readDevice() {
        // nothing fixed to read: angles are always 0..360
    }

    @Override
    protected void refresh() throws InterruptedException {
        double mechanical = alpaca().getDouble("mechanicalposition");
        double sky = alpaca().getDouble("position");
        boolean moving = alpaca().getBoolean("ismoving");
        update(s -> new RotatorState(s.connection(), s.message(), mechanical, sky, moving));
    }

    @Override
    protected RotatorState withConnection(RotatorState s, ConnectionState connection, String message) {
        return new RotatorState(connection, message, s.mechanicalDegrees(), s.skyDegrees(), s.moving());
    }

    @Override
    public CompletableFuture<Void> moveMechanical(double degrees) {
        return alpacaCommand("turn the rotator", () -> {
            turn("movemechanical", degrees);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> moveSky(double degrees) {
        return alpacaCommand("turn the rotator", () -> {
            turn("moveabsolute", degrees);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> syncSky(double degrees) {
        return alpacaCommand("sync the rotator", () -> {
            checkAngle(degrees);
            alpaca().put("sync", "Position", AlpacaClient.number("Rotator angle", normalised(degrees)));
            refresh();
            return null;
        });
    }

    private void checkAngle(double degrees) {
        if (!Double.isFinite(degrees)) {
            throw new IllegalArgumentException(info().name() + ": rotator angle " + degrees + " is not a number");
        }
    }

    private void turn(String member, double degrees) throws InterruptedException {
        checkAngle(degrees);
        alpaca().put(member, "Position", AlpacaClient.number("Rotator angle", normalised(degrees)));
        awaitMotion("the rotator move", "ismoving", "halt", limit(MOTION_LIMIT), POLL_MILLIS);
    }

    private static double normalised(double degrees) {
        double angle = degrees % 360;
        return angle < 0 ? angle + 360 : angle;
    }
}
