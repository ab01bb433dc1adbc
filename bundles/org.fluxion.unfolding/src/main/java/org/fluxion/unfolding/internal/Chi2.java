package org.fluxion.unfolding.internal;

/** χ² of an estimate to a reference with a full covariance, by Cholesky decomposition. Stateless. */
final class Chi2 {
    private Chi2() {
    }

    /**
     * @return (x − t)ᵀ V⁻¹ (x − t) over the bins with σ > 1e-6 (bins an unfolder pins to zero have a
     *         vanishing linearised error and are left out); NaN if that part of V is not positive definite
     */
    static double of(double[] x, double[] t, double[][] v) {
        int[] idx = java.util.stream.IntStream.range(0, x.length).filter(j -> v[j][j] > 1e-12).toArray();
        int m = idx.length;
        double[][] l = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b <= a; b++) {
                double sum = v[idx[a]][idx[b]];
                for (int k = 0; k < b; k++) {
                    sum -= l[a][k] * l[b][k];
                }
                if (a == b) {
                    if (!(sum > 0)) {
                        return Double.NaN;
                    }
                    l[a][a] = Math.sqrt(sum);
                } else {
                    l[a][b] = sum / l[b][b];
                }
            }
        }
        double chi2 = 0;
        double[] z = new double[m];
        for (int a = 0; a < m; a++) {
            double sum = x[idx[a]] - t[idx[a]];
            for (int k = 0; k < a; k++) {
                sum -= l[a][k] * z[k];
            }
            z[a] = sum / l[a][a];
            chi2 += z[a] * z[a];
        }
        return chi2;
    }
}
