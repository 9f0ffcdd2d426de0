package org.nocturne.device.indi;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.rotator.Rotator;
import org.nocturne.device.api.rotator.RotatorState;
import org.nocturne.device.indi.protocol.IndiProperty;
import org.nocturne.device.indi.protocol.PropertyState;

/**
 * An INDI rotator: ABS_ROTATOR_ANGLE turns, ROTATOR_ABORT_MOTION halts. The sky angle is the mechanical angle plus an
 * offset learnt from {@link #syncSky}, kept here: INDI's SYNC_ROTATOR_ANGLE would redefine the mechanical angle
 * itself, which this interface keeps as the rotator's own.
 */
final class IndiRotator extends IndiDevice<RotatorState> implements Rotator {

    /** Sky angle minus mechanical angle, NaN until synced. */
    private double skyOffset = Double.NaN;

    IndiRotator(IndiSettings settings) {
        super(DeviceKind.ROTATOR, settings, RotatorState.disconnected());
    }

    @Override
    protected boolean ready() {
        return property("ABS_ROTATOR_ANGLE") != null;
    }

    @Override
    protected void prepare() {
        // nothing to read beyond the angle
    }

    @Override
    public CompletableFuture<Void> moveMechanical(double degrees) {
        return command("turn", () -> {
            turn(degrees);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> moveSky(double degrees) {
        return command("turn", () -> {
            if (Double.isNaN(skyOffset)) {
                throw new DeviceException(device + " does not know its sky angle yet: sync it to a plate solve first");
            }
            turn(degrees - skyOffset);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> syncSky(double degrees) {
        return command("sync", () -> {
            skyOffset = degrees - require("ABS_ROTATOR_ANGLE").number("ANGLE");
            refresh();
            return null;
        });
    }

    @Override
    protected RotatorState snapshot(ConnectionState connection, String message) {
        IndiProperty angle = property("ABS_ROTATOR_ANGLE");
        double mechanical = angle == null ? Double.NaN : normalise(angle.number("ANGLE"));
        double sky = Double.isNaN(skyOffset) ? Double.NaN : normalise(mechanical + skyOffset);
        return new RotatorState(connection, message, mechanical, sky, angle != null && angle.state() == PropertyState.BUSY);
    }

    private void turn(double degrees) throws Exception {
        double target = normalise(degrees);
        IndiProperty angle = require("ABS_ROTATOR_ANGLE");
        long sent = sendNumbers("ABS_ROTATOR_ANGLE", Map.of("ANGLE", target));
        try {
            awaitCompletion("ABS_ROTATOR_ANGLE", sent, timeoutOf(angle, Duration.ofMinutes(3)),
                    p -> Math.abs(Math.IEEEremainder(p.number("ANGLE") - target, 360)) < 0.01);
        } catch (InterruptedException e) {
            if (property("ROTATOR_ABORT_MOTION") != null) {
                sendSwitches("ROTATOR_ABORT_MOTION", Map.of("ABORT", true));
            }
            throw e;
        }
    }

    private static double normalise(double degrees) {
        double value = degrees % 360;
        return value < 0 ? value + 360 : value;
    }
}
