package org.nocturne.device.api;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One piece of equipment, as the rest of Nocturne sees it whatever the driver.
 *
 * <p>Contract for every implementation (checked by the driver contract suite):
 * <ul>
 * <li>Operations that wait on the device return a {@link CompletableFuture} at once and never block the caller's
 * thread. Each device runs its commands on one serial executor, so commands to one device never interleave.</li>
 * <li>Cancelling a returned future stops the operation on the device where it can (an exposure is aborted, a slew
 * stopped, a focuser halted); the future then completes with a {@link java.util.concurrent.CancellationException}.</li>
 * <li>A command sent while not connected fails with a {@link DeviceException} saying so.</li>
 * <li>A failure completes the future exceptionally with a {@link DeviceException} that names the device and what
 * went wrong.</li>
 * <li>{@link #state()} returns the latest immutable snapshot without blocking; listeners get every new snapshot, on
 * the device's thread, in order, and must return quickly.</li>
 * </ul>
 *
 * @param <S> the state snapshot record of this kind
 */
public interface Device<S extends DeviceState> {

    DeviceInfo info();

    DeviceKind kind();

    /** Connects; completes when the device answers and its state is known. */
    CompletableFuture<Void> connect();

    /** Disconnects, stopping what it is doing first where that is safe (an exposure is aborted; a mount keeps tracking). */
    CompletableFuture<Void> disconnect();

    /** The latest snapshot; never blocks. */
    S state();

    /** Calls {@code listener} with every new snapshot until the returned subscription is closed. */
    Subscription subscribe(Consumer<? super S> listener);

    /** A registration to end. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
