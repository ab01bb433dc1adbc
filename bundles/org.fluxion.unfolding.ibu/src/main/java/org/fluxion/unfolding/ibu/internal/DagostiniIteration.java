package org.fluxion.unfolding.ibu.internal;

/**
 * D'Agostini's iteration on one fixed problem, with Adye's derivatives carried along.
 *
 * <p>Model (indices: j effects = proxy bins, μ, σ, ν causes = true bins): P[j][μ] = P(effect j |
 * cause μ), whose column sums are the efficiencies ε_μ; n the data. One iteration maps the prior
 * p (the previous φ, or its smoothing S(φ)) to
 * f_j = Σ_μ P_jμ p_μ, M_jμ = P_jμ p_μ / (ε_μ f_j), φ'_μ = T_μ(n, P, p) = Σ_j n_j M_jμ.
 *
 * <p>Derivatives, with w_j = n_j / f_j:
 * <ul>
 * <li>∂T_μ/∂n_j = M_jμ;</li>
 * <li>∂T_μ/∂p_σ = δ_μσ Σ_j w_j P_jμ/ε_μ − K_μσ, K_μσ = Σ_j w_j M_jμ P_jσ (= Σ_j n_j M_jμ M_jσ ε_σ/p_σ);</li>
 * <li>∂T_μ/∂P_kν at fixed p = δ_μν (w_k p_μ − T_μ)/ε_μ − w_k M_kμ p_ν (ε_μ = Σ_j P_jμ varies with P).</li>
 * </ul>
 * The chain rule through the iterations gives D = ∂φ/∂n (D = M after the first iteration, then
 * D ← M + (∂T/∂p)·J_S·D, i.e. D ⊙ r − D Kᵀ in Adye's notation) and E = ∂φ/∂P in the same way.
 * The wrong-index contraction of the peer library is D·K instead of D·Kᵀ; the tests compare D and E
 * with central finite differences of the whole iteration map.
 *
 * <p>Mutable, not thread-safe: one instance per unfolding.
 */
final class DagostiniIteration {
    private final int nE;
    private final int nC;
    private final double[][] p;
    private final double[] eff;
    private final double[] n;
    private final LogLogPolynomialSmoothing smoothing;
    private final boolean trackResponse;

    private double[] phi;
    private double[][] d;
    /** E[μ][k * nC + ν] = ∂φ_μ/∂P_kν, or null if the response is not tracked. */
    private double[][] e;
    private int iterations;

    /**
     * @param p             P[j][μ], columns summing to ε_μ > 0 (not copied: callers pass fresh arrays)
     * @param n             data per effect bin, >= 0, positive sum (not copied)
     * @param prior         first prior, >= 0 with a positive sum (shape only)
     * @param smoothing     smoothing of the intermediate priors, or null
     * @param trackResponse whether ∂φ/∂P is carried along (for the response covariance)
     */
    DagostiniIteration(double[][] p, double[] n, double[] prior, LogLogPolynomialSmoothing smoothing,
            boolean trackResponse) {
        this.nE = p.length;
        this.nC = prior.length;
        this.p = p;
        this.n = n;
        this.smoothing = smoothing;
        this.trackResponse = trackResponse;
        this.eff = new double[nC];
        for (double[] row : p) {
            for (int c = 0; c < nC; c++) {
                eff[c] += row[c];
            }
        }
        double total = 0, priorSum = 0;
        for (double v : n) {
            total += v;
        }
        for (double v : prior) {
            priorSum += v;
        }
        phi = new double[nC];
        d = new double[nE][nC];
        for (int c = 0; c < nC; c++) {
            phi[c] = total * prior[c] / priorSum;
            for (int j = 0; j < nE; j++) {
                d[j][c] = prior[c] / priorSum;
            }
        }
        e = trackResponse ? new double[nC][nE * nC] : null;
    }

    /** @return number of iterations done */
    int iterations() {
        return iterations;
    }

    /** @return the current φ (a copy) */
    double[] phi() {
        return phi.clone();
    }

    /** @return the efficiencies ε_μ = Σ_j P_jμ */
    double[] efficiency() {
        return eff.clone();
    }

    /** @return D[j][μ] = ∂φ_μ/∂n_j (a copy) */
    double[][] dataJacobian() {
        double[][] c = new double[nE][];
        for (int j = 0; j < nE; j++) {
            c[j] = d[j].clone();
        }
        return c;
    }

    /** @return ∂φ_μ/∂P_kν at [μ][k * causes + ν] (a copy); only when the response is tracked */
    double[][] responseJacobian() {
        double[][] c = new double[nC][];
        for (int m = 0; m < nC; m++) {
            c[m] = e[m].clone();
        }
        return c;
    }

    /** Does one iteration: φ ← T(n, P, prior(φ)), with the derivatives. */
    void advance() {
        double[] prior = phi;
        double[][] js = null;
        if (smoothing != null && iterations > 0) {
            prior = smoothing.apply(phi);
            js = smoothing.jacobian(phi, prior);
        }
        double[] w = new double[nE];
        double[][] m = new double[nE][nC];
        double[] t = new double[nC];
        for (int j = 0; j < nE; j++) {
            double[] pj = p[j];
            double f = 0;
            for (int c = 0; c < nC; c++) {
                f += pj[c] * prior[c];
            }
            if (f > 0) {
                w[j] = n[j] / f;
                double[] mj = m[j];
                for (int c = 0; c < nC; c++) {
                    mj[c] = pj[c] * prior[c] / (eff[c] * f);
                    t[c] += n[j] * mj[c];
                }
            }
        }
        double[][] g = null;
        if (iterations > 0) {
            // ∂T/∂p = diag(dg) − K, then times the smoothing Jacobian.
            g = new double[nC][nC];
            for (int j = 0; j < nE; j++) {
                if (w[j] == 0) {
                    continue;
                }
                double[] pj = p[j], mj = m[j];
                for (int a = 0; a < nC; a++) {
                    double wm = w[j] * mj[a];
                    if (wm == 0) {
                        continue;
                    }
                    double[] ga = g[a];
                    for (int s = 0; s < nC; s++) {
                        ga[s] -= wm * pj[s];
                    }
                }
            }
            for (int a = 0; a < nC; a++) {
                double dg = 0;
                for (int j = 0; j < nE; j++) {
                    dg += w[j] * p[j][a];
                }
                g[a][a] += dg / eff[a];
            }
            if (js != null) {
                g = product(g, js);
            }
        }
        // D ← M + D_prev gᵀ (rows of D are per effect bin).
        double[][] dn = new double[nE][];
        for (int j = 0; j < nE; j++) {
            double[] row = m[j].clone();
            if (g != null) {
                double[] dj = d[j];
                for (int a = 0; a < nC; a++) {
                    double s = 0;
                    double[] ga = g[a];
                    for (int c = 0; c < nC; c++) {
                        s += ga[c] * dj[c];
                    }
                    row[a] += s;
                }
            }
            dn[j] = row;
        }
        if (trackResponse) {
            double[][] en = new double[nC][nE * nC];
            for (int a = 0; a < nC; a++) {
                double[] row = en[a];
                // direct term: δ_aν (w_k p_a − T_a)/ε_a − w_k M_ka p_ν
                for (int k = 0; k < nE; k++) {
                    int base = k * nC;
                    double wkm = w[k] * m[k][a];
                    for (int c = 0; c < nC; c++) {
                        row[base + c] = -wkm * prior[c];
                    }
                    row[base + a] += (w[k] * prior[a] - t[a]) / eff[a];
                }
                if (g != null) {
                    double[] ga = g[a];
                    for (int s = 0; s < nC; s++) {
                        double gs = ga[s];
                        if (gs == 0) {
                            continue;
                        }
                        double[] es = e[s];
                        for (int q = 0; q < row.length; q++) {
                            row[q] += gs * es[q];
                        }
                    }
                }
            }
            e = en;
        }
        d = dn;
        phi = t;
        iterations++;
    }

    private static double[][] product(double[][] a, double[][] b) {
        int r = a.length, k = b.length, c = b[0].length;
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int l = 0; l < k; l++) {
                double v = a[i][l];
                if (v == 0) {
                    continue;
                }
                for (int j = 0; j < c; j++) {
                    out[i][j] += v * b[l][j];
                }
            }
        }
        return out;
    }

    /**
     * Covariance from the data: V_μσ = s_μ s_σ Σ_j D_jμ D_jσ var_j.
     *
     * @param variance variance of each n_j
     * @param scale    per-cause factor s (1 for φ, ε for selected events)
     */
    double[][] dataCovariance(double[] variance, double[] scale) {
        double[][] v = new double[nC][nC];
        for (int j = 0; j < nE; j++) {
            double vj = variance[j];
            if (vj == 0) {
                continue;
            }
            double[] dj = d[j];
            for (int a = 0; a < nC; a++) {
                double x = vj * dj[a];
                for (int b = 0; b <= a; b++) {
                    v[a][b] += x * dj[b];
                }
            }
        }
        for (int a = 0; a < nC; a++) {
            for (int b = 0; b <= a; b++) {
                v[a][b] *= scale[a] * scale[b];
                v[b][a] = v[a][b];
            }
        }
        return v;
    }

    /**
     * Covariance from the MC statistics of P, each column ν drawn independently with
     * Cov(P_kν, P_lν) = a_ν δ_kl P_kν − b_ν P_kν P_lν (multinomial: a = b = 1/N_thrown; with the
     * efficiency taken as exact: a = ε/N_sel, b = 1/N_sel).
     *
     * @param a        per-cause diagonal factor
     * @param b        per-cause outer-product factor
     * @param selected whether the covariance is for f = φ·ε (selected events, ε = Σ_k P_kν varying
     *                 with P) instead of φ
     */
    double[][] responseCovariance(double[] a, double[] b, boolean selected) {
        double[][] v = new double[nC][nC];
        double[] u = new double[nC];
        double[][] jac = new double[nC][nE];
        for (int nu = 0; nu < nC; nu++) {
            for (int mu = 0; mu < nC; mu++) {
                double[] em = e[mu];
                double s = 0;
                for (int k = 0; k < nE; k++) {
                    double x = em[k * nC + nu];
                    if (selected) {
                        x *= eff[mu];
                        if (mu == nu) {
                            x += phi[mu];
                        }
                    }
                    jac[mu][k] = x;
                    s += x * p[k][nu];
                }
                u[mu] = s;
            }
            for (int mu = 0; mu < nC; mu++) {
                double[] jm = jac[mu];
                for (int sg = 0; sg <= mu; sg++) {
                    double[] js = jac[sg];
                    double s = 0;
                    for (int k = 0; k < nE; k++) {
                        s += jm[k] * js[k] * p[k][nu];
                    }
                    v[mu][sg] += a[nu] * s - b[nu] * u[mu] * u[sg];
                }
            }
        }
        for (int mu = 0; mu < nC; mu++) {
            for (int sg = 0; sg < mu; sg++) {
                v[sg][mu] = v[mu][sg];
            }
        }
        return v;
    }
}
