package org.nocturne.device.core.equipment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.Device;

/**
 * Brings back devices whose link broke while they were connected (an INDI server restarted, a USB cable came loose,
 * an Alpaca box rebooted): when a device goes from CONNECTED to FAULTED, its {@code connect()} is tried again after
 * each of the delays in turn, then again and again after the last one, until it connects, the user disconnects it,
 * or {@link #close()}. A connect the user asked for that fails is not retried: the user sees why and decides.
 *
 * <p>Thread-safe. The listeners only schedule; the connects run on the devices' own threads; one daemon timer serves
 * every reconnector.
 */
public final class Reconnector implements AutoCloseable {

    /** 2 s, 5 s, 10 s, then every 30 s. */
    public static final List<Duration> DEFAULT_DELAYS = List.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30));

    private static final ScheduledExecutorService TIMER = timer();

    private final List<Duration> delays;
    private final List<Device.Subscription> subscriptions = new ArrayList<>();
    private volatile boolean closed;

    private Reconnector(List<Duration> delays) {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("A reconnector needs at least one delay");
        }
        this.delays = List.copyOf(delays);
    }

    /** Watches {@code devices}, from their next snapshot on, until {@link #close()}, retrying after {@code delays}. */
    public static Reconnector watch(Collection<? extends Device<?>> devices, List<Duration> delays) {
        Reconnector reconnector = new Reconnector(delays);
        devices.forEach(reconnector::follow);
        return reconnector;
    }

    /** Stops watching; attempts already scheduled do nothing. */
    @Override
    public void close() {
        closed = true;
        synchronized (subscriptions) {
            subscriptions.forEach(Device.Subscription::close);
            subscriptions.clear();
        }
    }

    private void follow(Device<?> device) {
        // Listeners run on the device's thread, one snapshot after another: the last state needs no lock.
        ConnectionState[] last = { null };
        Device.Subscription subscription = device.subscribe(state -> {
            ConnectionState now = state.connection();
            if (last[0] == ConnectionState.CONNECTED && now == ConnectionState.FAULTED) {
                schedule(device, 0);
            }
            last[0] = now;
        });
        synchronized (subscriptions) {
            subscriptions.add(subscription);
        }
    }

    private void schedule(Device<?> device, int attempt) {
        Duration delay = delays.get(Math.min(attempt, delays.size() - 1));
        TIMER.schedule(() -> attempt(device, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Tries once, if the device is still faulted (not disconnected by the user, not connected again by hand). */
    private void attempt(Device<?> device, int attempt) {
        if (closed || device.state().connection() != ConnectionState.FAULTED) {
            return;
        }
        device.connect().whenComplete((done, error) -> {
            if (error != null && !closed && device.state().connection() == ConnectionState.FAULTED) {
                schedule(device, attempt + 1);
            }
        });
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "Nocturne device reconnector");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
