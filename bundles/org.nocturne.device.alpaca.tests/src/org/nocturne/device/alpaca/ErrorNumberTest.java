package org.nocturne.device.alpaca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.alpaca.server.AlpacaTestServer;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.mount.Mount;

/**
 * Alpaca ErrorNumbers become messages that name the device and the member and say what the number means; a device's
 * refusal leaves the link up; a wrongly-cased PUT parameter is the server's HTTP 400, its text carried through.
 */
class ErrorNumberTest {

    private AlpacaTestServer server;
    private AlpacaClient focuser;
    private AlpacaClient telescope;

    @BeforeEach
    void start() throws Exception {
        server = AlpacaTestServer.start();
        focuser = new AlpacaClient(new AlpacaEndpoint("127.0.0.1", server.port(), "focuser", 0, Duration.ofSeconds(3)), "Test focuser");
        telescope = new AlpacaClient(new AlpacaEndpoint("127.0.0.1", server.port(), "telescope", 0, Duration.ofSeconds(3)), "Test mount");
    }

    @AfterEach
    void stop() {
        focuser.close();
        telescope.close();
        server.close();
    }

    @Test
    void everyNumberHasAMeaning() {
        assertEquals("not implemented by this device", AlpacaErrors.meaning(0x400));
        assertEquals("invalid value", AlpacaErrors.meaning(0x401));
        assertEquals("value not set yet", AlpacaErrors.meaning(0x402));
        assertEquals("the device is not connected", AlpacaErrors.meaning(0x407));
        assertTrue(AlpacaErrors.meaning(0x408).contains("parked"));
        assertTrue(AlpacaErrors.meaning(0x409).contains("slaved"));
        assertEquals("invalid operation now", AlpacaErrors.meaning(0x40B));
        assertEquals("action not implemented by this device", AlpacaErrors.meaning(0x40C));
        assertEquals("operation cancelled", AlpacaErrors.meaning(0x40E));
        assertEquals("unspecified error", AlpacaErrors.meaning(0x4FF));
        assertEquals("driver error 0x5A3", AlpacaErrors.meaning(0x5A3));
        assertEquals("unknown Alpaca error 0x123", AlpacaErrors.meaning(0x123));
        assertEquals("Cam: imagearray: invalid value (Bin 9)", AlpacaErrors.describe("Cam", "imagearray", 0x401, " Bin 9 "));
    }

    @Test
    void refusalsFromTheServerNameDeviceMemberAndMeaning() throws Exception {
        AlpacaException notConnected = assertThrows(AlpacaException.class, () -> focuser.getInt("position"));
        assertEquals(0x407, notConnected.errorNumber());
        assertEquals("Test focuser: position: the device is not connected (Test focuser is not connected)", notConnected.getMessage());
        assertFalse(notConnected.linkBroken());

        focuser.put("connected", "Connected", "true");
        AlpacaException invalid = assertThrows(AlpacaException.class, () -> focuser.put("move", "Position", "999999"));
        assertEquals(0x401, invalid.errorNumber());
        assertTrue(invalid.getMessage().startsWith("Test focuser: move: invalid value"), invalid.getMessage());
        AlpacaException missing = assertThrows(AlpacaException.class, () -> focuser.getDouble("backlash"));
        assertEquals(0x400, missing.errorNumber());
        assertTrue(missing.notImplemented());
        assertTrue(missing.getMessage().contains("backlash: not implemented by this device"), missing.getMessage());

        telescope.put("connected", "Connected", "true");
        AlpacaException parked = assertThrows(AlpacaException.class,
                () -> telescope.put("slewtocoordinatesasync", "RightAscension", "5", "Declination", "20"));
        assertEquals(0x408, parked.errorNumber());
        assertTrue(parked.getMessage().contains("slewtocoordinatesasync: not possible while parked"), parked.getMessage());
    }

    @Test
    void aWronglyCasedPutParameterIsRefusedWithTheServersText() throws Exception {
        focuser.put("connected", "Connected", "true");
        AlpacaException refused = assertThrows(AlpacaException.class, () -> focuser.put("move", "position", "100"));
        assertEquals(400, refused.httpStatus());
        assertTrue(refused.getMessage().contains("HTTP 400: PUT parameter position has the wrong casing; expected Position"), refused.getMessage());
        telescope.put("connected", "Connected", "true");
        assertTrue(telescope.getBoolean("canmoveaxis", "axis", "1"), "GET parameter names match in any case");
        assertThrows(AlpacaException.class, () -> telescope.put("moveaxis", "axis", "1", "rate", "0"), "PUT parameter names do not");
        assertFalse(refused.linkBroken());
    }

    @Test
    void aSlewWhileParkedIsRefusedSayingParkedAndTheMountStaysConnected() throws Exception {
        Mount mount = TestBench.make(server, DeviceKind.MOUNT, Mount.class);
        mount.connect().get(30, TimeUnit.SECONDS);
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> mount.slew(Equatorial.ofHoursDegrees(5, 20)).get(30, TimeUnit.SECONDS));
        assertTrue(refused.getCause().getMessage().contains("parked"), refused.getCause().getMessage());
        assertEquals(ConnectionState.CONNECTED, mount.state().connection(), "a refusal is not a broken link");
        mount.disconnect().get(30, TimeUnit.SECONDS);
    }
}
