package org.nocturne.device.sim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.SettingDescriptor.Type;
import org.nocturne.device.api.rotator.Rotator;
import org.nocturne.device.api.rotator.RotatorState;
import org.nocturne.device.api.support.SettingValues;

/**
 * A simulated rotator. The camera's true sky angle is its mounting angle (a setting the user does not know) plus the
 * mechanical angle, so sky angles are known only after a sync from a plate solve, as with a real one.
 */
final class SimRotator extends SimDevice<RotatorState> implements Rotator {

    static final List<SettingDescriptor> SETTINGS = List.of(
            SettingDescriptor.of("cameraAngle", "Camera mounting angle", Type.DECIMAL, "37", "°",
                    "The camera's sky angle at mechanical 0 (the truth a plate solve finds)"),
            SettingDescriptor.of("degreesPerSecond", "Speed", Type.DECIMAL, "10", "°/s", "How fast it turns"));

    private final double speed;
    /** Sky angle minus mechanical angle, as the last sync taught it; NaN before. */
    private double skyOffset = Double.NaN;

    SimRotator(SimulatedObservatory observatory, SettingValues settings) {
        super(new DeviceInfo(SimulatorProvider.ID, "Simulated rotator", "Camera rotator of the sky simulator"), DeviceKind.ROTATOR,
                RotatorState.disconnected(), observatory);
        this.speed = settings.decimal("degreesPerSecond");
        observatory.setCameraAngle(settings.decimal("cameraAngle"));
    }

    @Override
    protected void openConnection() {
        publishAt(false);
    }

    @Override
    protected void closeConnection() {
        // nothing to release
    }

    @Override
    protected RotatorState withConnection(RotatorState s, ConnectionState connection, String message) {
        return new RotatorState(connection, message, s.mechanicalDegrees(), s.skyDegrees(), s.moving());
    }

    @Override
    public CompletableFuture<Void> moveMechanical(double degrees) {
        return command("rotate", () -> {
            turnTo(degrees);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> moveSky(double degrees) {
        return command("rotate", () -> {
            if (Double.isNaN(skyOffset)) {
                throw new IllegalStateException("The rotator's sky angle is unknown: sync it to a plate solve first");
            }
            turnTo(degrees - skyOffset);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> syncSky(double degrees) {
        return command("sync", () -> {
            skyOffset = degrees - observatory.rotatorMechanical();
            publishAt(false);
            return null;
        });
    }

    private void turnTo(double degrees) throws InterruptedException {
        double target = ((degrees % 360) + 360) % 360;
        double distance = Math.abs(Math.IEEEremainder(target - observatory.rotatorMechanical(), 360));
        publishAt(true);
        try {
            observatory.clock().sleep(Duration.ofMillis((long) (distance / speed * 1000)));
            observatory.setRotatorMechanical(target);
        } finally {
            publishAt(false);
        }
    }

    private void publishAt(boolean moving) {
        double mechanical = observatory.rotatorMechanical();
        double sky = Double.isNaN(skyOffset) ? Double.NaN : (((mechanical + skyOffset) % 360) + 360) % 360;
        publish(new RotatorState(ConnectionState.CONNECTED, "", mechanical, sky, moving));
    }
}
