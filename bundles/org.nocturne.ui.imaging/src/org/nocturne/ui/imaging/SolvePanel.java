package org.nocturne.ui.imaging;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.nocturne.core.angle.Sexagesimal;
import org.nocturne.core.sky.Equatorial;
import org.nocturne.solver.api.ChainStep;
import org.nocturne.solver.api.PlateSolver;
import org.nocturne.solver.api.PointingOffset;
import org.nocturne.solver.api.SolveRequest;
import org.nocturne.solver.api.SolveResult;
import org.nocturne.ui.solve.PlateSolving;
import org.nocturne.ui.solve.SolverSettings;
import org.nocturne.ui.widgets.ValueGrid;

/**
 * "Solve" for the frame a part shows: runs the user's solver chain on it and shows the centre, rotation, pixel scale
 * and field, the stars matched, and the offset from where the mount said it pointed. When the frame came from a file,
 * the solution is written into that file's header. The chain ({@code builtin:near, builtin:blind}) is edited in place
 * and saved for every part.
 *
 * <p>Rotation is the position angle of the frame's +y axis (FITS "up", the first row at the bottom) at its centre,
 * east of north.
 *
 * <p>UI thread only. Widgets ({@link ValueGrid#FIELD_KEY}): text "solveChain", buttons "solve" and "cancelSolve",
 * labels "solveCentre", "solveRotation", "solveScale", "solveMatch", "solveOffset", "solveStatus".
 */
public final class SolvePanel {

    private final UISynchronize sync;
    private final PlateSolving solving;
    private final Button solveButton;
    private final Button cancelButton;
    private final Text chain;
    private final Label centre;
    private final Label rotation;
    private final Label scale;
    private final Label match;
    private final Label offset;
    private final Label status;
    private SolveRequest request;
    private CompletableFuture<SolveResult> running;
    /** Whether the user has typed into the chain since it was last shown or saved. */
    private boolean chainEdited;
    private final Consumer<SolverSettings> settingsListener;
    private final Runnable solversListener;

    /**
     * Adds the panel's rows to {@code grid}.
     *
     * @param solving the workbench's plate solving; null when none is installed, which the panel then says
     */
    public SolvePanel(ValueGrid grid, UISynchronize sync, PlateSolving solving) {
        this.sync = sync;
        this.solving = solving;
        chain = grid.addInput("Solvers", "solveChain", "solver:near, solver:blind");
        chain.addListener(SWT.Modify, event -> chainEdited = true);
        chain.addListener(SWT.DefaultSelection, event -> saveChain());
        chain.addListener(SWT.FocusOut, event -> saveChain());
        Composite buttons = new Composite(grid.composite(), SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        GridLayout buttonLayout = new GridLayout(2, true);
        buttonLayout.marginWidth = 0;
        buttons.setLayout(buttonLayout);
        solveButton = ValueGrid.pushButton(buttons, "Solve", "solve", "Plate solve this frame: where it points, its rotation and scale");
        solveButton.addListener(SWT.Selection, event -> solve());
        cancelButton = ValueGrid.pushButton(buttons, "Cancel", "cancelSolve", "Stop the solve going on");
        cancelButton.addListener(SWT.Selection, event -> cancel());
        centre = grid.addValue("Centre", "solveCentre");
        rotation = grid.addValue("Rotation", "solveRotation");
        scale = grid.addValue("Scale", "solveScale");
        match = grid.addValue("Matched", "solveMatch");
        offset = grid.addValue("Mount offset", "solveOffset");
        status = grid.addMessage("solveStatus");
        settingsListener = settings -> sync.asyncExec(() -> showChain(settings.chain()));
        solversListener = this::describeSolvers;
        if (solving != null) {
            showChain(solving.settings().chain());
            solving.addSettingsListener(settingsListener);
            solving.registry().addListener(solversListener);
            describeSolvers();
        }
        chain.addListener(SWT.Dispose, event -> dispose());
        clearResult();
        setRequest(null);
    }

    /** The frame to solve next, or null when there is none; a solve under way for an earlier frame goes on. */
    public void setRequest(SolveRequest value) {
        request = value;
        updateEnablement();
    }

    /**
     * Solves the frame set last; the future completes on the UI thread with the result once it is shown, or fails
     * when there is nothing to solve, or with a {@link CancellationException} when cancelled.
     */
    public CompletableFuture<SolveResult> solve() {
        if (solving == null || request == null || running != null) {
            return CompletableFuture.failedFuture(new IllegalStateException(solving == null
                    ? "No plate solving is installed" : request == null ? "No frame to solve" : "A solve is going on"));
        }
        if (!saveChain()) {
            return CompletableFuture.failedFuture(new IllegalStateException(status.getText()));
        }
        SolveRequest solved = request;
        clearResult();
        status.setText(String.format(Locale.ROOT, "Solving %d stars…", solved.stars() == null ? 0 : solved.stars().stars().size()));
        CompletableFuture<SolveResult> attempt = solving.solve(solved,
                (fraction, message) -> sync.asyncExec(() -> showProgress(message)));
        running = attempt;
        updateEnablement();
        CompletableFuture<SolveResult> shown = new CompletableFuture<>();
        attempt.whenComplete((result, failure) -> {
            if (result instanceof SolveResult.Solved done && solved.imageFile() != null) {
                solving.writeWcs(solved.imageFile(), done.wcs()).whenComplete((written, writeFailure) -> sync.asyncExec(
                        () -> finish(solved, result, null, writeFailure, shown)));
            } else {
                sync.asyncExec(() -> finish(solved, result, failure, null, shown));
            }
        });
        return shown;
    }

    /** Cancels the solve going on, if any; an external solver's process is stopped. */
    public void cancel() {
        if (running != null && solving != null) {
            solving.cancel(running);
            status.setText("Cancelling…");
        }
    }

    /** The part is closing: a solve going on is cancelled and the panel stops listening. */
    private void dispose() {
        if (solving != null) {
            if (running != null) {
                solving.cancel(running);
            }
            solving.removeSettingsListener(settingsListener);
            solving.registry().removeListener(solversListener);
        }
    }

    private void finish(SolveRequest solved, SolveResult result, Throwable failure, Throwable writeFailure,
            CompletableFuture<SolveResult> shown) {
        running = null;
        if (status.isDisposed()) {
            shown.complete(result);
            return;
        }
        updateEnablement();
        if (failure != null) {
            Throwable cause = unwrap(failure);
            status.setText(cause instanceof CancellationException ? "Solve cancelled." : "Solve failed: " + cause.getMessage());
            shown.completeExceptionally(cause);
            return;
        }
        if (result instanceof SolveResult.Solved done) {
            show(solved, done, writeFailure);
        } else if (result instanceof SolveResult.Failed failed) {
            status.setText(String.format(Locale.ROOT, "Not solved (%.1f s): %s", seconds(failed), failed.reason()));
        }
        status.getParent().layout(true);
        shown.complete(result);
    }

    private void show(SolveRequest solved, SolveResult.Solved done, Throwable writeFailure) {
        Equatorial c = done.centre();
        centre.setText(Sexagesimal.formatHours(c.raHours()) + "  " + Sexagesimal.formatDegrees(c.decDegrees()));
        rotation.setText(String.format(Locale.ROOT, "%.2f° east of north%s", done.rotationDegrees(),
                done.flipped() ? ", mirrored" : ""));
        scale.setText(String.format(Locale.ROOT, "%.3f″/px · field %.2f° × %.2f°", done.scaleArcsecPerPixel(),
                done.fieldWidthDegrees(), done.fieldHeightDegrees()));
        match.setText(done.matches().isEmpty() ? "not reported by the solver"
                : String.format(Locale.ROOT, "%d stars, RMS %.2f″", done.matchedStars(), done.rmsArcsec()));
        Equatorial mount = solved.frame() == null ? null : solved.frame().metadata().pointing();
        if (mount == null) {
            offset.setText("– (the frame has no mount position)");
        } else {
            PointingOffset off = done.offsetFrom(mount);
            offset.setText(String.format(Locale.ROOT, "%s (%s east, %s north)", arcsec(off.totalArcsec()),
                    arcsec(off.eastArcsec()), arcsec(off.northArcsec())));
        }
        String solver = solving.registry().find(done.solverId()).map(PlateSolver::displayName).orElse(done.solverId());
        String file = solved.imageFile() == null ? ""
                : writeFailure == null ? "; WCS written into " + fileName(solved.imageFile())
                        : "; could not write the WCS into " + fileName(solved.imageFile()) + ": " + unwrap(writeFailure).getMessage();
        status.setText(String.format(Locale.ROOT, "Solved by %s (%s) in %.2f s%s", solver,
                done.mode().name().toLowerCase(Locale.ROOT), seconds(done), file));
    }

    /**
     * Saves the chain the user typed, when they typed one that differs from the saved one; false, with the reason
     * shown, when it is malformed.
     */
    private boolean saveChain() {
        if (solving == null || chain.isDisposed()) {
            return false;
        }
        if (!chainEdited) {
            return true;
        }
        try {
            List<ChainStep> steps = ChainStep.parse(chain.getText());
            chainEdited = false;
            if (!steps.equals(solving.settings().chain())) {
                solving.save(solving.settings().withChain(steps));
            }
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            status.setText(e.getMessage());
            return false;
        }
    }

    private void showProgress(String message) {
        if (running != null && !status.isDisposed()) {
            status.setText(message + "…");
        }
    }

    private void clearResult() {
        for (Label value : List.of(centre, rotation, scale, match, offset)) {
            value.setText("–");
        }
        status.setText(solving == null ? "No plate solver is installed." : "");
    }

    private void updateEnablement() {
        if (!solveButton.isDisposed()) {
            solveButton.setEnabled(solving != null && request != null && running == null);
            cancelButton.setEnabled(running != null);
        }
    }

    /** Shows {@code steps} in the chain field, unless the user is typing another. */
    private void showChain(List<ChainStep> steps) {
        if (!chain.isDisposed() && !chainEdited) {
            chain.setText(ChainStep.format(steps));
            chainEdited = false;
        }
    }

    /** Lists the installed solvers in the chain field's tooltip; asked again whenever solvers come or go. Any thread. */
    private void describeSolvers() {
        solving.describeSolvers().thenAccept(text -> sync.asyncExec(() -> {
            if (!chain.isDisposed()) {
                chain.setToolTipText("Solvers tried in turn, as solver:near or solver:blind, separated by commas. Installed:\n" + text);
            }
        }));
    }

    private static String arcsec(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        double size = Math.abs(value);
        return size >= 3600 ? String.format(Locale.ROOT, "%.2f°", value / 3600)
                : size >= 60 ? String.format(Locale.ROOT, "%.1f′", value / 60) : String.format(Locale.ROOT, "%.1f″", value);
    }

    private static double seconds(SolveResult result) {
        return result.elapsed().toNanos() / 1e9;
    }

    private static String fileName(Path file) {
        return file.getFileName().toString();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
