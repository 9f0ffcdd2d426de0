package org.nocturne.ui.imaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.nocturne.image.fits.FitsFrames;
import org.nocturne.solver.api.SolveResult;
import org.nocturne.ui.solve.PlateSolving;
import org.nocturne.ui.widgets.ValueGrid;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Frame: opens a FITS file, shows it auto-stretched (colour for Bayer frames) with its stars circled, and says what the
 * image core measured: background, noise, star count, median HFR, FWHM and eccentricity. Reading and measuring run
 * on a worker thread; the UI thread only draws. A FITS file named on the command line opens at start.
 * Beside the frame, {@link SolvePanel} plate solves it and writes the solution into the file.
 * Widgets ({@link ValueGrid#FIELD_KEY}): button "open", label "status", canvas "image", and the solve panel's.
 */
public final class FramePart {

    /**
     * What the worker hands to the UI thread: the frame's analysis and the line to show. The frame itself is not kept
     * once measured.
     */
    private record Opened(FrameAnalysis analysis, String summary) {
    }

    @Inject
    private UISynchronize sync;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    private PlateSolving solving;

    private Label status;
    private FrameView view;
    private SolvePanel solvePanel;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        Button open = new Button(parent, SWT.PUSH);
        open.setText("Open FITS…");
        open.setData(ValueGrid.FIELD_KEY, "open");
        open.addListener(SWT.Selection, e -> choose());
        status = new Label(parent, SWT.WRAP);
        status.setData(ValueGrid.FIELD_KEY, "status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        status.setText("No frame open. Open a FITS file: it is stretched for display and its stars are measured.");
        view = new FrameView(parent, "image", "");
        view.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        Composite side = new Composite(parent, SWT.NONE);
        GridData sideData = new GridData(SWT.FILL, SWT.FILL, false, true);
        sideData.widthHint = 380;
        side.setLayoutData(sideData);
        solvePanel = new SolvePanel(new ValueGrid(side), sync, solving);
        fileFromCommandLine().ifPresent(this::open);
    }

    /**
     * Reads and measures {@code file} on a worker, then shows it. The future completes on the worker, before the
     * UI thread has drawn the result.
     */
    public CompletableFuture<Void> open(Path file) {
        status.setText("Reading " + file.getFileName() + "…");
        return CompletableFuture.supplyAsync(() -> analyse(file)).handle((opened, error) -> {
            sync.asyncExec(() -> show(file, opened, error));
            return null;
        });
    }

    /** Plate solves the frame shown last, as the Solve button does; see {@link SolvePanel#solve()}. UI thread. */
    public CompletableFuture<SolveResult> solve() {
        return solvePanel.solve();
    }

    /** Reads, measures and renders on the calling (worker) thread. */
    private static Opened analyse(Path file) {
        long start = System.nanoTime();
        try {
            FrameAnalysis analysis = FrameAnalysis.of(FitsFrames.read(file));
            long millis = (System.nanoTime() - start) / 1_000_000;
            String summary = String.format(Locale.ROOT,
                    "%s: %s · background %.0f ± %.1f ADU · %d stars · median HFR %.2f px · FWHM %.2f px · eccentricity %.2f · %d ms",
                    file.getFileName(), analysis.size(), analysis.background(), analysis.noise(), analysis.starCount(),
                    analysis.medianHfr(), analysis.medianFwhm(), analysis.medianEccentricity(), millis);
            return new Opened(analysis, summary);
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private void show(Path file, Opened opened, Throwable error) {
        if (view.control().isDisposed()) {
            return;
        }
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            status.setText("Could not open " + file + ": " + cause.getMessage());
            return;
        }
        view.show(opened.analysis());
        solvePanel.setRequest(opened.analysis().solveRequest().withImageFile(file));
        status.setText(opened.summary());
        status.getParent().layout(true);
    }

    private void choose() {
        FileDialog dialog = new FileDialog(view.control().getShell(), SWT.OPEN);
        dialog.setText("Open a FITS frame");
        dialog.setFilterExtensions(new String[] { "*.fits;*.fit;*.fts;*.fz", "*" });
        dialog.setFilterNames(new String[] { "FITS frames", "All files" });
        String chosen = dialog.open();
        if (chosen != null) {
            open(Path.of(chosen));
        }
    }

    static Optional<Path> fileFromCommandLine() {
        for (String argument : Platform.getApplicationArgs()) {
            String lower = argument.toLowerCase(Locale.ROOT);
            if ((lower.endsWith(".fits") || lower.endsWith(".fit") || lower.endsWith(".fts") || lower.endsWith(".fz"))
                    && Files.isRegularFile(Path.of(argument))) {
                return Optional.of(Path.of(argument));
            }
        }
        return Optional.empty();
    }
}
