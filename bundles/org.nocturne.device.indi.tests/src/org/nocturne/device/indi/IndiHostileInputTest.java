package org.nocturne.device.indi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.DeviceState;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.camera.ExposureRequest;
import org.nocturne.device.api.focuser.Focuser;

/**
 * What a server that is not a well-behaved INDI server does to a device: malformed XML, numbers that are not numbers,
 * unknown states, a stream cut in the middle, absurd BLOB sizes, silence, Alert. Each ends in a clear DeviceException
 * naming the device and the problem, and a broken stream leaves the device FAULTED with its socket closed, never hung.
 */
class IndiHostileInputTest {

    private static final String FOCUSER = "Fake Focuser";
    private static final String FOCUSER_DEFINITIONS = """
            <defSwitchVector device="Fake Focuser" name="CONNECTION" state="Ok" perm="rw" rule="OneOfMany" timeout="60">
                <defSwitch name="CONNECT">
            On
                </defSwitch>
                <defSwitch name="DISCONNECT">
            Off
                </defSwitch>
            </defSwitchVector>
            <defNumberVector device="Fake Focuser" name="ABS_FOCUS_POSITION" state="Ok" perm="rw" timeout="1">
                <defNumber name="FOCUS_ABSOLUTE_POSITION" format="%6.0f" min="0" max="1000" step="1">
            500
                </defNumber>
            </defNumberVector>
            """;
    static final String CAMERA = "Fake CCD";
    static final String CAMERA_DEFINITIONS = """
            <defSwitchVector device="Fake CCD" name="CONNECTION" state="Ok" perm="rw" rule="OneOfMany" timeout="60">
              <defSwitch name="CONNECT">On</defSwitch><defSwitch name="DISCONNECT">Off</defSwitch></defSwitchVector>
            <defNumberVector device="Fake CCD" name="CCD_EXPOSURE" state="Idle" perm="rw" timeout="60">
              <defNumber name="CCD_EXPOSURE_VALUE" format="%g" min="0.01" max="3600" step="1">1</defNumber></defNumberVector>
            <defNumberVector device="Fake CCD" name="CCD_INFO" state="Idle" perm="ro" timeout="60">
              <defNumber name="CCD_MAX_X" format="%g" min="1" max="16000" step="1">64</defNumber>
              <defNumber name="CCD_MAX_Y" format="%g" min="1" max="16000" step="1">48</defNumber>
              <defNumber name="CCD_PIXEL_SIZE_X" format="%g" min="1" max="40" step="1">3.8</defNumber>
              <defNumber name="CCD_BITSPERPIXEL" format="%g" min="8" max="64" step="1">16</defNumber></defNumberVector>
            <defSwitchVector device="Fake CCD" name="CCD_FRAME_TYPE" state="Idle" perm="rw" rule="OneOfMany" timeout="60">
              <defSwitch name="FRAME_LIGHT">On</defSwitch><defSwitch name="FRAME_DARK">Off</defSwitch>
              <defSwitch name="FRAME_BIAS">Off</defSwitch><defSwitch name="FRAME_FLAT">Off</defSwitch></defSwitchVector>
            <defBLOBVector device="Fake CCD" name="CCD1" state="Idle" perm="ro" timeout="60"><defBLOB name="CCD1"/></defBLOBVector>
            """;

    /** What an INDI CCD sends when it starts an exposure, before the image. */
    static final String EXPOSING = "<setNumberVector device='Fake CCD' name='CCD_EXPOSURE' state='Busy'>"
            + "<oneNumber name='CCD_EXPOSURE_VALUE'>1</oneNumber></setNumberVector>";

    static Stream<Arguments> brokenStreams() {
        String update = "<setNumberVector device='Fake Focuser' name='ABS_FOCUS_POSITION' state='Ok'><oneNumber name='FOCUS_ABSOLUTE_POSITION'>%s</oneNumber></setNumberVector>";
        return Stream.of(
                Arguments.of("malformed XML", update.formatted("510") + "<setNumberVector device='Fake Focuser' <<<>>> &&&", "malformed XML"),
                Arguments.of("a number that is not one", update.formatted("five hundred"), "is not a number: \"five hundred\""),
                Arguments.of("an unknown state", update.formatted("510").replace("'Ok'", "'Exploded'"), "unknown property state \"Exploded\""),
                Arguments.of("a closing tag out of place", "</indi>", "closed its top-level element"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenStreams")
    void aBrokenStreamFaultsTheDeviceAndClosesTheSocket(String what, String payload, String expected) throws Exception {
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", FOCUSER_DEFINITIONS)) {
            Focuser focuser = focuser(server, new IndiProvider());
            await(focuser.connect());
            assertEquals(500, focuser.state().position());
            server.push(payload);
            awaitState(focuser, state -> state.connection() == ConnectionState.FAULTED);
            String message = focuser.state().message();
            assertTrue(message.contains(FOCUSER) && message.contains(expected), message);
            assertTrue(server.clientClosed(10), "the socket is closed");
            Throwable refused = failureOf(focuser.moveTo(100));
            assertTrue(refused.getMessage().contains("not connected"), refused.getMessage());
        }
    }

    @Test
    void aStreamCutInTheMiddleOfAMessageFaultsTheDevice() throws Exception {
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", FOCUSER_DEFINITIONS)) {
            Focuser focuser = focuser(server, new IndiProvider());
            await(focuser.connect());
            server.push("<setNumberVector device='Fake Focuser' name='ABS_FOCUS_POSITION' state='Busy'><oneNumber name='FOCUS_ABS");
            server.dropClient();
            awaitState(focuser, state -> state.connection() == ConnectionState.FAULTED);
            assertTrue(focuser.state().message().contains("truncated"), focuser.state().message());
        }
    }

    @Test
    void aServerThatClosesTheConnectionFaultsTheDevice() throws Exception {
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", FOCUSER_DEFINITIONS)) {
            Focuser focuser = focuser(server, new IndiProvider());
            await(focuser.connect());
            server.dropClient();
            awaitState(focuser, state -> state.connection() == ConnectionState.FAULTED);
            assertTrue(focuser.state().message().contains("closed the connection"), focuser.state().message());
        }
    }

    @Test
    void anAbsurdBlobLengthFailsTheExposureAndFaultsTheCamera() throws Exception {
        String blob = "<setBLOBVector device='Fake CCD' name='CCD1' state='Ok'><oneBLOB name='CCD1' size='5000000000' format='.fits' "
                + "len='5000000000'>AAAA";
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", CAMERA_DEFINITIONS).answer("CCD_EXPOSURE_VALUE", EXPOSING + blob)) {
            Camera camera = (Camera) new IndiProvider().create(DeviceKind.CAMERA, server.settings(CAMERA), IndiContractTest.CONTEXT);
            await(camera.connect());
            Throwable failure = failureOf(camera.expose(ExposureRequest.light(1), null));
            assertInstanceOf(DeviceException.class, failure);
            assertTrue(failure.getMessage().contains(CAMERA) && failure.getMessage().contains("5000000000"), failure.getMessage());
            awaitState(camera, state -> state.connection() == ConnectionState.FAULTED);
            assertTrue(server.clientClosed(10), "the socket is closed");
        }
    }

    @Test
    void aBlobBeyondTheCapIsRefusedWhileDecodingEvenWithoutALength() throws Exception {
        String data = Base64.getMimeEncoder(72, "\n".getBytes()).encodeToString(new byte[4000]);
        String blob = "<setBLOBVector device='Fake CCD' name='CCD1' state='Ok'><oneBLOB name='CCD1' format='.fits'>\n" + data
                + "\n</oneBLOB></setBLOBVector>";
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", CAMERA_DEFINITIONS).answer("CCD_EXPOSURE_VALUE", EXPOSING + blob)) {
            Camera camera = (Camera) new IndiProvider(1024).create(DeviceKind.CAMERA, server.settings(CAMERA), IndiContractTest.CONTEXT);
            await(camera.connect());
            Throwable failure = failureOf(camera.expose(ExposureRequest.light(1), null));
            assertTrue(failure.getMessage().contains("larger than the 1024 bytes"), failure.getMessage());
            awaitState(camera, state -> state.connection() == ConnectionState.FAULTED);
        }
    }

    @Test
    void aBlobThatIsNotFitsFailsTheExposureButKeepsTheLink() throws Exception {
        String blob = "<setBLOBVector device='Fake CCD' name='CCD1' state='Ok'><oneBLOB name='CCD1' size='12' format='.fits' len='12'>"
                + Base64.getEncoder().encodeToString("not a FITS!!".getBytes()) + "</oneBLOB></setBLOBVector>";
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", CAMERA_DEFINITIONS).answer("CCD_EXPOSURE_VALUE", EXPOSING + blob)) {
            Camera camera = (Camera) new IndiProvider().create(DeviceKind.CAMERA, server.settings(CAMERA), IndiContractTest.CONTEXT);
            await(camera.connect());
            Throwable failure = failureOf(camera.expose(ExposureRequest.light(1), null));
            assertTrue(failure.getMessage().contains(CAMERA) && failure.getMessage().contains("not a readable FITS file"), failure.getMessage());
            assertEquals(ConnectionState.CONNECTED, camera.state().connection());
        }
    }

    @Test
    void aFilterWheelWithAnAbsurdNumberOfSlotsFailsTheConnect() throws Exception {
        String wheel = """
                <defSwitchVector device="Fake Wheel" name="CONNECTION" state="Ok" perm="rw" rule="OneOfMany" timeout="60">
                  <defSwitch name="CONNECT">On</defSwitch><defSwitch name="DISCONNECT">Off</defSwitch></defSwitchVector>
                <defNumberVector device="Fake Wheel" name="FILTER_SLOT" state="Ok" perm="rw" timeout="60">
                  <defNumber name="FILTER_SLOT_VALUE" format="%g" min="1" max="1e9" step="1">1</defNumber></defNumberVector>
                """;
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", wheel)) {
            Device<?> device = new IndiProvider().create(DeviceKind.FILTER_WHEEL, server.settings("Fake Wheel"), IndiContractTest.CONTEXT);
            Throwable failure = failureOf(device.connect());
            assertTrue(failure.getMessage().contains("Fake Wheel") && failure.getMessage().contains("1.0E9"), failure.getMessage());
            assertTrue(server.clientClosed(10), "the socket is closed");
        }
    }

    @Test
    void aHugeAttributeFaultsTheDeviceBeforeItIsHeldWhole() throws Exception {
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", FOCUSER_DEFINITIONS)) {
            Focuser focuser = focuser(server, new IndiProvider());
            await(focuser.connect());
            server.push("<message device='Fake Focuser' message='" + "x".repeat(3_000_000) + "'/>");
            awaitState(focuser, state -> state.connection() == ConnectionState.FAULTED);
            assertTrue(focuser.state().message().contains(FOCUSER) && focuser.state().message().contains("a message longer than"),
                    focuser.state().message());
        }
    }

    static Stream<Arguments> driverGone() {
        return Stream.of(
                Arguments.of("disconnected by another client", "<setSwitchVector device='Fake Focuser' name='CONNECTION' state='Idle'>"
                        + "<oneSwitch name='CONNECT'>Off</oneSwitch><oneSwitch name='DISCONNECT'>On</oneSwitch></setSwitchVector>", "CONNECTION went Off"),
                Arguments.of("restarted", "<delProperty device='Fake Focuser'/>", "deleted its properties"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("driverGone")
    void aDriverGoneBehindTheConnectionFaultsTheDevice(String what, String payload, String expected) throws Exception {
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", FOCUSER_DEFINITIONS)) {
            Focuser focuser = focuser(server, new IndiProvider());
            await(focuser.connect());
            server.push(payload);
            awaitState(focuser, state -> state.connection() == ConnectionState.FAULTED);
            assertTrue(focuser.state().message().contains(FOCUSER) && focuser.state().message().contains(expected), focuser.state().message());
            assertTrue(server.clientClosed(10), "the socket is closed");
        }
    }

    @Test
    void aPropertyDeletedDuringAChangeFailsTheCommandAtOnce() throws Exception {
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", FOCUSER_DEFINITIONS)
                .answer("newNumberVector", "<delProperty device='Fake Focuser' name='ABS_FOCUS_POSITION'/>")) {
            Focuser focuser = focuser(server, new IndiProvider());
            await(focuser.connect());
            Throwable failure = failureOf(focuser.moveTo(600));
            assertTrue(failure.getMessage().contains(FOCUSER) && failure.getMessage().contains("deleted ABS_FOCUS_POSITION"), failure.getMessage());
        }
    }

    @Test
    void anAlertFailsTheCommandWithTheDriversMessage() throws Exception {
        String alert = "<message device='Fake Focuser' timestamp='2026-11-26T01:00:00' message='[ERROR] Motor stalled'/>"
                + "<setNumberVector device='Fake Focuser' name='ABS_FOCUS_POSITION' state='Alert'><oneNumber name='FOCUS_ABSOLUTE_POSITION'>520"
                + "</oneNumber></setNumberVector>";
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", FOCUSER_DEFINITIONS).answer("newNumberVector", alert)) {
            Focuser focuser = focuser(server, new IndiProvider());
            await(focuser.connect());
            Throwable failure = failureOf(focuser.moveTo(600));
            assertInstanceOf(DeviceException.class, failure);
            assertTrue(failure.getMessage().contains(FOCUSER) && failure.getMessage().contains("Motor stalled"), failure.getMessage());
            assertEquals(ConnectionState.CONNECTED, focuser.state().connection(), "an Alert is the command's failure, not the link's");
        }
    }

    @Test
    void aPropertyThatStaysBusyBeyondItsTimeoutFailsTheCommand() throws Exception {
        String busy = "<setNumberVector device='Fake Focuser' name='ABS_FOCUS_POSITION' state='Busy'><oneNumber name='FOCUS_ABSOLUTE_POSITION'>510"
                + "</oneNumber></setNumberVector>";
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", FOCUSER_DEFINITIONS).answer("newNumberVector", busy)) {
            Focuser focuser = focuser(server, new IndiProvider());
            await(focuser.connect());
            Throwable failure = failureOf(focuser.moveTo(600));
            assertTrue(failure.getMessage().contains(FOCUSER) && failure.getMessage().contains("timed out"), failure.getMessage());
        }
    }

    @Test
    void aSilentServerFailsTheConnectInsteadOfHanging() throws Exception {
        try (FakeIndiServer server = new FakeIndiServer()) {
            Focuser focuser = focuser(server, new IndiProvider());
            Throwable failure = failureOf(focuser.connect());
            assertTrue(failure.getMessage().contains(FOCUSER) && failure.getMessage().contains("timed out"), failure.getMessage());
            assertEquals(ConnectionState.FAULTED, focuser.state().connection());
            assertTrue(server.clientClosed(10), "the socket is closed");
        }
    }

    @Test
    void noServerAtAllFailsTheConnectSayingSo() throws Exception {
        int port;
        try (FakeIndiServer server = new FakeIndiServer()) {
            port = server.port();
        }
        Focuser focuser = (Focuser) new IndiProvider().create(DeviceKind.FOCUSER,
                Map.of(IndiSettings.HOST, "127.0.0.1", IndiSettings.PORT, String.valueOf(port), IndiSettings.DEVICE, FOCUSER),
                IndiContractTest.CONTEXT);
        Throwable failure = failureOf(focuser.connect());
        assertTrue(failure.getMessage().contains("no INDI server answers at 127.0.0.1:" + port), failure.getMessage());
    }

    private static Focuser focuser(FakeIndiServer server, IndiProvider provider) {
        return (Focuser) provider.create(DeviceKind.FOCUSER, server.settings(FOCUSER), IndiContractTest.CONTEXT);
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        return fail("expected a failure, but it succeeded");
    }

    static <S extends DeviceState> void awaitState(Device<S> device, Predicate<S> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.test(device.state())) {
            if (System.nanoTime() > deadline) {
                fail("timed out; state " + device.state());
            }
            Thread.sleep(5);
        }
    }
}
