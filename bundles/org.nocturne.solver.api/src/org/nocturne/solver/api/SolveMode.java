package org.nocturne.solver.api;

/** How a solve searches. */
public enum SolveMode {
    /** Around a position hint, within a search radius: the usual case, when the mount knows roughly where it points. */
    NEAR,
    /** Over the whole sky, without a position hint: the fallback when the mount is lost. */
    BLIND
}
