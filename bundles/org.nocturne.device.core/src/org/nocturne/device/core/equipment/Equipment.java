package org.nocturne.device.core.equipment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceContext;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceProvider;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.filterwheel.FilterWheel;
import org.nocturne.device.api.flatpanel.FlatPanel;
import org.nocturne.device.api.focuser.Focuser;
import org.nocturne.device.api.guider.Guider;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.api.power.Switch;
import org.nocturne.device.api.rotator.Rotator;
import org.nocturne.device.api.weather.SafetyMonitor;
import org.nocturne.device.api.weather.Weather;
import org.nocturne.device.core.DeviceRegistry;
import org.nocturne.device.core.profile.EquipmentProfile;
import org.nocturne.device.core.profile.ProfileCheck;

/**
 * The devices an equipment profile chooses, made by the installed drivers, at most one per {@link DeviceKind}.
 *
 * <p>Immutable and thread-safe. {@link #create} builds the device objects without connecting them;
 * {@link #connectAll()} and {@link #disconnectAll()} start every device at once, never block, and complete when every
 * device has finished, whatever the others did. A device whose link breaks while connected is brought back by a
 * {@link Reconnector} (after 2, 5, 10 s, then every 30 s) until it connects or the user disconnects it.
 */
public final class Equipment {

    private final EquipmentProfile profile;
    private final Map<DeviceKind, Device<?>> devices;

    private Equipment(EquipmentProfile profile, Map<DeviceKind, Device<?>> devices) {
        this.profile = profile;
        this.devices = Collections.unmodifiableMap(devices);
        // Lives as long as the devices' listeners: nothing to close, as replaced equipment is disconnected first.
        Reconnector.watch(this.devices.values(), Reconnector.DEFAULT_DELAYS);
    }

    /**
     * Makes every device {@code profile} chooses with {@link DeviceProvider#create}, giving each the profile's site and
     * telescope; connects none of them. Either every chosen device is made or none is.
     *
     * @param seed what simulated devices draw their randomness from: the same seed gives the same simulated night
     * @throws EquipmentException naming each device that cannot be made: its driver is not installed
     *             ({@code Camera: driver org.x.y is not installed}) or does not make that kind, a setting is unknown or
     *             invalid, or the driver failed to make it
     */
    public static Equipment create(EquipmentProfile profile, DeviceRegistry registry, long seed) throws EquipmentException {
        ProfileCheck check = new ProfileCheck(registry);
        DeviceContext context = new DeviceContext(profile.site(), profile.focalLengthMm(), profile.apertureMm(), seed);
        Map<DeviceKind, Device<?>> made = new EnumMap<>(DeviceKind.class);
        Failures failures = new Failures();
        profile.devices().forEach((kind, choice) -> {
            Optional<DeviceProvider> provider = registry.provider(choice.providerId());
            List<String> problems = provider.isEmpty() ? List.of(ProfileCheck.notInstalled(kind, choice.providerId()))
                    : check.problems(kind, choice);
            if (!problems.isEmpty()) {
                problems.forEach(problem -> failures.add(kind, problem, null));
                return;
            }
            String driver = provider.get().name() + " (" + provider.get().id() + ")";
            try {
                Device<?> device = provider.get().create(kind, choice.settings(), context);
                if (!kind.type().isInstance(device) || device.kind() != kind) {
                    failures.add(kind, kind.label() + ": driver " + driver + " made "
                            + (device == null ? "nothing" : "a " + device.getClass().getName()) + " instead of a "
                            + kind.type().getSimpleName(), null);
                } else {
                    made.put(kind, device);
                }
            } catch (RuntimeException e) {
                failures.add(kind, kind.label() + ": driver " + driver + " could not make the device: " + messageOf(e), e);
            }
        });
        if (!failures.isEmpty()) {
            throw failures.exception("Could not make " + failures.size() + " of " + profile.devices().size()
                    + " devices of profile \"" + profile.name() + "\"");
        }
        return new Equipment(profile, made);
    }

    public EquipmentProfile profile() {
        return profile;
    }

    /** Every device, in {@link DeviceKind} order. */
    public Map<DeviceKind, Device<?>> devices() {
        return devices;
    }

    /**
     * The device of {@code kind}, if the profile chooses one.
     *
     * @param type the interface of that kind ({@link DeviceKind#type()}) or one it extends
     * @throws IllegalArgumentException when devices of {@code kind} are not {@code type}s
     */
    public <D extends Device<?>> Optional<D> device(DeviceKind kind, Class<D> type) {
        if (!type.isAssignableFrom(kind.type())) {
            throw new IllegalArgumentException(kind.label() + " devices are " + kind.type().getSimpleName() + ", not "
                    + type.getSimpleName());
        }
        return Optional.ofNullable(devices.get(kind)).map(type::cast);
    }

    public Optional<Camera> camera() {
        return device(DeviceKind.CAMERA, Camera.class);
    }

    public Optional<Mount> mount() {
        return device(DeviceKind.MOUNT, Mount.class);
    }

    public Optional<Focuser> focuser() {
        return device(DeviceKind.FOCUSER, Focuser.class);
    }

    public Optional<FilterWheel> filterWheel() {
        return device(DeviceKind.FILTER_WHEEL, FilterWheel.class);
    }

    public Optional<Rotator> rotator() {
        return device(DeviceKind.ROTATOR, Rotator.class);
    }

    public Optional<Guider> guider() {
        return device(DeviceKind.GUIDER, Guider.class);
    }

    public Optional<FlatPanel> flatPanel() {
        return device(DeviceKind.FLAT_PANEL, FlatPanel.class);
    }

    public Optional<Switch> switches() {
        return device(DeviceKind.SWITCH, Switch.class);
    }

    public Optional<Weather> weather() {
        return device(DeviceKind.WEATHER, Weather.class);
    }

    public Optional<SafetyMonitor> safetyMonitor() {
        return device(DeviceKind.SAFETY_MONITOR, SafetyMonitor.class);
    }

    /**
     * Connects every device at once. The future completes, on the thread of the device that finished last, when every
     * device has finished: normally when all connected, or else with an {@link EquipmentException} naming each device
     * that failed and why; the others stay connected. A device that fails never stops the others. Cancelling the future
     * cancels every device's connect that is still running.
     */
    public CompletableFuture<Void> connectAll() {
        return onEveryDevice("connect", Device::connect);
    }

    /** Disconnects every device at once; completes like {@link #connectAll()}. */
    public CompletableFuture<Void> disconnectAll() {
        return onEveryDevice("disconnect", Device::disconnect);
    }

    private CompletableFuture<Void> onEveryDevice(String verb, Function<Device<?>, CompletableFuture<Void>> operation) {
        Map<DeviceKind, CompletableFuture<Void>> running = new EnumMap<>(DeviceKind.class);
        devices.forEach((kind, device) -> running.put(kind, start(device, operation)));
        CompletableFuture<Void> result = new CompletableFuture<>();
        CompletableFuture.allOf(running.values().toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> {
            Failures failures = new Failures();
            running.forEach((kind, future) -> {
                if (future.isCompletedExceptionally()) {
                    Throwable cause = causeOf(future);
                    failures.add(kind, kind.label() + " \"" + devices.get(kind).info().name() + "\": " + messageOf(cause), cause);
                }
            });
            if (failures.isEmpty()) {
                result.complete(null);
            } else {
                result.completeExceptionally(failures.exception("Could not " + verb + " " + failures.size() + " of "
                        + devices.size() + " devices"));
            }
        });
        result.whenComplete((ignored, error) -> {
            if (result.isCancelled()) {
                running.values().forEach(future -> future.cancel(true));
            }
        });
        return result;
    }

    /** The device's future, or a failed one should the device break its contract by throwing or returning none. */
    private static CompletableFuture<Void> start(Device<?> device, Function<Device<?>, CompletableFuture<Void>> operation) {
        try {
            CompletableFuture<Void> future = operation.apply(device);
            return future != null ? future : CompletableFuture.failedFuture(new IllegalStateException("the driver returned no future"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable causeOf(CompletableFuture<Void> future) {
        return future.isCancelled() ? new CancellationException("cancelled") : future.exceptionNow();
    }

    private static String messageOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CancellationException) {
            return "cancelled";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /** Failed devices collected while going through the equipment; the causes go into the exception as suppressed. */
    private static final class Failures {

        private final List<DeviceFailure> failures = new ArrayList<>();
        private final List<Throwable> causes = new ArrayList<>();

        void add(DeviceKind kind, String message, Throwable cause) {
            failures.add(new DeviceFailure(Objects.requireNonNull(kind), message));
            if (cause != null) {
                causes.add(cause);
            }
        }

        boolean isEmpty() {
            return failures.isEmpty();
        }

        int size() {
            return (int) failures.stream().map(DeviceFailure::kind).distinct().count();
        }

        EquipmentException exception(String summary) {
            EquipmentException exception = new EquipmentException(summary, failures);
            causes.forEach(exception::addSuppressed);
            return exception;
        }
    }
}
