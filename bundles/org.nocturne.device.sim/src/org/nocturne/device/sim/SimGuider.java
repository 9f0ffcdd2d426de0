package org.nocturne.device.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.SettingDescriptor;
import org.nocturne.device.api.SettingDescriptor.Type;
import org.nocturne.device.api.guider.Guider;
import org.nocturne.device.api.guider.GuiderActivity;
import org.nocturne.device.api.guider.GuiderState;
import org.nocturne.device.api.support.SettingValues;

/**
 * The internal guider for the simulator: an off-axis guide camera that sees where the mount truly points (with a
 * centroid noise from the seeing) and corrects it with pulses on the simulated mount's axes, as PHD2 does through
 * ST-4. Guide steps run every {@code exposureSeconds} of simulated time on the guider's thread; each moves the mount
 * by {@code aggressiveness} of the measured error. Dithers shift the lock position and settle as PHD2's do.
 */
final class SimGuider extends SimDevice<GuiderState> implements Guider {

    static final List<SettingDescriptor> SETTINGS = List.of(
            SettingDescriptor.of("exposureSeconds", "Guide exposure", Type.DECIMAL, "2", "s", "Time between guide steps"),
            SettingDescriptor.of("pixelScaleArcsec", "Guide pixel scale", Type.DECIMAL, "3.5", "″/px", "Guide camera pixel scale"),
            SettingDescriptor.of("aggressiveness", "Aggressiveness", Type.DECIMAL, "0.7", "", "Fraction of the error corrected each step"),
            SettingDescriptor.of("centroidNoiseArcsec", "Centroid noise", Type.DECIMAL, "0.25", "″", "Seeing and noise in each star position"));

    private static final int RMS_STEPS = 50;

    private final double exposureSeconds;
    private final double pixelScale;
    private final double aggressiveness;
    private final double noise;
    private final Random random;
    private final Deque<double[]> recentErrors = new ArrayDeque<>();
    /** Where the guide star should be, ICRS; null when not guiding. */
    private Equatorial lock;
    private boolean calibrated;
    private double lastErrorPixels = Double.NaN;
    /** True while guide steps are queued one after another. */
    private volatile boolean stepping;

    SimGuider(SimulatedObservatory observatory, SettingValues settings, long seed) {
        super(new DeviceInfo(SimulatorProvider.ID, "Simulated guider", "Internal guider of the sky simulator"), DeviceKind.GUIDER,
                GuiderState.disconnected(), observatory);
        this.exposureSeconds = settings.decimal("exposureSeconds");
        this.pixelScale = settings.decimal("pixelScaleArcsec");
        this.aggressiveness = settings.decimal("aggressiveness");
        this.noise = settings.decimal("centroidNoiseArcsec");
        this.random = new Random(seed ^ 0x5EED_6D1DL);
    }

    @Override
    protected void openConnection() {
        if (!observatory.hasMount()) {
            throw new DeviceException("The simulated guider needs the simulated mount in the same profile");
        }
        publish(snapshot(ConnectionState.CONNECTED, GuiderActivity.STOPPED, ""));
    }

    @Override
    protected void closeConnection() {
        lock = null;
    }

    @Override
    protected GuiderState withConnection(GuiderState s, ConnectionState connection, String message) {
        return new GuiderState(connection, message, s.activity(), s.rmsRaArcsec(), s.rmsDecArcsec(), s.lastErrorPixels());
    }

    @Override
    public CompletableFuture<Void> loop() {
        return command("loop", () -> {
            observatory.clock().sleep(Duration.ofNanos((long) (exposureSeconds * 1e9)));
            publish(snapshot(ConnectionState.CONNECTED, GuiderActivity.LOOPING, ""));
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> guide(Settle settle, boolean recalibrate) {
        CompletableFuture<Void> guiding = command("guide", () -> {
            if (!calibrated || recalibrate) {
                publish(snapshot(ConnectionState.CONNECTED, GuiderActivity.CALIBRATING, ""));
                observatory.clock().sleep(Duration.ofSeconds(40));
                calibrated = true;
            }
            lock = observatory.truth().pointing();
            recentErrors.clear();
            try {
                settle(settle);
            } finally {
                keepGuiding();
            }
            return null;
        });
        // Cancelled before it settled: guiding was never started; say so.
        guiding.whenComplete((value, error) -> {
            if (guiding.isCancelled()) {
                stop();
            }
        });
        return guiding;
    }

    @Override
    public CompletableFuture<Void> dither(double pixels, boolean raOnly, Settle settle) {
        return command("dither", () -> {
            if (lock == null) {
                throw new DeviceException(info().name() + " is not guiding: cannot dither");
            }
            double angle = random.nextDouble() * 2 * Math.PI;
            double distance = pixels * pixelScale * random.nextDouble();
            lock = MountMechanics.offset(lock, distance * Math.cos(angle), raOnly ? 0 : distance * Math.sin(angle));
            settle(settle);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> stop() {
        return command("stop", () -> {
            lock = null;
            publish(snapshot(ConnectionState.CONNECTED, GuiderActivity.STOPPED, ""));
            return null;
        });
    }

    /** Guides step by step until the error has stayed within the settle limit long enough. */
    private void settle(Settle settle) throws InterruptedException, TimeoutException {
        publish(snapshot(ConnectionState.CONNECTED, GuiderActivity.SETTLING, ""));
        double settledFor = 0;
        double elapsed = 0;
        while (settledFor < settle.seconds()) {
            if (elapsed > settle.timeoutSeconds()) {
                publish(snapshot(ConnectionState.CONNECTED, GuiderActivity.GUIDING, "Settling timed out"));
                throw new TimeoutException(info().name() + " did not settle within " + settle.pixels() + " px in " + settle.timeoutSeconds() + " s");
            }
            double errorPixels = step();
            settledFor = errorPixels <= settle.pixels() ? settledFor + exposureSeconds : 0;
            elapsed += exposureSeconds;
        }
        publish(snapshot(ConnectionState.CONNECTED, GuiderActivity.GUIDING, ""));
    }

    /** Starts the step loop unless it runs already: guide steps follow one another while a lock position is set. */
    private void keepGuiding() {
        if (!stepping) {
            stepping = true;
            scheduleNextStep();
        }
    }

    /** Queues the next guide step on the device thread; the loop ends when guiding stops or the link goes. */
    private void scheduleNextStep() {
        command("guide step", () -> {
            if (lock == null) {
                stepping = false;
                return false;
            }
            if (Double.isFinite(step())) {
                publish(snapshot(ConnectionState.CONNECTED, GuiderActivity.GUIDING, ""));
            }
            return true;
        }).whenComplete((more, error) -> {
            if (Boolean.TRUE.equals(more)) {
                scheduleNextStep();
            } else if (error != null) {
                stepping = false;
            }
        });
    }

    /** One guide exposure and correction; returns the measured error in guide pixels. */
    private double step() throws InterruptedException {
        observatory.clock().sleep(Duration.ofNanos((long) (exposureSeconds * 1e9)));
        if (observatory.hasFault(DeviceKind.GUIDER, Fault.LOST_STAR)) {
            publish(snapshot(ConnectionState.CONNECTED, GuiderActivity.LOST_STAR, "Guide star lost"));
            return Double.POSITIVE_INFINITY;
        }
        Instant now = observatory.now();
        Equatorial star = observatory.truePointing(now);
        double cosDec = Math.cos(lock.decRadians());
        double raError = Math.toDegrees(Math.IEEEremainder(star.raRadians() - lock.raRadians(), 2 * Math.PI)) * 3600 * cosDec
                + random.nextGaussian() * noise;
        double decError = Math.toDegrees(star.decRadians() - lock.decRadians()) * 3600 + random.nextGaussian() * noise;
        recentErrors.addLast(new double[] { raError, decError });
        while (recentErrors.size() > RMS_STEPS) {
            recentErrors.removeFirst();
        }
        double seconds = observatory.secondsNow();
        observatory.withMount(mount -> {
            // Too far east (RA error > 0): turn the RA axis west; too far north: move south.
            mount.rotateRaAxis(Math.toRadians(aggressiveness * raError / 3600 / cosDec), seconds);
            mount.rotateDecAxis(-Math.toRadians(aggressiveness * decError / 3600), seconds);
            return null;
        });
        double errorPixels = Math.hypot(raError, decError) / pixelScale;
        lastErrorPixels = errorPixels;
        return errorPixels;
    }

    private GuiderState snapshot(ConnectionState connection, GuiderActivity activity, String message) {
        double ra = 0;
        double dec = 0;
        for (double[] error : recentErrors) {
            ra += error[0] * error[0];
            dec += error[1] * error[1];
        }
        int n = recentErrors.size();
        boolean guiding = n > 0 && activity != GuiderActivity.STOPPED && activity != GuiderActivity.LOOPING;
        return new GuiderState(connection, message, activity, guiding ? Math.sqrt(ra / n) : Double.NaN,
                guiding ? Math.sqrt(dec / n) : Double.NaN, lastErrorPixels);
    }
}
