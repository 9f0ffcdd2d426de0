package org.nocturne.device.core.equipment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceInfo;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.focuser.Focuser;
import org.nocturne.device.api.focuser.FocuserCapabilities;
import org.nocturne.device.api.focuser.FocuserState;
import org.nocturne.device.api.support.AbstractDevice;

/**
 * A device whose link breaks while connected is connected again once its server is back; one the user disconnected,
 * or whose first connect failed, is left alone.
 */
class ReconnectorTest {

    private static final List<Duration> QUICK = List.of(Duration.ofMillis(50), Duration.ofMillis(100));

    private final LinkedFocuser focuser = new LinkedFocuser();
    private final Reconnector reconnector = Reconnector.watch(List.of(focuser), QUICK);

    @AfterEach
    void stop() throws Exception {
        reconnector.close();
        focuser.disconnect().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aLinkThatBreaksWhileConnectedIsConnectedAgainOnceTheServerIsBack() throws Exception {
        focuser.connect().get(10, TimeUnit.SECONDS);
        focuser.serverUp = false;
        focuser.breakLink().get(10, TimeUnit.SECONDS);
        int before = focuser.connects.get();
        awaitTrue(() -> focuser.connects.get() >= before + 2, "tries again while the server is down");
        assertEquals(ConnectionState.FAULTED, focuser.state().connection(), "still faulted while the server is down");
        focuser.serverUp = true;
        awaitTrue(() -> focuser.state().connection() == ConnectionState.CONNECTED, "connected again");
        focuser.moveTo(10).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aDeviceTheUserDisconnectedIsLeftAlone() throws Exception {
        focuser.connect().get(10, TimeUnit.SECONDS);
        focuser.serverUp = false;
        focuser.breakLink().get(10, TimeUnit.SECONDS);
        focuser.disconnect().get(10, TimeUnit.SECONDS);
        int after = focuser.connects.get();
        focuser.serverUp = true;
        Thread.sleep(400);
        assertEquals(after, focuser.connects.get(), "no connect after the user disconnected");
        assertEquals(ConnectionState.DISCONNECTED, focuser.state().connection());
    }

    @Test
    void aConnectTheUserAskedForThatFailsIsNotRetried() throws Exception {
        focuser.serverUp = false;
        CompletableFuture<Void> connect = focuser.connect();
        assertTrue(failed(connect), "the connect fails while the server is down");
        Thread.sleep(400);
        assertEquals(1, focuser.connects.get(), "the user's failed connect is not retried behind their back");
    }

    private static boolean failed(CompletableFuture<Void> future) throws Exception {
        try {
            future.get(10, TimeUnit.SECONDS);
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(10);
        }
    }

    /** A focuser behind a link whose server can be taken down and brought back. */
    private static final class LinkedFocuser extends AbstractDevice<FocuserState> implements Focuser {

        volatile boolean serverUp = true;
        final AtomicInteger connects = new AtomicInteger();

        LinkedFocuser() {
            super(new DeviceInfo("test", "Linked focuser", "test double"), DeviceKind.FOCUSER, FocuserState.disconnected());
        }

        /** The link breaks, as when the server goes away: the device faults. */
        CompletableFuture<Void> breakLink() {
            return command("notice the broken link", () -> {
                fault("the server went away");
                return null;
            });
        }

        @Override
        protected void openConnection() throws IOException {
            connects.incrementAndGet();
            if (!serverUp) {
                throw new IOException("no server answers");
            }
        }

        @Override
        protected void closeConnection() {
            // nothing held
        }

        @Override
        protected FocuserState withConnection(FocuserState s, ConnectionState connection, String message) {
            return new FocuserState(connection, message, s.position(), s.moving(), s.temperatureCelsius());
        }

        @Override
        public FocuserCapabilities capabilities() {
            return new FocuserCapabilities(true, 1000, Double.NaN, false, 0);
        }

        @Override
        public CompletableFuture<Void> moveTo(int position) {
            return command("move", () -> {
                update(s -> new FocuserState(s.connection(), s.message(), position, false, s.temperatureCelsius()));
                return null;
            });
        }

        @Override
        public CompletableFuture<Void> moveBy(int steps) {
            return moveTo(state().position() + steps);
        }
    }
}
