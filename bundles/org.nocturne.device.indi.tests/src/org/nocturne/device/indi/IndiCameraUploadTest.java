package org.nocturne.device.indi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nocturne.device.indi.IndiHostileInputTest.CAMERA;
import static org.nocturne.device.indi.IndiHostileInputTest.CAMERA_DEFINITIONS;
import static org.nocturne.device.indi.IndiHostileInputTest.await;
import static org.nocturne.device.indi.IndiHostileInputTest.failureOf;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.ConnectionState;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.camera.ExposureRequest;

/**
 * How a camera gets its images sent as plain FITS to Nocturne whatever the driver was left at: upload to the client,
 * compression off, FITS transfer format; a compressed image is refused by its format, not misread; and only an
 * image sent after the exposure began counts as its image.
 */
class IndiCameraUploadTest {

    private static final String LEFT_LOCAL_AND_COMPRESSED = """
            <defSwitchVector device="Fake CCD" name="UPLOAD_MODE" state="Idle" perm="rw" rule="OneOfMany" timeout="60">
              <defSwitch name="UPLOAD_CLIENT">Off</defSwitch><defSwitch name="UPLOAD_LOCAL">On</defSwitch>
              <defSwitch name="UPLOAD_BOTH">Off</defSwitch></defSwitchVector>
            <defSwitchVector device="Fake CCD" name="CCD_COMPRESSION" state="Idle" perm="rw" rule="OneOfMany" timeout="60">
              <defSwitch name="INDI_ENABLED">On</defSwitch><defSwitch name="INDI_DISABLED">Off</defSwitch></defSwitchVector>
            <defSwitchVector device="Fake CCD" name="CCD_TRANSFER_FORMAT" state="Idle" perm="rw" rule="OneOfMany" timeout="60">
              <defSwitch name="FORMAT_FITS">Off</defSwitch><defSwitch name="FORMAT_NATIVE">On</defSwitch></defSwitchVector>
            """;
    private static final String UPLOAD_TAKEN = """
            <setSwitchVector device="Fake CCD" name="UPLOAD_MODE" state="Ok">
              <oneSwitch name="UPLOAD_CLIENT">On</oneSwitch><oneSwitch name="UPLOAD_LOCAL">Off</oneSwitch>
              <oneSwitch name="UPLOAD_BOTH">Off</oneSwitch></setSwitchVector>
            """;
    private static final String COMPRESSION_TAKEN = """
            <setSwitchVector device="Fake CCD" name="CCD_COMPRESSION" state="Ok">
              <oneSwitch name="INDI_ENABLED">Off</oneSwitch><oneSwitch name="INDI_DISABLED">On</oneSwitch></setSwitchVector>
            """;
    private static final String FORMAT_TAKEN = """
            <setSwitchVector device="Fake CCD" name="CCD_TRANSFER_FORMAT" state="Ok">
              <oneSwitch name="FORMAT_FITS">On</oneSwitch><oneSwitch name="FORMAT_NATIVE">Off</oneSwitch></setSwitchVector>
            """;

    @Test
    void connectingSetsUploadToClientCompressionOffAndFits() throws Exception {
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", CAMERA_DEFINITIONS + LEFT_LOCAL_AND_COMPRESSED)
                .answer("name='UPLOAD_MODE'", UPLOAD_TAKEN).answer("name='CCD_COMPRESSION'", COMPRESSION_TAKEN)
                .answer("name='CCD_TRANSFER_FORMAT'", FORMAT_TAKEN)) {
            Camera camera = (Camera) new IndiProvider().create(DeviceKind.CAMERA, server.settings(CAMERA), IndiContractTest.CONTEXT);
            await(camera.connect());
            String sent = server.received();
            assertTrue(sent.contains("name='UPLOAD_MODE'><oneSwitch name='UPLOAD_CLIENT'>On"), sent);
            assertTrue(sent.contains("name='CCD_COMPRESSION'>") && sent.contains("<oneSwitch name='INDI_DISABLED'>On"), sent);
            assertTrue(sent.contains("name='CCD_TRANSFER_FORMAT'><oneSwitch name='FORMAT_FITS'>On"), sent);
            await(camera.disconnect());
        }
    }

    @Test
    void aLateImageOfAnEarlierExposureIsNotTakenForTheNewOne() throws Exception {
        String late = "<setBLOBVector device='Fake CCD' name='CCD1' state='Ok'><oneBLOB name='CCD1' size='12' format='.fits' len='12'>"
                + Base64.getEncoder().encodeToString("late image!!".getBytes()) + "</oneBLOB></setBLOBVector>";
        String own = "<setBLOBVector device='Fake CCD' name='CCD1' state='Ok'><oneBLOB name='CCD1' size='12' format='.png' len='12'>"
                + Base64.getEncoder().encodeToString("this one!!!!".getBytes()) + "</oneBLOB></setBLOBVector>";
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", CAMERA_DEFINITIONS)
                .answer("CCD_EXPOSURE_VALUE", late + IndiHostileInputTest.EXPOSING + own)) {
            Camera camera = (Camera) new IndiProvider().create(DeviceKind.CAMERA, server.settings(CAMERA), IndiContractTest.CONTEXT);
            await(camera.connect());
            Throwable failure = failureOf(camera.expose(ExposureRequest.light(1), null));
            assertTrue(failure.getMessage().contains("\".png\""), "the image sent after the exposure began is read: " + failure.getMessage());
        }
    }

    @Test
    void aCompressedImageIsRefusedByItsFormat() throws Exception {
        String blob = "<setBLOBVector device='Fake CCD' name='CCD1' state='Ok'><oneBLOB name='CCD1' size='12' format='.fits.z' len='12'>"
                + Base64.getEncoder().encodeToString("zlib bytes!!".getBytes()) + "</oneBLOB></setBLOBVector>";
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", CAMERA_DEFINITIONS).answer("CCD_EXPOSURE_VALUE", IndiHostileInputTest.EXPOSING + blob)) {
            Camera camera = (Camera) new IndiProvider().create(DeviceKind.CAMERA, server.settings(CAMERA), IndiContractTest.CONTEXT);
            await(camera.connect());
            Throwable failure = failureOf(camera.expose(ExposureRequest.light(1), null));
            assertTrue(failure.getMessage().contains(CAMERA) && failure.getMessage().contains("\".fits.z\""), failure.getMessage());
            assertEquals(ConnectionState.CONNECTED, camera.state().connection());
        }
    }
}
