package org.nocturne.ui.imaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.nocturne.image.Frame;
import org.nocturne.image.display.Preview;
import org.nocturne.image.fits.FitsFrames;
import org.nocturne.image.stars.Star;
import org.nocturne.image.stars.StarDetector;
import org.nocturne.image.stars.StarList;
import org.nocturne.image.stats.ImageStatistics;
import org.nocturne.ui.widgets.ValueGrid;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Frame: opens a FITS file, shows it auto-stretched (colour for Bayer frames) with its stars circled, and says what the
 * image core measured: background, noise, star count, median HFR, FWHM and eccentricity. Reading and measuring run
 * on a worker thread; the UI thread only draws. A FITS file named on the command line opens at start.
 * Widgets ({@link ValueGrid#FIELD_KEY}): button "open", label "status", canvas "image".
 */
public final class FramePart {

    /** Longest side of the preview, in pixels; larger frames are shrunk by a whole factor. */
    private static final int PREVIEW_SIZE = 2048;
    /** Most stars circled on screen, the brightest first. */
    private static final int MARKED_STARS = 3000;

    /**
     * What the worker hands to the UI thread: the preview's pixels ready for an SWT image, the stars to circle, and
     * the line to show. The frame itself is not kept once measured.
     *
     * @param preview the stretched preview (ImageData is plain data, safe to build off the UI thread)
     * @param scale frame pixels per preview pixel
     */
    private record Analysis(ImageData preview, int scale, List<Star> marked, String summary) {
    }

    @Inject
    private UISynchronize sync;

    private Label status;
    private Canvas canvas;
    private Image image;
    private Analysis shown;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        Button open = new Button(parent, SWT.PUSH);
        open.setText("Open FITS…");
        open.setData(ValueGrid.FIELD_KEY, "open");
        open.addListener(SWT.Selection, e -> choose());
        status = new Label(parent, SWT.WRAP);
        status.setData(ValueGrid.FIELD_KEY, "status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText("No frame open. Open a FITS file: it is stretched for display and its stars are measured.");
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setData(ValueGrid.FIELD_KEY, "image");
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        canvas.addPaintListener(e -> paint(e.gc, canvas.getClientArea()));
        fileFromCommandLine().ifPresent(this::open);
    }

    @PreDestroy
    public void dispose() {
        if (image != null) {
            image.dispose();
        }
    }

    /**
     * Reads and measures {@code file} on a worker, then shows it. The future completes on the worker, before the
     * UI thread has drawn the result.
     */
    public CompletableFuture<Void> open(Path file) {
        status.setText("Reading " + file.getFileName() + "…");
        return CompletableFuture.supplyAsync(() -> analyse(file)).handle((analysis, error) -> {
            sync.asyncExec(() -> show(file, analysis, error));
            return null;
        });
    }

    /** Reads, measures and renders on the calling (worker) thread. */
    private static Analysis analyse(Path file) {
        long start = System.nanoTime();
        try {
            Frame frame = FitsFrames.read(file);
            ImageStatistics statistics = ImageStatistics.of(frame);
            Preview preview = Preview.of(frame, statistics, PREVIEW_SIZE);
            StarList stars = new StarDetector().detect(frame);
            long millis = (System.nanoTime() - start) / 1_000_000;
            String summary = String.format(Locale.ROOT,
                    "%s: %d×%d %s · background %.0f ± %.1f ADU · %d stars · median HFR %.2f px · FWHM %.2f px · eccentricity %.2f · %d ms",
                    file.getFileName(), frame.width(), frame.height(), frame.isBayer() ? frame.bayerPattern().name() : "mono",
                    statistics.median(), statistics.sigma(), stars.stars().size(), stars.medianHfr(), stars.medianFwhm(),
                    stars.medianEccentricity(), millis);
            List<Star> marked = List.copyOf(stars.stars().subList(0, Math.min(stars.stars().size(), MARKED_STARS)));
            return new Analysis(imageData(preview), preview.scale(), marked, summary);
        } catch (java.io.IOException e) {
            throw new CompletionException(e);
        }
    }

    private void show(Path file, Analysis analysis, Throwable error) {
        if (canvas.isDisposed()) {
            return;
        }
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            status.setText("Could not open " + file + ": " + cause.getMessage());
            return;
        }
        if (image != null) {
            image.dispose();
        }
        image = new Image(canvas.getDisplay(), analysis.preview());
        shown = analysis;
        status.setText(analysis.summary());
        status.getParent().layout(true);
        canvas.redraw();
    }

    private static ImageData imageData(Preview preview) {
        ImageData data = new ImageData(preview.width(), preview.height(), 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int rowBytes = preview.width() * 3;
        for (int y = 0; y < preview.height(); y++) {
            System.arraycopy(preview.rgb(), y * rowBytes, data.data, y * data.bytesPerLine, rowBytes);
        }
        return data;
    }

    private void paint(GC gc, Rectangle area) {
        if (image == null || shown == null) {
            return;
        }
        ImageData preview = shown.preview();
        double zoom = Math.min(area.width / (double) preview.width, area.height / (double) preview.height);
        int w = (int) (preview.width * zoom);
        int h = (int) (preview.height * zoom);
        int left = area.x + (area.width - w) / 2;
        int top = area.y + (area.height - h) / 2;
        gc.setInterpolation(SWT.HIGH);
        gc.drawImage(image, 0, 0, preview.width, preview.height, left, top, w, h);
        double framePixel = zoom / shown.scale();
        Color mark = new Color(90, 220, 120);
        try {
            gc.setForeground(mark);
            gc.setAntialias(SWT.ON);
            for (Star star : shown.marked()) {
                int r = (int) Math.max(4, 2.5 * star.hfr() * framePixel);
                int x = left + (int) Math.round((star.x() + 0.5) * framePixel);
                int y = top + (int) Math.round((star.y() + 0.5) * framePixel);
                gc.drawOval(x - r, y - r, 2 * r, 2 * r);
            }
        } finally {
            mark.dispose();
        }
    }

    private void choose() {
        FileDialog dialog = new FileDialog(canvas.getShell(), SWT.OPEN);
        dialog.setText("Open a FITS frame");
        dialog.setFilterExtensions(new String[] { "*.fits;*.fit;*.fts;*.fz", "*" });
        dialog.setFilterNames(new String[] { "FITS frames", "All files" });
        String chosen = dialog.open();
        if (chosen != null) {
            open(Path.of(chosen));
        }
    }

    static java.util.Optional<Path> fileFromCommandLine() {
        for (String argument : Platform.getApplicationArgs()) {
            String lower = argument.toLowerCase(Locale.ROOT);
            if ((lower.endsWith(".fits") || lower.endsWith(".fit") || lower.endsWith(".fts") || lower.endsWith(".fz"))
                    && Files.isRegularFile(Path.of(argument))) {
                return java.util.Optional.of(Path.of(argument));
            }
        }
        return java.util.Optional.empty();
    }
}
