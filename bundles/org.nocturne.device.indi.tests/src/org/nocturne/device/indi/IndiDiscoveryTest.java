package org.nocturne.device.indi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.Discovered;

/** Setup's Find: the devices of a real indiserver, sorted by the interfaces their DRIVER_INFO declares. */
class IndiDiscoveryTest {

    private static IndiServer server;
    private static final IndiProvider PROVIDER = new IndiProvider();

    @BeforeAll
    static void start() throws Exception {
        server = IndiServer.start("indi_simulator_ccd", "indi_simulator_telescope", "indi_simulator_wheel", "indi_simulator_weather");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void findsTheDevicesOfEachKind() throws Exception {
        assertEquals(List.of("CCD Simulator"), names(DeviceKind.CAMERA));
        assertEquals(List.of("Telescope Simulator"), names(DeviceKind.MOUNT));
        assertEquals(List.of("Filter Simulator", "CCD Simulator"), names(DeviceKind.FILTER_WHEEL),
                "a wheel of its own before the CCD simulator's built-in one");
        assertEquals(List.of("Weather Simulator"), names(DeviceKind.SAFETY_MONITOR));
        assertEquals(List.of(), names(DeviceKind.FOCUSER));
        Discovered camera = find(DeviceKind.CAMERA).get(0);
        assertEquals("CCD Simulator on 127.0.0.1:" + server.port(), camera.label());
        assertEquals(Map.of(IndiSettings.DEVICE, "CCD Simulator"), camera.settings());
    }

    @Test
    void looksWithTheDeviceNameLeftEmptyAsSetupsFormHasItBeforeFind() throws Exception {
        List<Discovered> found = IndiHostileInputTest.await(PROVIDER.discover(DeviceKind.MOUNT, Map.of(IndiSettings.HOST, "127.0.0.1",
                IndiSettings.PORT, String.valueOf(server.port()), IndiSettings.DEVICE, "")));
        assertEquals(List.of("Telescope Simulator"), found.stream().map(device -> device.settings().get(IndiSettings.DEVICE)).toList());
    }

    @Test
    void failsClearlyWhenNoServerAnswers() throws Exception {
        int port;
        try (FakeIndiServer nobody = new FakeIndiServer()) {
            port = nobody.port();
        }
        Throwable failure = IndiHostileInputTest.failureOf(PROVIDER.discover(DeviceKind.CAMERA,
                Map.of(IndiSettings.HOST, "127.0.0.1", IndiSettings.PORT, String.valueOf(port))));
        assertInstanceOf(DeviceException.class, failure);
        assertTrue(failure.getMessage().startsWith("No INDI server answers at 127.0.0.1:" + port), failure.getMessage());
    }

    @Test
    void offersNoGuiders() throws Exception {
        assertEquals(List.of(), IndiHostileInputTest.await(PROVIDER.discover(DeviceKind.GUIDER, server.settings("x"))));
        assertTrue(!PROVIDER.kinds().contains(DeviceKind.GUIDER));
    }

    private static List<Discovered> find(DeviceKind kind) throws Exception {
        return IndiHostileInputTest.await(PROVIDER.discover(kind, Map.of(IndiSettings.HOST, "127.0.0.1", IndiSettings.PORT,
                String.valueOf(server.port()))));
    }

    private static List<String> names(DeviceKind kind) throws Exception {
        return find(kind).stream().map(found -> found.settings().get(IndiSettings.DEVICE)).toList();
    }

    @Test
    void waitsForTheDriverInfoOfEveryDeviceListedBeyondAPause() throws Exception {
        String first = """
                <defTextVector device="Slow Focuser" name="DRIVER_INFO" state="Idle" perm="ro">
                  <defText name="DRIVER_INTERFACE">8</defText></defTextVector>
                <defSwitchVector device="Late Focuser" name="CONNECTION" state="Idle" perm="rw" rule="OneOfMany">
                  <defSwitch name="CONNECT">Off</defSwitch><defSwitch name="DISCONNECT">On</defSwitch></defSwitchVector>
                """;
        String late = """
                <defTextVector device="Late Focuser" name="DRIVER_INFO" state="Idle" perm="ro">
                  <defText name="DRIVER_INTERFACE">8</defText></defTextVector>
                """;
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", first)) {
            CompletableFuture<List<Discovered>> found = PROVIDER.discover(DeviceKind.FOCUSER, server.settings("x"));
            // a pause longer than the quiet time that ends a listing, before the second device says what it is
            Thread.sleep(1200);
            server.push(late);
            List<String> names = IndiHostileInputTest.await(found).stream().map(device -> device.settings().get(IndiSettings.DEVICE)).toList();
            assertTrue(names.containsAll(List.of("Slow Focuser", "Late Focuser")), names.toString());
        }
    }
}
