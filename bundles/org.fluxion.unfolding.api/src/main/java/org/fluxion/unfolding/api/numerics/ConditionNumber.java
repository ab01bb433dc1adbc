package org.fluxion.unfolding.api.numerics;

/**
 * Condition number of a response R (rows effects, columns causes): the ratio of its extreme
 * singular values, from the eigenvalues of RᵀR by cyclic Jacobi rotations. Stateless.
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
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, diag = 0;
            for (int i = 0; i < n; i++) {
                diag += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) {
                    off += a[i][j] * a[i][j];
                }
            }
            if (off <= 1e-30 * diag) {
                break;
            }
            for (int pp = 0; pp < n; pp++) {
                for (int q = pp + 1; q < n; q++) {
                    if (a[pp][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[pp][pp]) / (2 * a[pp][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][pp], akq = a[k][q];
                        a[k][pp] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[pp][k], aqk = a[q][k];
                        a[pp][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double max = 0, min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, a[i][i]);
            min = Math.min(min, a[i][i]);
        }
        if (!(max > 0) || min <= 1e-30 * max) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(max / min);
    }
}
