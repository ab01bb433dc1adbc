package org.fluxion.unfolding.llh.internal;

/** Singular values of a small dense matrix via cyclic Jacobi on AᵀA. Stateless. */
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
        double[] ev = eigenvalues(s);
        double max = 0, min = Double.POSITIVE_INFINITY;
        for (double e : ev) {
            max = Math.max(max, e);
            min = Math.min(min, e);
        }
        return min > 0 ? Math.sqrt(max / min) : Double.POSITIVE_INFINITY;
    }

    /** @return eigenvalues of the symmetric matrix (destroyed) by cyclic Jacobi rotations */
    static double[] eigenvalues(double[][] s) {
        int n = s.length;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, diag = 0;
            for (int p = 0; p < n; p++) {
                diag += s[p][p] * s[p][p];
                for (int q = p + 1; q < n; q++) {
                    off += s[p][q] * s[p][q];
                }
            }
            if (off <= 1e-30 * diag || off == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (s[p][q] == 0) {
                        continue;
                    }
                    double theta = (s[q][q] - s[p][p]) / (2 * s[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1), sn = t * c;
                    for (int k = 0; k < n; k++) {
                        double skp = s[k][p], skq = s[k][q];
                        s[k][p] = c * skp - sn * skq;
                        s[k][q] = sn * skp + c * skq;
                    }
                    for (int k = 0; k < n; k++) {
                        double spk = s[p][k], sqk = s[q][k];
                        s[p][k] = c * spk - sn * sqk;
                        s[q][k] = sn * spk + c * sqk;
                    }
                }
            }
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = s[i][i];
        }
        return ev;
    }
}
