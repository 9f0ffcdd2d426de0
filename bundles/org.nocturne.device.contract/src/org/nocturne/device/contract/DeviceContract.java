package org.nocturne.device.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceState;

/**
 * What every device of every driver must do, in the spirit of ASCOM ConformU: the connection state machine, refusal
 * of commands while disconnected, state snapshots delivered to listeners off the caller's thread, clear failures.
 * A driver's test fragment extends the kind's contract (which extends this) and says how to make a fresh device.
 *
 * @param <D> the device kind's interface
 */
public abstract class DeviceContract<D extends Device<?>> {

    /** How long any single step of a contract may take before it counts as hung. */
    protected static final long TIMEOUT_SECONDS = 60;

    protected D device;

    /** A fresh, disconnected device of the kind under test. */
    protected abstract D newDevice() throws Exception;

    @BeforeEach
    void makeDevice() throws Exception {
        device = newDevice();
    }

    @AfterEach
    void releaseDevice() throws Exception {
        if (device != null) {
            device.disconnect().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void describesItselfAndItsKind() {
        assertFalse(device.info().name().isBlank(), "device name");
        assertFalse(device.info().providerId().isBlank(), "provider id");
        assertInstanceOf(device.kind().type(), device, "a " + device.kind() + " implements " + device.kind().type().getSimpleName());
        assertEquals(ConnectionState.DISCONNECTED, device.state().connection(), "a new device is disconnected");
    }

    @Test
    void connectsAndDisconnectsThroughTheStateMachineTellingListenersOffTheCallersThread() throws Exception {
        List<ConnectionState> seen = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        try (Device.Subscription subscription = device.subscribe(state -> {
            DeviceState snapshot = state;
            if (seen.isEmpty() || seen.get(seen.size() - 1) != snapshot.connection()) {
                seen.add(snapshot.connection());
            }
            threads.add(Thread.currentThread());
        })) {
            await(device.connect());
            assertEquals(ConnectionState.CONNECTED, device.state().connection(), device.state().message());
            assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.CONNECTED), seen.subList(0, 2), "states while connecting");
            await(device.connect());
            assertEquals(ConnectionState.CONNECTED, device.state().connection(), "connecting twice is harmless");
            await(device.disconnect());
            assertEquals(ConnectionState.DISCONNECTED, device.state().connection());
            assertEquals(ConnectionState.DISCONNECTED, seen.get(seen.size() - 1));
            assertTrue(seen.contains(ConnectionState.DISCONNECTING), "states while disconnecting: " + seen);
        }
        assertFalse(threads.isEmpty());
        for (Thread thread : threads) {
            assertNotEquals(Thread.currentThread(), thread, "listeners run on the device's thread, not the caller's");
        }
    }

    @Test
    void refusesCommandsWhileDisconnectedNamingTheDevice() throws Exception {
        CompletableFuture<?> command = anyCommand();
        Assumptions.assumeTrue(command != null, device.kind().label() + " devices take no commands");
        Throwable failure = failureOf(command);
        assertInstanceOf(DeviceException.class, failure);
        assertTrue(failure.getMessage().contains(device.info().name()) && failure.getMessage().contains("not connected"), failure.getMessage());
    }

    /** Some command of the kind, for the refusal test (it must need a connection); null for a kind without commands. */
    protected abstract CompletableFuture<?> anyCommand();

    /** Waits for a future, failing the test with its cause rather than hanging. */
    protected static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            fail("no answer within " + TIMEOUT_SECONDS + " s");
            throw e;
        }
    }

    /** The exception a future completes with; fails the test when it succeeds. */
    protected static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        }
        fail("expected a failure, but it succeeded");
        return null;
    }

    /** Waits until a condition on the device's state holds, or fails after the timeout. */
    protected void awaitState(Predicate<D> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.test(device)) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what + "; state " + device.state());
            }
            Thread.sleep(5);
        }
    }
}
