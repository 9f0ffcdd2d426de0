package org.nocturne.solver.builtin;

/**
 * A linear least-squares fit of a few parameters by the normal equations: add one observation at a time, then solve.
 * Callers scale their terms to about 1 so the equations stay well conditioned. Not thread-safe.
 */
final class LeastSquares {

    private final int n;
    private final double[][] normal;
    private final double[] right;

    LeastSquares(int parameters) {
        n = parameters;
        normal = new double[n][n];
        right = new double[n];
    }

    /** Adds the observation {@code value = Σ terms[i]·parameter[i]}. */
    void add(double[] terms, double value) {
        for (int i = 0; i < n; i++) {
            right[i] += terms[i] * value;
            for (int j = 0; j < n; j++) {
                normal[i][j] += terms[i] * terms[j];
            }
        }
    }

    /** The parameters, or null when the observations do not determine them. */
    double[] solve() {
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(normal[i], 0, a[i], 0, n);
            a[i][n] = right[i];
        }
        for (int column = 0; column < n; column++) {
            int pivot = column;
            for (int row = column + 1; row < n; row++) {
                if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) {
                    pivot = row;
                }
            }
            if (Math.abs(a[pivot][column]) < 1e-12 * Math.max(1, Math.abs(normal[column][column]))) {
                return null;
            }
            double[] swap = a[pivot];
            a[pivot] = a[column];
            a[column] = swap;
            for (int row = 0; row < n; row++) {
                if (row != column) {
                    double factor = a[row][column] / a[column][column];
                    for (int k = column; k <= n; k++) {
                        a[row][k] -= factor * a[column][k];
                    }
                }
            }
        }
        double[] solution = new double[n];
        for (int i = 0; i < n; i++) {
            solution[i] = a[i][n] / a[i][i];
        }
        return solution;
    }
}
