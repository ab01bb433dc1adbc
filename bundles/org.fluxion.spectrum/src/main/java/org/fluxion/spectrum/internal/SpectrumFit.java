package org.fluxion.spectrum.internal;

import java.util.Arrays;

/**
 * χ² fit of a {@link SpectralShape} to binned flux values with a full covariance:
 * χ² = (y − Φ)ᵀ V⁻¹ (y − Φ), minimised by Levenberg–Marquardt on the whitened residuals L⁻¹(y − Φ)
 * (V = L Lᵀ), with a central-difference Jacobian. The parameter covariance is (JᵀJ)⁻¹ of the
 * whitened Jacobian at the minimum. Immutable, thread-safe.
 *
 * @param shape   the model
 * @param e0      reference energy E0, GeV
 * @param epsilon knee smoothness ε
 */
public record SpectrumFit(SpectralShape shape, double e0, double epsilon) {

    /**
     * The outcome of a fit.
     *
     * @param parameters  best-fit parameters (ln Φ0, γ1[, γ2, ln Ek])
     * @param covariance  their covariance
     * @param chi2        χ² at the minimum
     * @param ndf         number of points − number of parameters
     * @param iterations  Levenberg–Marquardt iterations
     * @param converged   whether the relative χ² change fell below 1e-10 (not just the iteration limit)
     */
    public record Result(double[] parameters, double[][] covariance, double chi2, int ndf, int iterations,
            boolean converged) {
        /** @return the standard error of parameter k */
        public double error(int k) {
            return Math.sqrt(covariance[k][k]);
        }
    }

    /**
     * @param energies energies of the points, GeV
     * @param values   flux values
     * @param cov      their covariance (positive definite)
     * @param start    start parameters
     * @throws IllegalArgumentException if the covariance is not positive definite or there are fewer
     *                                  points than parameters
     */
    public Result fit(double[] energies, double[] values, double[][] cov, double[] start) {
        int n = values.length, m = shape.parameters();
        if (n < m) {
            throw new IllegalArgumentException("a " + shape + " fit has " + m + " parameters but only " + n
                    + " points were given");
        }
        double[][] l = cholesky(cov);
        double[] p = Arrays.copyOf(start, m);
        double[] r = residuals(l, energies, values, p);
        double chi2 = dot(r, r), lambda = 1e-3;
        int it = 0;
        boolean converged = false;
        double[][] j = jacobian(l, energies, values, p, r);
        for (; it < 1000; it++) {
            double[][] a = new double[m][m];
            double[] g = new double[m];
            for (int u = 0; u < m; u++) {
                for (int v = 0; v < m; v++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += j[i][u] * j[i][v];
                    }
                    a[u][v] = s;
                }
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += j[i][u] * r[i];
                }
                g[u] = -s;
            }
            boolean improved = false;
            while (lambda < 1e12) {
                double[][] b = new double[m][];
                for (int u = 0; u < m; u++) {
                    b[u] = a[u].clone();
                    b[u][u] += lambda * Math.max(a[u][u], 1e-12);
                }
                double[] step = solve(b, g);
                double[] q = new double[m];
                for (int u = 0; u < m; u++) {
                    q[u] = p[u] + step[u];
                }
                double[] rq = residuals(l, energies, values, q);
                double c = dot(rq, rq);
                if (Double.isFinite(c) && c <= chi2) {
                    double rel = (chi2 - c) / Math.max(c, 1e-300);
                    p = q;
                    r = rq;
                    chi2 = c;
                    lambda = Math.max(lambda / 10, 1e-12);
                    improved = true;
                    if (rel < 1e-10) {
                        converged = true;
                    }
                    break;
                }
                lambda *= 10;
            }
            if (!improved) {
                converged = true; // no step lowers χ²: at the minimum within numerical precision
                break;
            }
            j = jacobian(l, energies, values, p, r);
            if (converged) {
                break;
            }
        }
        double[][] a = new double[m][m];
        for (int u = 0; u < m; u++) {
            for (int v = 0; v < m; v++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += j[i][u] * j[i][v];
                }
                a[u][v] = s;
            }
        }
        return new Result(p, invert(a), chi2, n - m, it, converged);
    }

    /** @return Φ at E for parameters p */
    public double flux(double[] p, double energyGeV) {
        return shape.flux(p, energyGeV, e0, epsilon);
    }

    private double[] residuals(double[][] l, double[] e, double[] y, double[] p) {
        int n = y.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = y[i] - flux(p, e[i]);
        }
        return forward(l, d);
    }

    private double[][] jacobian(double[][] l, double[] e, double[] y, double[] p, double[] r0) {
        int n = y.length, m = p.length;
        double[][] jac = new double[n][m];
        for (int u = 0; u < m; u++) {
            double h = 1e-6 * Math.max(1, Math.abs(p[u]));
            double[] pp = p.clone(), pm = p.clone();
            pp[u] += h;
            pm[u] -= h;
            double[] rp = residuals(l, e, y, pp), rm = residuals(l, e, y, pm);
            for (int i = 0; i < n; i++) {
                jac[i][u] = (rp[i] - rm[i]) / (2 * h);
            }
        }
        return jac;
    }

    /** @return the lower Cholesky factor of v */
    static double[][] cholesky(double[][] v) {
        int n = v.length;
        double[][] l = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++) {
                double s = v[a][b];
                for (int k = 0; k < b; k++) {
                    s -= l[a][k] * l[b][k];
                }
                if (a == b) {
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("the covariance is not positive definite (pivot " + a + " = "
                                + s + ")");
                    }
                    l[a][a] = Math.sqrt(s);
                } else {
                    l[a][b] = s / l[b][b];
                }
            }
        }
        return l;
    }

    /** @return L⁻¹ d by forward substitution */
    static double[] forward(double[][] l, double[] d) {
        int n = d.length;
        double[] z = new double[n];
        for (int a = 0; a < n; a++) {
            double s = d[a];
            for (int k = 0; k < a; k++) {
                s -= l[a][k] * z[k];
            }
            z[a] = s / l[a][a];
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Solves a x = b by Gaussian elimination with partial pivoting (a is small and regularised). */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int i = c + 1; i < n; i++) {
                if (Math.abs(m[i][c]) > Math.abs(m[piv][c])) {
                    piv = i;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            for (int i = c + 1; i < n; i++) {
                double f = m[i][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[i][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int k = i + 1; k < n; k++) {
                s -= m[i][k] * x[k];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }

    private static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] inv = new double[n][];
        for (int c = 0; c < n; c++) {
            double[] e = new double[n];
            e[c] = 1;
            inv[c] = solve(a, e);
        }
        for (int i = 0; i < n; i++) { // symmetrise
            for (int k = 0; k < i; k++) {
                double s = 0.5 * (inv[i][k] + inv[k][i]);
                inv[i][k] = s;
                inv[k][i] = s;
            }
        }
        return inv;
    }
}
