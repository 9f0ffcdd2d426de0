package org.nocturne.ui.imaging.camera;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.nocturne.core.task.Progress;
import org.nocturne.device.api.Device;
import org.nocturne.device.api.DeviceException;
import org.nocturne.device.api.camera.Camera;
import org.nocturne.device.api.camera.CameraCapabilities;
import org.nocturne.device.api.camera.CameraState;
import org.nocturne.device.api.filterwheel.FilterWheel;
import org.nocturne.device.core.equipment.Equipment;
import org.nocturne.device.core.equipment.EquipmentStamp;
import org.nocturne.image.Frame;
import org.nocturne.solver.api.SolveResult;
import org.nocturne.ui.equipment.EquipmentSession;
import org.nocturne.ui.imaging.FrameAnalysis;
import org.nocturne.ui.imaging.FrameView;
import org.nocturne.ui.imaging.SolvePanel;
import org.nocturne.ui.solve.PlateSolving;
import org.nocturne.ui.widgets.ValueGrid;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Camera: takes one frame or loops, shows each frame auto-stretched with its stars circled, and charts every frame's
 * median HFR so the user can focus by watching it fall. Exposure, gain (when the camera has one), binning and filter
 * (when the profile has a filter wheel) are set here; the camera is connected in Setup.
 *
 * <p>Threading: widgets are touched on the UI thread only. Device commands return futures completed on the device's
 * thread; frames are measured and rendered on the part's analysis worker, one at a time in arrival order; results and
 * camera states reach the UI through {@link UISynchronize#asyncExec}. In a loop the next exposure starts as soon as a
 * frame has downloaded, while that frame is measured (unless the worker is still on the frame before).
 *
 * <p>Widgets ({@link ValueGrid#FIELD_KEY}): inputs "exposure", "gain", "binning", "filter"; buttons "takeOne", "loop",
 * "stop"; bar "progress" and its label "progressText"; values "stars", "hfr", "background", "camera"; label "status";
 * canvases "image" and "hfrChart".
 */
public final class CameraPart {

    private static final String NO_CAMERA_HINT = "Connect the camera in Setup.";

    @Inject
    private UISynchronize sync;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    private EquipmentSession session;
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    private PlateSolving solving;

    private final ExecutorService analyser = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "Nocturne camera frame analysis");
        thread.setDaemon(true);
        return thread;
    });

    private Text exposure;
    private Label gainCaption;
    private Spinner gain;
    private Combo binning;
    private Label filterCaption;
    private Combo filter;
    private Button takeOneButton;
    private Button loopButton;
    private Button stopButton;
    private ProgressBar progress;
    private Label progressText;
    private Label stars;
    private Label hfr;
    private Label background;
    private Label cameraState;
    private Label status;
    private FrameView frameView;
    private HfrHistoryChart chart;
    private SolvePanel solvePanel;

    /** The profile's camera and filter wheel, null when it has none. */
    private Camera camera;
    private FilterWheel filterWheel;
    private Device.Subscription cameraSubscription;
    /** Whether the camera was connected at the last state shown; its settings are read again on connecting. */
    private boolean cameraConnected;
    /** The run going on, null when none. */
    private LoopRun run;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        Composite controls = new Composite(parent, SWT.NONE);
        GridData controlsData = new GridData(SWT.FILL, SWT.FILL, false, true);
        controlsData.widthHint = 360;
        controls.setLayoutData(controlsData);
        createControls(new ValueGrid(controls));
        SashForm views = new SashForm(parent, SWT.VERTICAL);
        views.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        frameView = new FrameView(views, "image", "Take a frame to see it here, its stars circled.");
        chart = new HfrHistoryChart(views, "hfrChart");
        views.setWeights(68, 32);
        useEquipment(session);
    }

    private void createControls(ValueGrid grid) {
        Composite composite = grid.composite();
        exposure = grid.addInput("Exposure (s)", "exposure", "seconds");
        exposure.setText("2");
        gainCaption = caption(composite, "Gain");
        gain = new Spinner(composite, SWT.BORDER);
        gain.setData(ValueGrid.FIELD_KEY, "gain");
        gain.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        caption(composite, "Binning");
        binning = new Combo(composite, SWT.READ_ONLY);
        binning.setData(ValueGrid.FIELD_KEY, "binning");
        binning.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        binning.add("1×1");
        binning.select(0);
        filterCaption = caption(composite, "Filter");
        filter = new Combo(composite, SWT.READ_ONLY);
        filter.setData(ValueGrid.FIELD_KEY, "filter");
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        Composite buttons = new Composite(composite, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        GridLayout buttonLayout = new GridLayout(3, true);
        buttonLayout.marginWidth = 0;
        buttons.setLayout(buttonLayout);
        takeOneButton = ValueGrid.pushButton(buttons, "Take one", "takeOne", "Take one frame and measure it");
        takeOneButton.addListener(SWT.Selection, event -> takeOne());
        loopButton = ValueGrid.pushButton(buttons, "Loop", "loop", "Take frames until Stop, charting each one's HFR (a new chart)");
        loopButton.addListener(SWT.Selection, event -> loop());
        stopButton = ValueGrid.pushButton(buttons, "Stop", "stop", "Abort the exposure and end the run");
        stopButton.addListener(SWT.Selection, event -> stop());

        progress = new ProgressBar(composite, SWT.HORIZONTAL);
        progress.setData(ValueGrid.FIELD_KEY, "progress");
        progress.setMaximum(1000);
        progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        progressText = grid.addMessage("progressText");
        stars = grid.addValue("Stars", "stars");
        hfr = grid.addValue("Median HFR", "hfr");
        background = grid.addValue("Background", "background");
        cameraState = grid.addValue("Camera", "camera");
        status = grid.addMessage("status");
        solvePanel = new SolvePanel(grid, sync, solving);
        for (Label value : List.of(stars, hfr, background)) {
            value.setText("–");
        }
    }

    @PreDestroy
    public void dispose() {
        if (run != null) {
            run.stop();
            run.finished().completeExceptionally(new CancellationException("The Camera part was closed"));
        }
        closeSubscription();
        analyser.shutdownNow();
    }

    /** Follows another profile, an edited one, or drivers that came or went. UI thread (the broker delivers there). */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void equipmentChanged(@UIEventTopic(EquipmentSession.TOPIC_CHANGED) EquipmentSession changed) {
        if (status != null && !status.isDisposed()) {
            useEquipment(changed);
        }
    }

    /**
     * Takes one frame with the settings shown. UI thread. The future completes on the UI thread once the frame is
     * shown (or the run was stopped), exceptionally when the camera is not ready, a setting is wrong or the exposure
     * failed; the status line says why in every case.
     */
    public CompletableFuture<Void> takeOne() {
        return start(false);
    }

    /**
     * Takes frames until {@link #stop()} or an error, starting a new HFR history. UI thread. The future completes on
     * the UI thread when the loop has ended and its last frame is shown: normally after Stop, exceptionally on an
     * error.
     */
    public CompletableFuture<Void> loop() {
        return start(true);
    }

    /** Plate solves the frame shown last, as the Solve button does; see {@link SolvePanel#solve()}. UI thread. */
    public CompletableFuture<SolveResult> solve() {
        return solvePanel.solve();
    }

    /** Stops the run going on, aborting its exposure; nothing when there is none. UI thread. */
    public void stop() {
        if (run != null) {
            run.stop();
            status.setText("Stopping…");
        }
    }

    /** The median HFR in pixels of every frame since the last Loop started, oldest first (NaN without stars). UI thread. */
    public List<Double> hfrHistory() {
        return chart.hfrs();
    }

    private CompletableFuture<Void> start(boolean loop) {
        if (run != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("A run is going on: stop it first"));
        }
        if (camera == null || !camera.state().connection().isConnected()) {
            String hint = notReadyText();
            status.setText(hint);
            return CompletableFuture.failedFuture(new IllegalStateException(hint));
        }
        Camera target = camera;
        ExposureSettings settings;
        try {
            boolean hasGain = target.capabilities().gainRange() != null;
            settings = new ExposureSettings(ExposureSettings.seconds(exposure.getText()), hasGain ? gain.getSelection() : null,
                    Math.max(1, binning.getSelectionIndex() + 1), filterWheel == null ? -1 : filter.getSelectionIndex());
            settings.request().check(target.capabilities());
        } catch (IllegalArgumentException e) {
            status.setText(target.info().name() + ": " + e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        LoopRun started = new LoopRun(loop);
        run = started;
        if (loop) {
            chart.clear();
        }
        status.setText(loop ? "Looping: frames follow one another until Stop." : "Taking one frame…");
        updateEnablement();
        expose(started, target, filterWheel, settings);
        return started.finished();
    }

    /**
     * Turns the wheel to the chosen filter if it is elsewhere, then exposes; the frame goes to {@link #frameArrived}.
     * Any thread: runs on the UI thread to start, then on the camera's thread for each next frame of a loop.
     */
    private void expose(LoopRun running, Camera target, FilterWheel wheel, ExposureSettings settings) {
        CompletableFuture<Void> filterReady = wheel == null || settings.filterSlot() < 0 || wheel.state().slot() == settings.filterSlot()
                ? CompletableFuture.completedFuture(null)
                : running.track(wheel.select(settings.filterSlot()));
        Progress report = (fraction, message) -> sync.asyncExec(() -> showProgress(running, fraction, message));
        filterReady.thenCompose(ready -> running.track(target.expose(settings.request(), report)))
                .whenComplete((frame, error) -> frameArrived(running, target, wheel, settings, frame, error));
    }

    /**
     * On the device's thread: hands the frame to the analysis worker and, in a loop, starts the next exposure as soon as
     * the frame before this one is measured (so at most two frames wait in memory). A failed or stopped exposure ends
     * the run once the frames before it are shown.
     */
    private void frameArrived(LoopRun running, Camera target, FilterWheel wheel, ExposureSettings settings, Frame frame, Throwable error) {
        if (error != null) {
            Throwable cause = unwrap(error);
            if (!(cause instanceof CancellationException && running.isStopped())) {
                running.fail(failureText(target, cause), cause);
            }
            onAnalyser(running, () -> sync.asyncExec(() -> finish(running)));
            return;
        }
        boolean another = running.takesAnother();
        Frame described = session == null ? frame
                : session.equipment().map(equipment -> EquipmentStamp.stamp(frame, equipment)).orElse(frame);
        CompletableFuture<Void> measured = onAnalyser(running, () -> {
            FrameAnalysis analysis = FrameAnalysis.of(described);
            sync.asyncExec(() -> show(running, analysis));
        }).exceptionally(failure -> {
            Throwable cause = unwrap(failure);
            running.fail("Could not measure the frame from " + target.info().name() + ": " + cause.getMessage(), cause);
            return null;
        });
        if (!another) {
            measured.thenRun(() -> sync.asyncExec(() -> finish(running)));
        }
        CompletableFuture<Void> previousMeasured = running.measuring(measured);
        if (another) {
            previousMeasured.thenRun(() -> expose(running, target, wheel, settings));
        }
    }

    /**
     * Queues work on the analysis worker, which runs it after the work queued before. Once the part is closed there is
     * nothing to show, so the run is just stopped.
     */
    private CompletableFuture<Void> onAnalyser(LoopRun running, Runnable work) {
        try {
            return CompletableFuture.runAsync(work, analyser);
        } catch (RejectedExecutionException closed) {
            running.stop();
            return CompletableFuture.completedFuture(null);
        }
    }

    private void show(LoopRun running, FrameAnalysis analysis) {
        if (status.isDisposed()) {
            return;
        }
        int number = running.frameShown();
        frameView.show(analysis);
        solvePanel.setRequest(analysis.solveRequest());
        chart.add(analysis.medianHfr(), analysis.starCount(), analysis.arcsecPerPixel());
        stars.setText(Integer.toString(analysis.starCount()));
        hfr.setText(hfrText(analysis));
        background.setText(String.format(Locale.ROOT, "%.0f ± %.1f ADU", analysis.background(), analysis.noise()));
        if (running.isLoop() && !running.isStopped()) {
            status.setText(String.format(Locale.ROOT, "Looping: frame %d shown, the next one is exposing.", number));
        }
        stars.getParent().layout(true);
    }

    /** Ends the run on the UI thread: says how it ended, frees the buttons and completes its future. */
    private void finish(LoopRun running) {
        if (run == running) {
            run = null;
        }
        if (!status.isDisposed()) {
            progress.setSelection(0);
            progressText.setText("");
            if (running.failureText() != null) {
                status.setText(running.failureText());
            } else if (running.isLoop() || running.isStopped()) {
                status.setText(String.format(Locale.ROOT, "Stopped after %d frame%s.", running.framesShown(), running.framesShown() == 1 ? "" : "s"));
            } else {
                status.setText("Frame taken.");
            }
            updateEnablement();
        }
        if (running.failure() != null) {
            running.finished().completeExceptionally(running.failure());
        } else {
            running.finished().complete(null);
        }
    }

    private void showProgress(LoopRun running, double fraction, String message) {
        if (run != running || progress.isDisposed()) {
            return;
        }
        if (Double.isFinite(fraction)) {
            progress.setSelection((int) Math.round(Math.max(0, Math.min(1, fraction)) * progress.getMaximum()));
        }
        progressText.setText(message);
    }

    /** Takes the profile's camera and filter wheel, subscribing to the camera's state. UI thread. */
    private void useEquipment(EquipmentSession equipmentSession) {
        Optional<Equipment> equipment = equipmentSession == null ? Optional.empty() : equipmentSession.equipment();
        Camera nextCamera = equipment.flatMap(Equipment::camera).orElse(null);
        if (nextCamera != camera) {
            if (run != null) {
                run.stop();
            }
            closeSubscription();
            camera = nextCamera;
            cameraConnected = false;
            // Another camera (or the same kind through another driver) starts a focus history of its own.
            chart.clear();
            if (camera != null) {
                Camera followed = camera;
                cameraSubscription = followed.subscribe(state -> sync.asyncExec(() -> cameraChanged(followed, state)));
            }
        }
        useFilterWheel(equipment.flatMap(Equipment::filterWheel).orElse(null));
        cameraChanged(camera, camera == null ? null : camera.state());
    }

    private void useFilterWheel(FilterWheel wheel) {
        filterWheel = wheel;
        filter.removeAll();
        if (wheel != null) {
            wheel.filters().forEach(f -> filter.add(f.name()));
            int slot = wheel.state().slot();
            if (slot >= 0 && slot < filter.getItemCount()) {
                filter.select(slot);
            }
        }
        showRow(filterCaption, filter, wheel != null);
    }

    /** Shows a camera state (or no camera); reads the camera's settings when it has just connected. UI thread. */
    private void cameraChanged(Camera source, CameraState state) {
        if (source != camera || status.isDisposed()) {
            return;
        }
        boolean connected = state != null && state.connection().isConnected();
        if (connected && !cameraConnected) {
            useCapabilities(camera.capabilities());
            if (run == null) {
                status.setText(camera.info().name() + " is ready.");
            }
        } else if (!connected && run == null) {
            status.setText(notReadyText());
        }
        cameraConnected = connected;
        cameraState.setText(state == null ? "none" : describe(camera, state));
        updateEnablement();
        status.getParent().layout(true);
    }

    private void useCapabilities(CameraCapabilities capabilities) {
        CameraCapabilities.IntRange gains = capabilities.gainRange();
        if (gains != null) {
            gain.setValues(Math.max(gains.min(), Math.min(gains.max(), gain.getSelection())), gains.min(), gains.max(), 0, 1, 10);
        }
        showRow(gainCaption, gain, gains != null);
        int chosen = Math.max(0, binning.getSelectionIndex());
        binning.removeAll();
        for (int factor = 1; factor <= capabilities.maxBinning(); factor++) {
            binning.add(factor + "×" + factor);
        }
        binning.select(Math.min(chosen, binning.getItemCount() - 1));
    }

    /** Buttons by what can be done now; the settings are fixed while a run goes on (it took them at its start). */
    private void updateEnablement() {
        if (takeOneButton.isDisposed()) {
            return;
        }
        boolean ready = camera != null && camera.state().connection().isConnected() && run == null;
        takeOneButton.setEnabled(ready);
        loopButton.setEnabled(ready);
        stopButton.setEnabled(run != null);
        for (Control setting : List.of(exposure, gain, binning, filter)) {
            setting.setEnabled(run == null);
        }
    }

    /** Why frames cannot be taken now, and where to fix it. */
    private String notReadyText() {
        if (session == null) {
            return "No equipment: the workbench has no equipment session.";
        }
        if (session.equipment().isEmpty()) {
            return "The equipment profile \"" + session.profile().name() + "\" could not be set up: " + session.problem();
        }
        if (camera == null) {
            return "The equipment profile \"" + session.profile().name() + "\" has no camera. Choose one in Setup.";
        }
        CameraState state = camera.state();
        String why = state.message().isEmpty() ? "" : " (" + state.message() + ")";
        return camera.info().name() + " is " + state.connection().label().toLowerCase(Locale.ROOT) + why + ". " + NO_CAMERA_HINT;
    }

    private void closeSubscription() {
        if (cameraSubscription != null) {
            cameraSubscription.close();
            cameraSubscription = null;
        }
    }

    private static String describe(Camera camera, CameraState state) {
        StringBuilder text = new StringBuilder(camera.info().name()).append(": ").append(state.connection().label());
        if (state.connection().isConnected()) {
            text.append(", ").append(state.exposure().name().toLowerCase(Locale.ROOT));
        }
        if (Double.isFinite(state.sensorCelsius())) {
            text.append(String.format(Locale.ROOT, ", sensor %.1f °C", state.sensorCelsius()));
        }
        if (state.coolerOn()) {
            text.append(String.format(Locale.ROOT, " (cooling to %.1f °C, %.0f %%)", state.setPointCelsius(), state.coolerPowerPercent()));
        }
        return text.toString();
    }

    private static String hfrText(FrameAnalysis analysis) {
        if (!Double.isFinite(analysis.medianHfr())) {
            return "no stars";
        }
        String pixels = String.format(Locale.ROOT, "%.2f px", analysis.medianHfr());
        return Double.isFinite(analysis.medianHfrArcsec()) ? pixels + String.format(Locale.ROOT, " · %.2f″", analysis.medianHfrArcsec()) : pixels;
    }

    /** The message for the status line: device errors name their device already; others get the camera's name. */
    private static String failureText(Camera target, Throwable cause) {
        String message = cause.getMessage() == null || cause.getMessage().isBlank() ? cause.getClass().getSimpleName() : cause.getMessage();
        return cause instanceof DeviceException ? message : target.info().name() + ": " + message;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Label caption(Composite parent, String text) {
        Label caption = new Label(parent, SWT.NONE);
        caption.setText(text);
        caption.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        return caption;
    }

    /** Shows or hides a caption and its input, closing the gap when hidden. */
    private static void showRow(Label caption, Control input, boolean shown) {
        for (Control control : List.of(caption, input)) {
            control.setVisible(shown);
            ((GridData) control.getLayoutData()).exclude = !shown;
        }
        input.getParent().layout(true);
    }
}
