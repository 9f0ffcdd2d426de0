package org.nocturne.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nocturne.device.api.DeviceKind;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.contract.peers.IndiServerProcess;
import org.nocturne.device.contract.peers.Peers;
import org.nocturne.device.core.equipment.Equipment;
import org.nocturne.device.core.profile.DeviceChoice;
import org.nocturne.device.core.profile.EquipmentProfile;
import org.nocturne.ui.equipment.EquipmentSession;
import org.nocturne.ui.imaging.camera.CameraPart;
import org.nocturne.ui.setup.equipment.EquipmentPart;
import org.nocturne.ui.widgets.ValueGrid;

/**
 * The real driver families appear in Setup beside the simulator, each with the settings form it declares: a serial
 * LX200 mount gets a port picker that Find fills, an Alpaca device's Find says plainly when no server answers, and the
 * Simulator profile's camera switched to INDI (found on a real indiserver with Debian's CCD simulator) takes frames in
 * Imaging. Every test puts the Simulator profile's devices back as it found them.
 */
class RealDriversSetupTest {

    private final Workbench workbench = Workbench.main();
    private final EquipmentSession session = workbench.window.getContext().get(EquipmentSession.class);
    private final EquipmentProfile before = session.profile();

    @AfterEach
    void restoreTheProfile() {
        workbench.await(session.edit(profile -> before), "the profile is restored");
    }

    @Test
    void everyDriverFamilyIsOfferedForTheKindsItMakes() {
        open();
        List<String> cameras = items("driver:CAMERA");
        assertTrue(cameras.containsAll(List.of("Sky simulator", "INDI", "ASCOM Alpaca")), "camera drivers " + cameras);
        assertFalse(cameras.contains("LX200 (serial or TCP)"), "LX200 makes mounts only: " + cameras);
        List<String> mounts = items("driver:MOUNT");
        assertTrue(mounts.containsAll(List.of("Sky simulator", "INDI", "ASCOM Alpaca", "LX200 (serial or TCP)")), "mount drivers " + mounts);
        List<String> guiders = items("driver:GUIDER");
        assertFalse(guiders.contains("INDI") || guiders.contains("ASCOM Alpaca"), "guiders are PHD2's and the simulator's: " + guiders);
    }

    @Test
    void aSerialMountHasAPortPickerThatFindFills() {
        EquipmentPart part = open();
        choose("driver:MOUNT", "LX200 (serial or TCP)");
        workbench.pumpUntil(() -> session.profile().device(DeviceKind.MOUNT).map(DeviceChoice::providerId).orElse("").equals("org.nocturne.device.lx200"),
                () -> "the profile's mount is the LX200 driver: " + status());
        choose("settingsKind", DeviceKind.MOUNT.label());
        Combo port = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "setting:serialPort", Combo.class);
        assertEquals(0, port.getStyle() & SWT.READ_ONLY, "the serial port can be typed as well as picked");
        assertTrue(port.getText().startsWith("/dev/") || port.getText().startsWith("COM"), "a default port: " + port.getText());
        Combo connection = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "setting:connection", Combo.class);
        assertEquals(List.of("serial", "tcp"), Arrays.asList(connection.getItems()));

        workbench.await(part.findDevices(), "Find answered");
        String said = status();
        int found = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "found", Combo.class).getItemCount();
        assertTrue(found == 0 ? said.equals("No mount devices found.") : said.startsWith("Found " + found), said);
        assertEquals(found, port.getItemCount(), "the ports found are offered in the picker");
    }

    @Test
    void findingAlpacaDevicesWhereNoServerAnswersSaysSo() {
        EquipmentPart part = open();
        choose("driver:CAMERA", "ASCOM Alpaca");
        workbench.pumpUntil(() -> session.profile().device(DeviceKind.CAMERA).map(DeviceChoice::providerId).orElse("").equals("org.nocturne.device.alpaca"),
                () -> "the profile's camera is the Alpaca driver: " + status());
        choose("settingsKind", DeviceKind.CAMERA.label());
        Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "setting:host", Text.class).setText("127.0.0.1");
        Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "setting:port", Text.class).setText("9");
        workbench.await(part.findDevices(), "Find answered");
        assertTrue(status().contains("127.0.0.1:9") || status().contains("No Alpaca server answered"), "a plain answer: " + status());
        assertEquals(0, Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "found", Combo.class).getItemCount());
    }

    @Test
    void theProfilesCameraThroughIndiTakesAFrameInImaging() throws Exception {
        try (IndiServerProcess server = IndiServerProcess.start("indi_simulator_ccd")) {
            EquipmentPart part = open();
            choose("driver:CAMERA", "INDI");
            workbench.pumpUntil(() -> session.profile().device(DeviceKind.CAMERA).map(DeviceChoice::providerId).orElse("").equals("org.nocturne.device.indi"),
                    () -> "the profile's camera is the INDI driver: " + status());
            choose("settingsKind", DeviceKind.CAMERA.label());
            Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "setting:host", Text.class).setText("127.0.0.1");
            Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "setting:port", Text.class).setText(String.valueOf(server.port()));
            Text device = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "setting:device", Text.class);
            device.setText("");
            workbench.await(part.findDevices(), () -> "Find answered: " + status());
            assertEquals("CCD Simulator", device.getText(), "the one camera on the server is put into the form: " + status());
            Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "applySettings", Button.class).notifyListeners(SWT.Selection, new Event());
            workbench.pumpUntil(() -> session.equipment().flatMap(Equipment::camera)
                    .map(camera -> camera.info().providerId().equals("org.nocturne.device.indi") && camera.info().name().contains("CCD Simulator"))
                    .orElse(false), () -> "the profile's camera is the INDI CCD Simulator: " + status());
            Camera camera = session.equipment().flatMap(Equipment::camera).orElseThrow();
            try {
                workbench.await(camera.connect(), () -> "the INDI camera connects: " + camera.state());
                pointTheSimulatorAtThePleiades(server.port());

                CameraPart imaging = openImaging();
                Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "exposure", Text.class).setText("1");
                workbench.await(imaging.takeOne(), () -> "one INDI frame: " + label("status"));
                assertEquals("Frame taken.", label("status"));
                assertTrue(label("camera").startsWith(camera.info().name() + ": Connected"), label("camera"));
                int stars = Integer.parseInt(label("stars"));
                if ("1".equals(System.getenv("NOCTURNE_REQUIRE_CATALOG_SOURCES"))) {
                    // With the Tycho-2 index files, releng/indi/gsc gives the simulator the Pleiades' stars.
                    assertTrue(stars >= 5, "stars of the Pleiades in the INDI frame: " + stars);
                }
            } finally {
                workbench.await(camera.disconnect(), "the INDI camera disconnects");
            }
        }
    }

    /**
     * Points the CCD simulator (which has no mount here) at the Pleiades through a 600 mm telescope in 6″ seeing, as
     * another INDI client would: with indi-bin's own indi_setprop.
     */
    private static void pointTheSimulatorAtThePleiades(int port) throws Exception {
        Peers.require("indi_setprop", "indi-bin");
        Process setprop = new ProcessBuilder("indi_setprop", "-h", "127.0.0.1", "-p", String.valueOf(port), "-t", "10",
                "CCD Simulator.SCOPE_INFO.FOCAL_LENGTH;APERTURE=600;100", "CCD Simulator.SIM_FOCUSING.SIM_SEEING=6",
                "CCD Simulator.EQUATORIAL_PE.RA_PE;DEC_PE=3.7914;24.1051").redirectErrorStream(true).start();
        String said = new String(setprop.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(setprop.waitFor(30, TimeUnit.SECONDS) && setprop.exitValue() == 0, "indi_setprop: " + said);
    }

    private CameraPart openImaging() {
        PerspectivesTest.click(workbench, PerspectivesTest.switcherItems(workbench).stream().filter(b -> b.getText().equals("Imaging"))
                .findFirst().orElseThrow());
        CameraPart part = (CameraPart) workbench.parts().showPart("org.nocturne.ui.imaging.part.camera", PartState.ACTIVATE).getObject();
        workbench.settle();
        return part;
    }

    private String label(String field) {
        return Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, field, Label.class).getText();
    }

    private EquipmentPart open() {
        PerspectivesTest.click(workbench, PerspectivesTest.switcherItems(workbench).stream().filter(b -> b.getText().equals("Setup"))
                .findFirst().orElseThrow());
        EquipmentPart part = (EquipmentPart) workbench.parts().showPart("org.nocturne.ui.setup.part.equipment", PartState.ACTIVATE).getObject();
        workbench.settle();
        return part;
    }

    private List<String> items(String field) {
        return Arrays.asList(Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, field, Combo.class).getItems());
    }

    /** Picks an item of a drop-down as a user would: selection, then the Selection event. */
    private void choose(String field, String item) {
        Combo combo = Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, field, Combo.class);
        int index = combo.indexOf(item);
        assertTrue(index >= 0, field + " offers " + item + ": " + Arrays.asList(combo.getItems()));
        combo.select(index);
        combo.notifyListeners(SWT.Selection, new Event());
        workbench.settle();
    }

    private String status() {
        return Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "status", Label.class).getText();
    }
}
