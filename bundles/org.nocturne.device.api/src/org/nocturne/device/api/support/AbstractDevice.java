package org.nocturne.device.api.support;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceState;

/**
 * What every driver's device shares: one serial executor (a daemon thread named after the device, ended when idle),
 * the connection state machine of {@link ConnectionState}, state snapshots published to listeners, and commands whose
 * futures stop the work when cancelled (the worker thread is interrupted; a command waiting on the device should let
 * {@link InterruptedException} out, or check {@link Thread#interrupted()}, and leave the device stopped).
 *
 * <p>Subclasses implement {@link #openConnection()} and {@link #closeConnection()}, run every command through
 * {@link #command}, and publish state with {@link #publish} or {@link #update}, from the device thread. A driver whose
 * protocol has no events reads its device's state with {@link #startPolling}. A connect cancelled while the link is
 * being opened closes it again and ends DISCONNECTED.
 *
 * @param <S> the state snapshot record
 */
public abstract class AbstractDevice<S extends DeviceState> implements Device<S> {

    /**
     * The one timer of every polling device: it only queues refresh commands on the devices' own threads, so one daemon
     * thread serves them all; it lives as long as this bundle's classes.
     */
    private static final ScheduledExecutorService POLL_TIMER = pollTimer();

    private final DeviceInfo info;
    private final DeviceKind kind;
    private final ExecutorService executor;
    private final List<Consumer<? super S>> listeners = new CopyOnWriteArrayList<>();
    /** Commands queued or running, so that a disconnect can stop them first. */
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile S state;
    private volatile ScheduledFuture<?> polling;

    protected AbstractDevice(DeviceInfo info, DeviceKind kind, S initial) {
        this.info = info;
        this.kind = kind;
        this.state = initial;
        // One thread, so commands never interleave; it ends after a minute idle, so devices that are replaced (a profile
        // edited) leave no thread behind, and comes back with the next command.
        ThreadPoolExecutor serial = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "Nocturne device: " + info.name());
            thread.setDaemon(true);
            return thread;
        });
        serial.allowCoreThreadTimeOut(true);
        this.executor = serial;
    }

    @Override
    public final DeviceInfo info() {
        return info;
    }

    @Override
    public final DeviceKind kind() {
        return kind;
    }

    @Override
    public final S state() {
        return state;
    }

    @Override
    public final Subscription subscribe(Consumer<? super S> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public final CompletableFuture<Void> connect() {
        return run("connect", false, () -> {
            if (state.connection().isConnected()) {
                return null;
            }
            publish(withConnection(state, ConnectionState.CONNECTING, ""));
            try {
                openConnection();
            } catch (InterruptedException e) {
                abandonConnection();
                throw e;
            } catch (Exception | Error e) {
                stopPolling();
                publish(withConnection(state, ConnectionState.FAULTED, describe(e)));
                throw e;
            }
            if (Thread.interrupted()) {
                // Cancelled while the link was opening (a read that ignores interrupts finished first): undo it.
                abandonConnection();
                throw new InterruptedException("connect cancelled");
            }
            publish(withConnection(state, ConnectionState.CONNECTED, ""));
            return null;
        });
    }

    /** Closes a link whose opening was cancelled, whatever state it reached, and says so. Device thread. */
    private void abandonConnection() {
        stopPolling();
        try {
            closeConnection();
        } catch (Exception e) {
            // the link was half open; closing what there is can fail, and there is nothing more to undo
        }
        publish(withConnection(state, ConnectionState.DISCONNECTED, "Connection cancelled"));
    }

    /** Stops the commands queued or running (an exposure is aborted, a slew stopped), then disconnects. */
    @Override
    public final CompletableFuture<Void> disconnect() {
        pending.forEach(command -> command.cancel(true));
        return run("disconnect", false, () -> {
            if (state.connection() == ConnectionState.DISCONNECTED) {
                return null;
            }
            publish(withConnection(state, ConnectionState.DISCONNECTING, ""));
            stopPolling();
            try {
                closeConnection();
            } finally {
                publish(withConnection(state, ConnectionState.DISCONNECTED, ""));
            }
            return null;
        });
    }

    /** Opens the link to the device and reads its state; runs on the device thread. */
    protected abstract void openConnection() throws Exception;

    /** Stops what is safe to stop and closes the link; runs on the device thread. */
    protected abstract void closeConnection() throws Exception;

    /**
     * Called on the device thread before each command that needs the connection: a driver checks its link here (and
     * calls {@link #fault} and throws when it is gone). Does nothing by default.
     */
    protected void checkLink(String command) throws Exception {
        // a driver without a link to check
    }

    /** The same snapshot with another connection state and message. */
    protected abstract S withConnection(S snapshot, ConnectionState connection, String message);

    /**
     * Runs a command on the device thread once the commands before it are done. Refused with
     * {@link DeviceException#notConnected} unless connected.
     *
     * @param name what the command does, for messages ("expose", "slew")
     */
    protected final <T> CompletableFuture<T> command(String name, Work<T> work) {
        return run(name, true, work);
    }

    /** Publishes a new snapshot to the listeners, in order. Call from the device thread. */
    protected final void publish(S next) {
        state = next;
        for (Consumer<? super S> listener : listeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                // A listener's failure is its own; the device and the other listeners go on.
            }
        }
    }

    /** Publishes the current snapshot changed by {@code change}. Call from the device thread. */
    protected final void update(UnaryOperator<S> change) {
        publish(change.apply(state));
    }

    /** Marks the device faulted with a message for the user, as when it stops answering. Call from the device thread. */
    protected final void fault(String message) {
        stopPolling();
        publish(withConnection(state, ConnectionState.FAULTED, message == null ? "" : message));
    }

    /**
     * From now until the device disconnects or faults, queues {@code refresh} as the command {@code name} every
     * {@code period} while connected, never two at once (a refresh waiting behind a long command is not queued again).
     * Call from the device thread, typically at the end of {@link #openConnection()}; replaces earlier polling.
     */
    protected final void startPolling(Duration period, String name, Work<?> refresh) {
        stopPolling();
        AtomicBoolean queued = new AtomicBoolean();
        long millis = Math.max(1, period.toMillis());
        polling = POLL_TIMER.scheduleWithFixedDelay(() -> {
            if (state.connection().isConnected() && queued.compareAndSet(false, true)) {
                command(name, refresh).whenComplete((value, error) -> queued.set(false));
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the polling started by {@link #startPolling}; harmless when there is none. Any thread. */
    protected final void stopPolling() {
        ScheduledFuture<?> running = polling;
        polling = null;
        if (running != null) {
            running.cancel(false);
        }
    }

    private static ScheduledExecutorService pollTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "Nocturne device poll timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private <T> CompletableFuture<T> run(String name, boolean needsConnection, Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Future<?> task;
        try {
            task = executor.submit(() -> {
                if (result.isDone()) {
                    return;
                }
                if (needsConnection && !state.connection().isConnected()) {
                    result.completeExceptionally(DeviceException.notConnected(info, name));
                    return;
                }
                try {
                    if (needsConnection) {
                        checkLink(name);
                    }
                    result.complete(work.call());
                } catch (InterruptedException | CancellationException e) {
                    result.cancel(false);
                } catch (DeviceException e) {
                    result.completeExceptionally(e);
                } catch (IllegalArgumentException e) {
                    result.completeExceptionally(e);
                } catch (Exception | Error e) {
                    result.completeExceptionally(new DeviceException(info.name() + ": " + name + " failed: " + describe(e), e));
                } finally {
                    Thread.interrupted();
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new DeviceException(info.name() + " is shut down: cannot " + name, e));
            return result;
        }
        if (needsConnection) {
            pending.add(result);
        }
        result.whenComplete((value, error) -> {
            pending.remove(result);
            if (result.isCancelled()) {
                task.cancel(true);
            }
        });
        return result;
    }

    /** An exception's message for the user, never null. */
    private static String describe(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
    }

    /** A command's body; may block, and should give up on interruption. */
    @FunctionalInterface
    protected interface Work<T> {
        T call() throws Exception;
    }
}
