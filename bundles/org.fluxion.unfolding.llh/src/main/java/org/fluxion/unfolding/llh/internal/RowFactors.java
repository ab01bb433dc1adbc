package org.fluxion.unfolding.llh.internal;

import java.util.List;

import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.unfolding.llh.SystematicVariation;

/**
 * Per-proxy-bin row factors of the systematics: c_i(θ) = Π_s p_{s,i}(θ_s) with
 * p_{s,i}(θ) = 1 + Σ_{d=1..D} a_{s,i,d} (θ − θ0_s)^d, least-squares fits (through 1 at the nominal)
 * of the ratios of the normalised row sums of the varied and the nominal response counts.
 * Immutable and thread-safe.
 */
final class RowFactors {
    private final int proxyBins;
    private final double[] nominal;
    private final double[] priorWidth;
    private final String[] names;
    /** coefficients[s][i * degree + (d − 1)] = a_{s,i,d}. */
    private final double[][] coefficients;
    private final int[] degree;

    private RowFactors(int proxyBins, double[] nominal, double[] priorWidth, String[] names, double[][] coefficients,
            int[] degree) {
        this.proxyBins = proxyBins;
        this.nominal = nominal;
        this.priorWidth = priorWidth;
        this.names = names;
        this.coefficients = coefficients;
        this.degree = degree;
    }

    /**
     * Fits the row factors.
     *
     * @throws IllegalArgumentException if a varied response has other binnings than the nominal one
     *                                  or an empty varied sample, naming the systematic
     */
    static RowFactors fit(ResponseMatrix nominalResponse, List<SystematicVariation> systematics) {
        int m = nominalResponse.proxyBinning().bins();
        int ns = systematics.size();
        double[] r0 = rowSums(nominalResponse);
        double t0 = sum(r0);
        double[] nom = new double[ns], width = new double[ns];
        String[] nm = new String[ns];
        double[][] coef = new double[ns][];
        int[] deg = new int[ns];
        for (int s = 0; s < ns; s++) {
            SystematicVariation v = systematics.get(s);
            nom[s] = v.nominal();
            width[s] = v.priorWidth();
            nm[s] = v.name();
            deg[s] = v.degree();
            for (int l = 0; l < s; l++) {
                if (nm[l].equals(nm[s])) {
                    throw new IllegalArgumentException("systematic '" + nm[s] + "' is given twice");
                }
            }
            double[] theta = v.values();
            int nk = theta.length, d = v.degree();
            double[][] ratio = new double[nk][];
            for (int k = 0; k < nk; k++) {
                ResponseMatrix rk = v.responses().get(k);
                if (!rk.proxyBinning().equals(nominalResponse.proxyBinning())
                        || !rk.trueBinning().equals(nominalResponse.trueBinning())) {
                    throw new IllegalArgumentException("systematic '" + nm[s] + "': response " + k + " (theta = "
                            + theta[k] + ") has binnings " + rk.proxyBinning() + " x " + rk.trueBinning()
                            + " but the problem has " + nominalResponse.proxyBinning() + " x "
                            + nominalResponse.trueBinning());
                }
                double[] rs = rowSums(rk);
                double tk = sum(rs);
                if (!(tk > 0)) {
                    throw new IllegalArgumentException("systematic '" + nm[s] + "': response " + k + " (theta = "
                            + theta[k] + ") is empty");
                }
                ratio[k] = new double[m];
                for (int i = 0; i < m; i++) {
                    ratio[k][i] = r0[i] > 0 ? (rs[i] / tk) / (r0[i] / t0) : 1.0;
                }
            }
            // least squares of (ratio − 1) on the powers (θ − θ0)^1..d: normal equations d × d
            double[][] xtx = new double[d][d];
            double[][] design = new double[nk][d];
            for (int k = 0; k < nk; k++) {
                double dt = theta[k] - nom[s], p = 1;
                for (int q = 0; q < d; q++) {
                    p *= dt;
                    design[k][q] = p;
                }
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        xtx[a][b] += design[k][a] * design[k][b];
                    }
                }
            }
            Cholesky ch = Cholesky.of(xtx);
            if (ch == null) {
                throw new IllegalArgumentException("systematic '" + nm[s] + "': the polynomial fit of degree " + d
                        + " is degenerate for the values " + java.util.Arrays.toString(theta));
            }
            coef[s] = new double[m * d];
            double[] rhs = new double[d], sol = new double[d];
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(rhs, 0);
                for (int k = 0; k < nk; k++) {
                    for (int a = 0; a < d; a++) {
                        rhs[a] += design[k][a] * (ratio[k][i] - 1.0);
                    }
                }
                ch.solve(rhs, sol);
                System.arraycopy(sol, 0, coef[s], i * d, d);
            }
        }
        return new RowFactors(m, nom, width, nm, coef, deg);
    }

    private static double[] rowSums(ResponseMatrix r) {
        double[][] c = r.counts();
        double[] s = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            for (double v : c[i]) {
                s[i] += v;
            }
        }
        return s;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** @return number of systematics */
    int count() {
        return nominal.length;
    }

    /** @return θ0_s */
    double nominal(int s) {
        return nominal[s];
    }

    /** @return prior σ of θ_s */
    double priorWidth(int s) {
        return priorWidth[s];
    }

    /** @return name of systematic s */
    String name(int s) {
        return names[s];
    }

    /**
     * Evaluates c_i(θ) into {@code c} (length m).
     *
     * @param x      parameter vector
     * @param offset index of θ_0 in x
     * @return false if some c_i <= 0 (outside the support)
     */
    boolean evaluate(double[] x, int offset, double[] c) {
        java.util.Arrays.fill(c, 0, proxyBins, 1.0);
        for (int s = 0; s < nominal.length; s++) {
            double dt = x[offset + s] - nominal[s];
            int d = degree[s];
            double[] a = coefficients[s];
            for (int i = 0; i < proxyBins; i++) {
                double p = 0;
                for (int q = d - 1; q >= 0; q--) {
                    p = (p + a[i * d + q]) * dt;
                }
                c[i] *= 1.0 + p;
            }
        }
        for (int i = 0; i < proxyBins; i++) {
            if (!(c[i] > 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the logarithmic derivatives d_{s,i} = p'_{s,i}(θ_s) / p_{s,i}(θ_s) into {@code out}
     * [s * m + i].
     */
    void logDerivatives(double[] x, int offset, double[] out) {
        for (int s = 0; s < nominal.length; s++) {
            double dt = x[offset + s] - nominal[s];
            int d = degree[s];
            double[] a = coefficients[s];
            for (int i = 0; i < proxyBins; i++) {
                double p = 0, dp = 0;
                for (int q = d - 1; q >= 0; q--) {
                    dp = dp * dt + (q + 1) * a[i * d + q];
                    p = (p + a[i * d + q]) * dt;
                }
                out[s * proxyBins + i] = dp / (1.0 + p);
            }
        }
    }
}
