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
            alpaca().put("sync", "Position", AlpacaClient.number(normalised(degrees)));
            refresh();
            return null;
        });
    }

    private void turn(String member, double degrees) throws InterruptedException {
        if (!Double.isFinite(degrees)) {
            throw new IllegalArgumentException("Rotator angle " + degrees + " is not a number");
        }
        alpaca().put(member, "Position", AlpacaClient.number(normalised(degrees)));
        long deadline = deadline(MOTION_LIMIT);
        try {
            do {
                checkDeadline(deadline, "the rotator move", MOTION_LIMIT);
                refresh();
                Thread.sleep(POLL_MILLIS);
            } while (alpaca().getBoolean("ismoving"));
        } catch (InterruptedException e) {
            Thread.interrupted();
            alpaca().put("halt");
            refresh();
            throw e;
        }
        refresh();
    }

    private static double normalised(double degrees) {
        double angle = degrees % 360;
        return angle < 0 ? angle + 360 : angle;
    }
}
