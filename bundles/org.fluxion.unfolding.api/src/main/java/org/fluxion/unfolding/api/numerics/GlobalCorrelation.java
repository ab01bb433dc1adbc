package org.fluxion.unfolding.api.numerics;

/**
 * Mean global correlation of a covariance, ρ_j = sqrt(1 − 1/(V_jj (V⁻¹)_jj)), averaged over the
 * bins with positive variance (the inverse is taken on that sub-matrix by Cholesky). Stateless.
 */
public final class GlobalCorrelation {
    private GlobalCorrelation() {
    }

    /** @return the mean ρ_j, NaN if no bin has a variance or the covariance is not positive definite */
    public static double mean(double[][] cov) {
        int n = cov.length;
        int[] idx = new int[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
            if (cov[j][j] > 0) {
                idx[m++] = j;
            }
        }
        if (m == 0) {
            return Double.NaN;
        }
        // Cholesky of the correlation matrix (better scaled than V); (V⁻¹)_jj V_jj = (C⁻¹)_jj.
        double[][] l = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b <= a; b++) {
                double c = cov[idx[a]][idx[b]] / Math.sqrt(cov[idx[a]][idx[a]] * cov[idx[b]][idx[b]]);
                double s = c;
                for (int k = 0; k < b; k++) {
                    s -= l[a][k] * l[b][k];
                }
                if (a == b) {
                    if (!(s > 1e-13)) {
                        return Double.NaN;
                    }
                    l[a][a] = Math.sqrt(s);
                } else {
                    l[a][b] = s / l[b][b];
                }
            }
        }
        // (C⁻¹)_jj = Σ_k (L⁻¹)_kj²: invert L column by column.
        double sum = 0;
        for (int j = 0; j < m; j++) {
            double[] x = new double[m];
            x[j] = 1 / l[j][j];
            double diag = x[j] * x[j];
            for (int a = j + 1; a < m; a++) {
                double s = 0;
                for (int k = j; k < a; k++) {
                    s -= l[a][k] * x[k];
                }
                x[a] = s / l[a][a];
                diag += x[a] * x[a];
            }
            sum += Math.sqrt(Math.max(0, 1 - 1 / diag));
        }
        return sum / m;
    }
}
