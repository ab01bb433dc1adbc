package org.fluxion.unfolding.llh.internal;

/**
 * The difference operator C of the Tikhonov term with its row weights w_k = 1/τ_k: interior rows
 * (1, −2, 1) centred on bin k = 1..n−2, and unless curvature-only a first row (−1, 1) on bins 0, 1
 * and a last row (1, −1) on bins n−2, n−1. Row k belongs to true bin k. The penalty is
 * P(r) = Σ_k w_k (C r)_k² (the log-posterior gets −½ P). Immutable and thread-safe.
 */
final class TikhonovOperator {
    private final int bins;
    private final int[] start;
    private final double[][] coefficients;
    private final double[] weights;
    private final double[][] normal;

    /**
     * @param bins          number of true bins n >= 1
     * @param curvatureOnly interior rows only
     * @param tau           τ_k per true bin (length n, each > 0)
     */
    TikhonovOperator(int bins, boolean curvatureOnly, double[] tau) {
        if (tau.length != bins) {
            throw new IllegalStateException("tau has " + tau.length + " entries for " + bins + " bins");
        }
        this.bins = bins;
        int rows = 0;
        int[] st = new int[bins];
        double[][] co = new double[bins][];
        double[] w = new double[bins];
        for (int k = 0; k < bins; k++) {
            double[] c = null;
            int s = 0;
            if (k > 0 && k < bins - 1) {
                c = new double[] { 1, -2, 1 };
                s = k - 1;
            } else if (!curvatureOnly && bins >= 2) {
                c = k == 0 ? new double[] { -1, 1 } : new double[] { 1, -1 };
                s = k == 0 ? 0 : bins - 2;
            }
            if (c != null) {
                st[rows] = s;
                co[rows] = c;
                w[rows] = 1.0 / tau[k];
                rows++;
            }
        }
        this.start = java.util.Arrays.copyOf(st, rows);
        this.coefficients = java.util.Arrays.copyOf(co, rows);
        this.weights = java.util.Arrays.copyOf(w, rows);
        double[][] m = new double[bins][bins];
        for (int r = 0; r < rows; r++) {
            double[] c = coefficients[r];
            for (int a = 0; a < c.length; a++) {
                for (int b = 0; b < c.length; b++) {
                    m[start[r] + a][start[r] + b] += weights[r] * c[a] * c[b];
                }
            }
        }
        this.normal = m;
    }

    /** @return number of rows of C */
    int rows() {
        return start.length;
    }

    /** @return P(r) = Σ_k w_k (C r)_k² */
    double penalty(double[] r) {
        double p = 0;
        for (int k = 0; k < start.length; k++) {
            double[] c = coefficients[k];
            int s = start[k];
            double v = c[0] * r[s] + c[1] * r[s + 1];
            if (c.length == 3) {
                v += c[2] * r[s + 2];
            }
            p += weights[k] * v * v;
        }
        return p;
    }

    /** Writes M r = Cᵀ W C r into {@code out} (length n). */
    void normalTimes(double[] r, double[] out) {
        java.util.Arrays.fill(out, 0, bins, 0.0);
        for (int k = 0; k < start.length; k++) {
            double[] c = coefficients[k];
            int s = start[k];
            double v = c[0] * r[s] + c[1] * r[s + 1];
            if (c.length == 3) {
                v += c[2] * r[s + 2];
            }
            v *= weights[k];
            out[s] += c[0] * v;
            out[s + 1] += c[1] * v;
            if (c.length == 3) {
                out[s + 2] += c[2] * v;
            }
        }
    }

    /** @return M = Cᵀ W C (n × n; a shared array, do not modify) */
    double[][] normalMatrix() {
        return normal;
    }

    /** @return the weight 1/τ of each row, in row order (a copy) */
    double[] weights() {
        return weights.clone();
    }
}
