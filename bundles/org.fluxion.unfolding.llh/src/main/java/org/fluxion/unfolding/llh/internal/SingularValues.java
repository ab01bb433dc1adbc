package org.fluxion.unfolding.llh.internal;

import org.fluxion.unfolding.api.numerics.SymmetricEigen;

/** Condition number of a small dense row-major matrix from the eigenvalues of AᵀA. Stateless. */
final class SingularValues {
    private SingularValues() {
    }

    /**
     * @param a row-major m × n matrix
     * @return σ_max / σ_min (+∞ if σ_min is 0)
     */
    static double conditionNumber(double[] a, int m, int n) {
        double[][] s = new double[n][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double aij = a[i * n + j];
                if (aij != 0) {
                    for (int k = 0; k < n; k++) {
                        s[j][k] += aij * a[i * n + k];
                    }
                }
            }
        }
        double[] ev = SymmetricEigen.values(s);
        double max = 0, min = Double.POSITIVE_INFINITY;
        for (double e : ev) {
            max = Math.max(max, e);
            min = Math.min(min, e);
        }
        return min > 0 ? Math.sqrt(max / min) : Double.POSITIVE_INFINITY;
    }
}
