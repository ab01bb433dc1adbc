package org.fluxion.unfolding.api.numerics;

/**
 * Condition number of a response R (rows effects, columns causes): the ratio of its extreme
 * singular values, from the eigenvalues of RᵀR ({@link SymmetricEigen}). Stateless.
 */
public final class ConditionNumber {
    private ConditionNumber() {
    }

    /** @return σ_max/σ_min, +∞ if R is rank-deficient (σ_min <= 1e-15 σ_max) */
    public static double of(double[][] r) {
        int n = r[0].length;
        double[][] a = new double[n][n];
        for (double[] row : r) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += row[i] * row[j];
                }
            }
        }
        double max = 0, min = Double.POSITIVE_INFINITY;
        for (double e : SymmetricEigen.values(a)) {
            max = Math.max(max, e);
            min = Math.min(min, e);
        }
        if (!(max > 0) || min <= 1e-30 * max) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(max / min);
    }
}
