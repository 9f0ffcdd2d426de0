package org.nocturne.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nocturne.catalog.stars.StarCatalog;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.mount.Mount;
import org.nocturne.device.core.equipment.Equipment;
import org.nocturne.device.sim.render.ExposureScene;
import org.nocturne.device.sim.render.RenderedExposure;
import org.nocturne.device.sim.render.SensorModel;
import org.nocturne.device.sim.render.SkyRenderer;
import org.nocturne.image.Wcs;
import org.nocturne.image.fits.FitsFrames;
import org.nocturne.solver.api.SolveResult;
import org.nocturne.ui.equipment.EquipmentSession;
import org.nocturne.ui.imaging.FramePart;
import org.nocturne.ui.imaging.camera.CameraPart;
import org.nocturne.ui.widgets.ValueGrid;

/**
 * Solve in the Imaging perspective: on a file, the solution matches the simulator's truth and lands in the file's
 * header; on the camera's frame, the offset from where the mount says it points is shown.
 */
class PlateSolveTest {

    private static final String CAMERA_PART = "org.nocturne.ui.imaging.part.camera";
    private static final String FRAME_PART = "org.nocturne.ui.imaging.part.frame";

    private final List<Device<?>> connectedHere = new ArrayList<>();

    @AfterEach
    void leaveTheWorkbenchAsFound() {
        Workbench workbench = Workbench.main();
        for (Device<?> device : connectedHere) {
            workbench.await(device.disconnect(), () -> "disconnect " + device.info().name());
        }
        workbench.parts().showPart(CAMERA_PART, PartState.ACTIVATE);
        workbench.settle();
    }

    @Test
    void solvesAFileAndWritesTheSolutionIntoIt() throws Exception {
        Workbench workbench = Workbench.main();
        SensorModel sensor = new SensorModel(1600, 1200, 3.76, null, 1.0, 500, 2.0, 0.01, 1e-4, 50_000);
        Equatorial m45 = Equatorial.ofHoursDegrees(3.7914, 24.1051);
        ExposureScene scene = ExposureScene.light(m45, 400, 80, 10, Instant.parse("2026-11-25T22:00:00Z")).withPositionAngle(37.5);
        RenderedExposure exposure = new SkyRenderer(StarCatalog.bundled(), 11).render(sensor, scene);
        Path file = Files.createTempFile("nocturne-solve", ".fits");
        try {
            FitsFrames.write(exposure.frame(), file);
            showImaging(workbench);
            FramePart part = (FramePart) workbench.parts().showPart(FRAME_PART, PartState.ACTIVATE).getObject();
            workbench.settle();
            part.open(file).get();
            workbench.pumpUntil(() -> label(workbench, FRAME_PART, "status").startsWith(file.getFileName().toString()),
                    () -> "the frame is shown: " + label(workbench, FRAME_PART, "status"));

            SolveResult result = workbench.await(part.solve(), () -> "solve: " + label(workbench, FRAME_PART, "solveStatus"));
            assertInstanceOf(SolveResult.Solved.class, result, label(workbench, FRAME_PART, "solveStatus"));
            String status = label(workbench, FRAME_PART, "solveStatus");
            assertTrue(status.startsWith("Solved by ") && status.endsWith("WCS written into " + file.getFileName()), status);
            assertTrue(label(workbench, FRAME_PART, "solveRotation").startsWith("37.5"), label(workbench, FRAME_PART, "solveRotation"));
            assertTrue(label(workbench, FRAME_PART, "solveScale").startsWith("1.939″/px"), label(workbench, FRAME_PART, "solveScale"));

            Wcs written = FitsFrames.read(file).metadata().wcs();
            Wcs truth = exposure.wcs();
            assertEquals(0, written.toSky(800.5, 600.5).separationDegrees(truth.toSky(800.5, 600.5)) * 3600, 1.0,
                    "the file's centre against the truth, arc-seconds");
            assertEquals(truth.positionAngleDegreesAt(800.5, 600.5), written.positionAngleDegreesAt(800.5, 600.5), 0.05, "rotation at the centre, degrees");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void solvesTheCameraFrameAndShowsTheOffsetFromTheMount() {
        Workbench workbench = Workbench.main();
        EquipmentSession session = workbench.window.getContext().get(EquipmentSession.class);
        Equipment equipment = session.equipment().orElseThrow(() -> new AssertionError("no equipment: " + session.problem()));
        Camera camera = equipment.camera().orElseThrow();
        Mount mount = equipment.mount().orElseThrow();
        connect(workbench, camera);
        connect(workbench, mount);
        workbench.await(mount.unpark(), "unpark: the mount then believes it points at the pole");
        showImaging(workbench);
        CameraPart part = (CameraPart) workbench.parts().showPart(CAMERA_PART, PartState.ACTIVATE).getObject();
        workbench.settle();
        Workbench.find(widget(workbench, CAMERA_PART), ValueGrid.FIELD_KEY, "exposure", Text.class).setText("2");
        workbench.await(part.takeOne(), () -> "one frame: " + label(workbench, CAMERA_PART, "status"));

        SolveResult result = workbench.await(part.solve(), () -> "solve: " + label(workbench, CAMERA_PART, "solveStatus"));
        SolveResult.Solved solved = assertInstanceOf(SolveResult.Solved.class, result, label(workbench, CAMERA_PART, "solveStatus"));
        assertTrue(Math.abs(solved.centre().decDegrees()) > 85, "near the elevated pole of the site: " + solved.centre());
        double offArcsec = solved.offsetFrom(mount.state().position()).totalArcsec();
        assertTrue(offArcsec > 1 && offArcsec < 3600, "the simulated mount's pointing and polar errors, a few arc-minutes: "
                + offArcsec + "″");
        String offset = label(workbench, CAMERA_PART, "solveOffset");
        assertFalse(offset.startsWith("–"), "the frame carries the mount's position: " + offset);
        assertTrue(offset.matches("[\\d.]+[″′°] \\(-?[\\d.]+[″′°] east, -?[\\d.]+[″′°] north\\)"), offset);
        assertTrue(label(workbench, CAMERA_PART, "solveStatus").startsWith("Solved by "), label(workbench, CAMERA_PART, "solveStatus"));
    }

    private void connect(Workbench workbench, Device<?> device) {
        if (!device.state().connection().isConnected()) {
            workbench.await(device.connect(), () -> "connect " + device.info().name());
            connectedHere.add(device);
        }
    }

    private static void showImaging(Workbench workbench) {
        PerspectivesTest.click(workbench, PerspectivesTest.switcherItems(workbench).stream().filter(b -> b.getText().equals("Imaging"))
                .findFirst().orElseThrow());
    }

    private static Composite widget(Workbench workbench, String partId) {
        return (Composite) workbench.parts().findPart(partId).getWidget();
    }

    private static String label(Workbench workbench, String partId, String field) {
        return Workbench.find(widget(workbench, partId), ValueGrid.FIELD_KEY, field, Label.class).getText();
    }
}
