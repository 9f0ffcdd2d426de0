package org.nocturne.core.task;

/**
 * Where a long operation has got to, for a progress bar and a status line. Called on the worker that does the work,
 * never on a UI thread: a view that shows it hands it over itself. Implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface Progress {

    /** Reports nothing. */
    Progress NONE = (fraction, message) -> {
    };

    /**
     * @param fraction done so far, in [0, 1]; NaN when unknown
     * @param message what is happening, for the user ("Exposing 12 s of 30 s")
     */
    void report(double fraction, String message);
}
