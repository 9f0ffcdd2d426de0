package org.nocturne.device.indi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nocturne.device.indi.IndiHostileInputTest.await;

import org.junit.jupiter.api.Test;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.focuser.Focuser;

/** A relative-only focuser behind a scripted server, answering as INDI's FocuserInterface does. */
class IndiFocuserScriptedTest {

    private static final String RELATIVE_FOCUSER = """
            <defSwitchVector device="Fake Focuser" name="CONNECTION" state="Ok" perm="rw" rule="OneOfMany" timeout="60">
              <defSwitch name="CONNECT">On</defSwitch><defSwitch name="DISCONNECT">Off</defSwitch></defSwitchVector>
            <defSwitchVector device="Fake Focuser" name="FOCUS_MOTION" state="Ok" perm="rw" rule="OneOfMany" timeout="60">
              <defSwitch name="FOCUS_INWARD">Off</defSwitch><defSwitch name="FOCUS_OUTWARD">On</defSwitch></defSwitchVector>
            <defNumberVector device="Fake Focuser" name="REL_FOCUS_POSITION" state="Ok" perm="rw" timeout="1">
              <defNumber name="FOCUS_RELATIVE_POSITION" format="%6.0f" min="0" max="1000" step="1">0</defNumber></defNumberVector>
            """;

    @Test
    void aRelativeMoveTheDriverAnswersOkAtOnceIsDone() throws Exception {
        // FocuserInterface sets REL_FOCUS_POSITION Ok straight away when MoveRelFocuser returns IPS_OK: no Busy comes.
        String done = "<setNumberVector device='Fake Focuser' name='REL_FOCUS_POSITION' state='Ok'>"
                + "<oneNumber name='FOCUS_RELATIVE_POSITION'>25</oneNumber></setNumberVector>";
        try (FakeIndiServer server = new FakeIndiServer().answer("getProperties", RELATIVE_FOCUSER)
                .answer("name='REL_FOCUS_POSITION'", done)) {
            Focuser focuser = (Focuser) new IndiProvider().create(DeviceKind.FOCUSER, server.settings("Fake Focuser"), IndiContractTest.CONTEXT);
            await(focuser.connect());
            await(focuser.moveBy(25));
            assertEquals(25, focuser.state().position());
            assertTrue(server.received().contains("<oneNumber name='FOCUS_RELATIVE_POSITION'>25"), server.received());
        }
    }
}
