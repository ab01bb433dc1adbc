package org.fluxion.unfolding.gold.internal;

/**
 * Gold's multiplicative iteration x_j ← x_j (Rᵀy)_j / (RᵀR x)_j on one fixed problem, optionally
 * with its Jacobian J = ∂x/∂y carried along:
 * J ← diag(x R_·j / c) + diag(a/c) J − diag(x a / c²) Q J, with a = Rᵀy, Q = RᵀR, c = Q x.
 * Positive starts stay positive (bins with (Rᵀy)_j = 0 go to 0 and stay there). Mutable, not
 * thread-safe: one instance per unfolding.
 */
final class GoldIteration {
    private final int nE;
    private final int nC;
    private final double[][] r;
    private final double[][] q;
    private final double[] a;
    private double[] x;
    private double[][] jac;
    private double lastChange = Double.NaN;
    private int iterations;

    /**
     * @param r        response R[i][j] (effects × causes), not copied
     * @param y        data per effect bin, >= 0
     * @param start    positive start
     * @param jacobian whether ∂x/∂y is carried along
     */
    GoldIteration(double[][] r, double[] y, StartShape start, boolean jacobian) {
        this.nE = r.length;
        this.nC = r[0].length;
        this.r = r;
        this.q = new double[nC][nC];
        this.a = new double[nC];
        double[] eff = new double[nC];
        for (int i = 0; i < nE; i++) {
            double[] ri = r[i];
            for (int j = 0; j < nC; j++) {
                a[j] += ri[j] * y[i];
                eff[j] += ri[j];
                for (int l = 0; l < nC; l++) {
                    q[j][l] += ri[j] * ri[l];
                }
            }
        }
        x = new double[nC];
        jac = jacobian ? new double[nC][nE] : null;
        if (start == StartShape.FLAT) {
            double total = 0, effSum = 0;
            for (double v : y) {
                total += v;
            }
            for (double e : eff) {
                effSum += e;
            }
            java.util.Arrays.fill(x, total / effSum);
            if (jac != null) {
                for (double[] row : jac) {
                    java.util.Arrays.fill(row, 1 / effSum);
                }
            }
        } else {
            for (int j = 0; j < nC; j++) {
                x[j] = a[j] / eff[j];
                if (jac != null) {
                    for (int i = 0; i < nE; i++) {
                        jac[j][i] = r[i][j] / eff[j];
                    }
                }
            }
        }
    }

    int iterations() {
        return iterations;
    }

    /** @return the current estimate x (a copy) */
    double[] x() {
        return x.clone();
    }

    /** @return max_j |x'_j − x_j| / x_j of the last iteration (NaN before the first) */
    double lastChange() {
        return lastChange;
    }

    /** @return J[j][i] = ∂x_j/∂y_i (a copy) */
    double[][] jacobian() {
        double[][] c = new double[nC][];
        for (int j = 0; j < nC; j++) {
            c[j] = jac[j].clone();
        }
        return c;
    }

    /** Does one iteration. */
    void advance() {
        double[] c = new double[nC];
        for (int j = 0; j < nC; j++) {
            double s = 0;
            for (int l = 0; l < nC; l++) {
                s += q[j][l] * x[l];
            }
            c[j] = s;
        }
        double[] next = new double[nC];
        double change = 0;
        for (int j = 0; j < nC; j++) {
            next[j] = c[j] > 0 ? x[j] * a[j] / c[j] : 0.0;
            if (x[j] > 0) {
                change = Math.max(change, Math.abs(next[j] - x[j]) / x[j]);
            }
        }
        if (jac != null) {
            double[][] qj = new double[nC][nE];
            for (int j = 0; j < nC; j++) {
                double[] row = qj[j];
                for (int l = 0; l < nC; l++) {
                    double v = q[j][l];
                    if (v == 0) {
                        continue;
                    }
                    double[] jl = jac[l];
                    for (int i = 0; i < nE; i++) {
                        row[i] += v * jl[i];
                    }
                }
            }
            double[][] nj = new double[nC][nE];
            for (int j = 0; j < nC; j++) {
                if (!(c[j] > 0)) {
                    continue;
                }
                double u = x[j] / c[j], v = a[j] / c[j], w = x[j] * a[j] / (c[j] * c[j]);
                double[] row = nj[j], jj = jac[j], qjj = qj[j];
                for (int i = 0; i < nE; i++) {
                    row[i] = u * r[i][j] + v * jj[i] - w * qjj[i];
                }
            }
            jac = nj;
        }
        x = next;
        lastChange = change;
        iterations++;
    }

    /** @return V_jl = s_j s_l Σ_i J_ji J_li var_i */
    double[][] linearisedCovariance(double[] variance, double[] scale) {
        double[][] v = new double[nC][nC];
        for (int j = 0; j < nC; j++) {
            for (int l = 0; l <= j; l++) {
                double s = 0;
                for (int i = 0; i < nE; i++) {
                    s += jac[j][i] * jac[l][i] * variance[i];
                }
                v[j][l] = s * scale[j] * scale[l];
                v[l][j] = v[j][l];
            }
        }
        return v;
    }
}
