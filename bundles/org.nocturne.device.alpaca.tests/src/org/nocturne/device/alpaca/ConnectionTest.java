package org.nocturne.device.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.device.alpaca.server.AlpacaTestServer;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.focuser.Focuser;
import org.nocturne.device.api.weather.SafetyMonitor;

/**
 * Connecting uses Platform 7's connect/connecting where the device has it and {@code PUT connected} where it does not;
 * every request carries this process's one ClientID and an increasing ClientTransactionID; state is polled.
 */
class ConnectionTest {

    private AlpacaTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = AlpacaTestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void platform7DevicesConnectAsynchronously() throws Exception {
        Focuser focuser = TestBench.make(server, DeviceKind.FOCUSER, Focuser.class);
        focuser.connect().get(30, TimeUnit.SECONDS);
        assertEquals(ConnectionState.CONNECTED, focuser.state().connection());
        List<String> calls = server.calls();
        assertTrue(calls.contains("PUT focuser/0/connect"), calls.toString());
        assertTrue(calls.contains("GET focuser/0/connecting"), calls.toString());
        assertFalse(calls.contains("PUT focuser/0/connected"), calls.toString());
        focuser.disconnect().get(30, TimeUnit.SECONDS);
        assertTrue(server.calls().contains("PUT focuser/0/disconnect"), server.calls().toString());
        assertDisconnectedOnTheServer();
    }

    @Test
    void olderDevicesConnectThroughConnected() throws Exception {
        server.platform7(false);
        Focuser focuser = TestBench.make(server, DeviceKind.FOCUSER, Focuser.class);
        focuser.connect().get(30, TimeUnit.SECONDS);
        assertEquals(ConnectionState.CONNECTED, focuser.state().connection());
        assertTrue(server.calls().contains("PUT focuser/0/connected"), server.calls().toString());
        focuser.moveBy(50).get(30, TimeUnit.SECONDS);
        assertEquals(25_050, focuser.state().position());
        focuser.disconnect().get(30, TimeUnit.SECONDS);
        assertDisconnectedOnTheServer();
    }

    @Test
    void everyRequestCarriesOneClientIdAndAnIncreasingTransactionId() throws Exception {
        Focuser focuser = TestBench.make(server, DeviceKind.FOCUSER, Focuser.class);
        SafetyMonitor monitor = TestBench.make(server, DeviceKind.SAFETY_MONITOR, SafetyMonitor.class);
        focuser.connect().get(30, TimeUnit.SECONDS);
        monitor.connect().get(30, TimeUnit.SECONDS);
        focuser.moveBy(10).get(30, TimeUnit.SECONDS);
        assertEquals(java.util.Set.of(String.valueOf(AlpacaClient.CLIENT_ID)), server.clientIds(), "one ClientID for the process");
        List<Long> transactions = server.clientTransactions();
        assertTrue(transactions.size() > 10, transactions.toString());
        // Two devices send from two threads, so arrival order may differ from issue order by a little; none repeats.
        assertEquals(transactions.size(), transactions.stream().distinct().count(), "no ClientTransactionID repeats");
        assertTrue(transactions.stream().allMatch(id -> id > 0), "ClientTransactionIDs are non-zero");
        focuser.disconnect().get(30, TimeUnit.SECONDS);
        monitor.disconnect().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aSafetyVerdictIsPolled() throws Exception {
        SafetyMonitor monitor = TestBench.make(server, DeviceKind.SAFETY_MONITOR, SafetyMonitor.class);
        monitor.connect().get(30, TimeUnit.SECONDS);
        assertTrue(monitor.state().safe());
        server.safetyMonitor.safe(false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (monitor.state().safe() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(monitor.state().safe(), "the poll saw the verdict change");
        monitor.disconnect().get(30, TimeUnit.SECONDS);
        assertFalse(monitor.state().safe(), "unsafe when disconnected");
    }

    @Test
    void aDeviceDisconnectedBehindOurBackFaults() throws Exception {
        Focuser focuser = TestBench.make(server, DeviceKind.FOCUSER, Focuser.class);
        ((AlpacaDevice<?>) focuser).pollEvery(java.time.Duration.ofHours(1)); // the move, not a poll, must meet the broken link
        focuser.connect().get(30, TimeUnit.SECONDS);
        try (AlpacaClient other = new AlpacaClient(new AlpacaEndpoint("127.0.0.1", server.port(), "focuser", 0, java.time.Duration.ofSeconds(3)),
                "another client")) {
            other.put("connected", "Connected", "false");
        }
        java.util.concurrent.ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> focuser.moveBy(10).get(30, TimeUnit.SECONDS));
        assertTrue(failure.getCause().getMessage().contains("the device is not connected"), failure.getCause().getMessage());
        assertEquals(ConnectionState.FAULTED, focuser.state().connection());
        focuser.connect().get(30, TimeUnit.SECONDS);
        assertEquals(ConnectionState.CONNECTED, focuser.state().connection(), "connecting again mends it");
        focuser.disconnect().get(30, TimeUnit.SECONDS);
    }

    private void assertDisconnectedOnTheServer() throws Exception {
        try (AlpacaClient client = new AlpacaClient(new AlpacaEndpoint("127.0.0.1", server.port(), "focuser", 0, java.time.Duration.ofSeconds(3)),
                "probe")) {
            assertFalse(client.getBoolean("connected"), "the device is disconnected on the server");
        }
    }
}
