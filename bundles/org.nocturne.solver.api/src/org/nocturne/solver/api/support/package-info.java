/**
 * What plate solvers that drive external programs (solve-field, ASTAP) share: running a program with a time limit in a
 * temporary directory, killing it with its descendants on cancel, and finding it on the {@code PATH}.
 */
package org.nocturne.solver.api.support;
