package org.nocturne.ui.imaging.camera;

import java.util.concurrent.CompletableFuture;

/**
 * One run of the Camera part — a single frame, or a loop that goes on until Stop or an error. It holds the device
 * operation now running (a filter change or an exposure) so that {@link #stop()} can cancel it, counts the frames
 * shown, keeps the first failure, and carries {@link #finished()}, which the part completes once the run has ended and
 * its last frame is shown.
 *
 * <p>Thread-safe: the device threads, the analysis worker and the UI thread all use it.
 */
final class LoopRun {

    private final boolean loop;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private CompletableFuture<?> running;
    private boolean stopped;
    private CompletableFuture<Void> latestMeasurement = CompletableFuture.completedFuture(null);
    private int framesShown;
    private Throwable failure;
    private String failureText;

    /** @param loop true to take frames until stopped, false for one frame */
    LoopRun(boolean loop) {
        this.loop = loop;
    }

    boolean isLoop() {
        return loop;
    }

    /**
     * Remembers {@code operation} as the one that {@link #stop()} cancels; cancels it at once when the run is already
     * stopped.
     */
    synchronized <T> CompletableFuture<T> track(CompletableFuture<T> operation) {
        if (stopped) {
            operation.cancel(true);
        } else {
            running = operation;
        }
        return operation;
    }

    /** Stops the run: no further frame is started and the running operation is cancelled (an exposure is aborted). */
    synchronized void stop() {
        stopped = true;
        if (running != null) {
            running.cancel(true);
        }
    }

    synchronized boolean isStopped() {
        return stopped;
    }

    /** Whether another frame follows the one that just came from the camera: in a loop, until stopped. */
    synchronized boolean takesAnother() {
        return loop && !stopped;
    }

    /** Records the measurement of the newest frame; returns the one of the frame before (done when there was none). */
    synchronized CompletableFuture<Void> measuring(CompletableFuture<Void> measurement) {
        CompletableFuture<Void> previous = latestMeasurement;
        latestMeasurement = measurement;
        return previous;
    }

    /** Counts a frame shown; returns its number in the run, from 1. */
    synchronized int frameShown() {
        return ++framesShown;
    }

    synchronized int framesShown() {
        return framesShown;
    }

    /** Ends the run with a failure, described for the user; only the first one counts. */
    synchronized void fail(String text, Throwable cause) {
        if (failure == null) {
            failure = cause;
            failureText = text;
        }
        stop();
    }

    /** What went wrong, for the status line; null when nothing did. */
    synchronized String failureText() {
        return failureText;
    }

    synchronized Throwable failure() {
        return failure;
    }

    /**
     * Completes when the run has ended and its frames are shown: normally after its frame (single) or after Stop
     * (loop), exceptionally with the first failure.
     */
    CompletableFuture<Void> finished() {
        return finished;
    }
}
