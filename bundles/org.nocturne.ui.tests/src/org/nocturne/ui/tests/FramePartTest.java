package org.nocturne.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nocturne.image.Frame;
import org.nocturne.image.FrameMetadata;
import org.nocturne.image.fits.FitsFrames;
import org.nocturne.ui.imaging.FramePart;
import org.nocturne.ui.widgets.ValueGrid;

/**
 * The Imaging perspective's Frame part (its second tab, behind Camera) opens a FITS file, measures it off the UI thread
 * and shows what it found.
 */
class FramePartTest {

    /** Leaves the Imaging perspective as the user first sees it, with the Camera tab in front. */
    @AfterEach
    void showTheCameraTabAgain() {
        Workbench workbench = Workbench.main();
        workbench.parts().showPart("org.nocturne.ui.imaging.part.camera", PartState.ACTIVATE);
        workbench.settle();
    }

    @Test
    void opensAFitsFrameAndReportsItsStars() throws Exception {
        Workbench workbench = Workbench.main();
        FramePart part = openImaging(workbench);
        Path file = Files.createTempFile("nocturne-frame", ".fits");
        try {
            FitsFrames.write(starField(800, 600, 25), file);
            part.open(file).get(60, TimeUnit.SECONDS);
            workbench.settle();
            String status = label(workbench, "status");
            assertTrue(status.startsWith(file.getFileName() + ": 800×600 mono"), status);
            assertTrue(status.contains(" 25 stars "), "every star found: " + status);
            assertTrue(status.contains("median HFR 2.3"), "HFR of sigma-2 stars is 2.35 px: " + status);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aBadFileIsReportedByName() throws Exception {
        Workbench workbench = Workbench.main();
        FramePart part = openImaging(workbench);
        Path file = Files.createTempFile("not-a-frame", ".fits");
        try {
            Files.writeString(file, "no FITS here ".repeat(500));
            part.open(file).get(60, TimeUnit.SECONDS);
            workbench.settle();
            String status = label(workbench, "status");
            assertTrue(status.startsWith("Could not open " + file + ": " + file), status);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static FramePart openImaging(Workbench workbench) {
        Button imaging = PerspectivesTest.switcherItems(workbench).stream().filter(b -> b.getText().equals("Imaging"))
                .findFirst().orElseThrow();
        PerspectivesTest.click(workbench, imaging);
        FramePart part = (FramePart) workbench.parts().showPart("org.nocturne.ui.imaging.part.frame", PartState.ACTIVATE).getObject();
        workbench.settle();
        return part;
    }

    private static String label(Workbench workbench, String field) {
        return Workbench.find(workbench.shell, ValueGrid.FIELD_KEY, field, Label.class).getText();
    }

    /** Gaussian stars (sigma 2 px) on a grid, over sky 1000 with noise. */
    private static Frame starField(int width, int height, int stars) {
        Random random = new Random(3);
        double[] signal = new double[width * height];
        java.util.Arrays.fill(signal, 1000);
        int side = (int) Math.ceil(Math.sqrt(stars));
        int placed = 0;
        for (int gy = 0; gy < side && placed < stars; gy++) {
            for (int gx = 0; gx < side && placed < stars; gx++, placed++) {
                double cx = (gx + 0.5) * width / side + random.nextDouble();
                double cy = (gy + 0.5) * height / side + random.nextDouble();
                for (int y = (int) cy - 12; y <= cy + 12; y++) {
                    for (int x = (int) cx - 12; x <= cx + 12; x++) {
                        double r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                        signal[y * width + x] += 40000 / (2 * Math.PI * 4) * Math.exp(-r2 / 8);
                    }
                }
            }
        }
        short[] pixels = new short[signal.length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) Math.round(signal[i] + random.nextGaussian() * Math.sqrt(signal[i] + 64));
        }
        return Frame.mono(width, height, pixels, FrameMetadata.EMPTY);
    }
}
