package org.nocturne.device.indi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.focuser.Focuser;

/** A device survives its server: a stopped indiserver faults it, and once the server is back, connect() reconnects. */
class IndiReconnectTest {

    @Test
    void aDeviceFaultsWhenTheServerStopsAndReconnectsAfterItRestarts() throws Exception {
        try (IndiServer server = IndiServer.start("indi_simulator_focus")) {
            Focuser focuser = (Focuser) new IndiProvider().create(DeviceKind.FOCUSER, server.settings("Focuser Simulator"),
                    IndiContractTest.CONTEXT);
            IndiHostileInputTest.await(focuser.connect());
            IndiHostileInputTest.await(focuser.moveTo(50_500));
            assertEquals(50_500, focuser.state().position());

            server.stop();
            IndiHostileInputTest.awaitState(focuser, state -> state.connection() == ConnectionState.FAULTED);
            assertTrue(focuser.state().message().contains("Focuser Simulator") && focuser.state().message().contains("closed the connection"),
                    focuser.state().message());
            Throwable refused = IndiHostileInputTest.failureOf(focuser.moveTo(50_000));
            assertTrue(refused.getMessage().contains("not connected"), refused.getMessage());
            Throwable noServer = IndiHostileInputTest.failureOf(focuser.connect());
            assertTrue(noServer.getMessage().contains("no INDI server answers"), noServer.getMessage());

            server.restart();
            IndiHostileInputTest.await(focuser.connect());
            assertEquals(ConnectionState.CONNECTED, focuser.state().connection());
            IndiHostileInputTest.await(focuser.moveTo(50_300));
            assertEquals(50_300, focuser.state().position(), "the restarted driver moves");
            IndiHostileInputTest.await(focuser.disconnect());
        }
    }
}
