package org.nocturne.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.camera.ExposureStatus;
import org.nocturne.device.core.equipment.Equipment;
import org.nocturne.ui.equipment.EquipmentSession;
import org.nocturne.ui.imaging.camera.CameraPart;
import org.nocturne.ui.widgets.ValueGrid;

/**
 * The Imaging perspective's Camera part with the Simulator profile's camera, in real time: one frame shows stars and
 * a finite HFR as the chart's first point; a loop charts frame after frame until Stop, which leaves the camera idle.
 */
class CameraLoopTest {

    /** The devices this test connected, to disconnect afterwards: the equipment is left as it was found. */
    private final List<Device<?>> connectedHere = new ArrayList<>();

    @AfterEach
    void disconnectWhatThisTestConnected() {
        Workbench workbench = Workbench.main();
        for (Device<?> device : connectedHere) {
            workbench.await(device.disconnect(), () -> "disconnect " + device.info().name());
        }
    }

    @Test
    void takesOneFrameThenLoopsUntilStopped() {
        Workbench workbench = Workbench.main();
        EquipmentSession session = workbench.window.getContext().get(EquipmentSession.class);
        Equipment equipment = session.equipment().orElseThrow(() -> new AssertionError("no equipment: " + session.problem()));
        Camera camera = equipment.camera().orElseThrow(() -> new AssertionError("the Simulator profile has no camera"));
        connect(workbench, camera);
        equipment.focuser().ifPresent(focuser -> connect(workbench, focuser));

        CameraPart part = open(workbench);
        workbench.pumpUntil(() -> button(workbench, "takeOne").isEnabled(), () -> "Take one enabled once the camera is connected: "
                + label(workbench, "status"));
        assertFalse(button(workbench, "stop").isEnabled(), "nothing to stop yet");
        Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "exposure", Text.class).setText("1");

        workbench.await(part.takeOne(), () -> "one frame: " + label(workbench, "status"));
        int stars = Integer.parseInt(label(workbench, "stars"));
        assertTrue(stars > 0, "stars found: " + stars);
        assertTrue(label(workbench, "hfr").matches("\\d+\\.\\d\\d px · \\d+\\.\\d\\d″"), "HFR in pixels and arc-seconds: " + label(workbench, "hfr"));
        assertEquals(1, part.hfrHistory().size(), "the chart has the frame's point");
        assertTrue(Double.isFinite(part.hfrHistory().get(0)) && part.hfrHistory().get(0) > 0, "HFR " + part.hfrHistory());
        assertTrue(label(workbench, "background").endsWith(" ADU"), label(workbench, "background"));
        assertTrue(Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, "hfrChart", Canvas.class).isVisible(), "the chart is shown");

        CompletableFuture<Void> looping = part.loop();
        assertTrue(button(workbench, "stop").isEnabled(), "Stop enabled while looping");
        assertFalse(button(workbench, "loop").isEnabled(), "Loop disabled while looping");
        workbench.pumpUntil(() -> part.hfrHistory().size() >= 3, () -> "three frames looped: " + label(workbench, "status"));
        click(button(workbench, "stop"));
        workbench.await(looping, () -> "the loop ends after Stop: " + label(workbench, "status"));

        List<Double> history = part.hfrHistory();
        assertTrue(history.size() >= 3, "history " + history);
        assertTrue(history.stream().allMatch(hfr -> Double.isFinite(hfr) && hfr > 0), "history " + history);
        assertTrue(label(workbench, "status").startsWith("Stopped after " + history.size() + " frames"), label(workbench, "status"));
        workbench.pumpUntil(() -> camera.state().exposure() == ExposureStatus.IDLE, () -> "camera idle after Stop: " + camera.state());
        assertTrue(camera.state().connection().isConnected(), "Stop leaves the camera connected: " + camera.state());
        assertTrue(button(workbench, "takeOne").isEnabled() && button(workbench, "loop").isEnabled(), "ready for another run");
        assertFalse(button(workbench, "stop").isEnabled(), "nothing left to stop");
    }

    private void connect(Workbench workbench, Device<?> device) {
        if (!device.state().connection().isConnected()) {
            workbench.await(device.connect(), () -> "connect " + device.info().name());
            connectedHere.add(device);
        }
    }

    private static CameraPart open(Workbench workbench) {
        PerspectivesTest.click(workbench, PerspectivesTest.switcherItems(workbench).stream().filter(b -> b.getText().equals("Imaging"))
                .findFirst().orElseThrow());
        CameraPart part = (CameraPart) workbench.parts().showPart("org.nocturne.ui.imaging.part.camera", PartState.ACTIVATE).getObject();
        workbench.settle();
        return part;
    }

    /** What a mouse click on a push button does: it fires Selection. */
    private static void click(Button button) {
        button.notifyListeners(SWT.Selection, new Event());
    }

    private static Button button(Workbench workbench, String field) {
        return Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, field, Button.class);
    }

    private static String label(Workbench workbench, String field) {
        return Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, field, Label.class).getText();
    }
}
