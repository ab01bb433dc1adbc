package org.fluxion.unfolding.ibu.internal;

import org.fluxion.api.hist.Binning;

/**
 * Smoothing of an intermediate prior: the least-squares polynomial of degree d in x of ln φ,
 * S(φ) = exp(H ln φ), with H = Q Qᵀ the (data-independent) hat matrix of the polynomial basis.
 * x is log10 of the true bin centre when all edges are positive, else the centre itself, so a
 * power law is reproduced exactly by any degree >= 1. Values below 1e-12 of the largest φ are
 * raised to that floor before the logarithm (and count as constants in the derivative).
 * Because H is fixed the map is smooth with Jacobian ∂S_μ/∂φ_σ = S_μ H_μσ / φ_σ, which the Adye
 * propagation uses. Immutable and thread-safe.
 */
final class LogLogPolynomialSmoothing {
    private static final double FLOOR = 1e-12;
    private final double[][] hat;

    /**
     * @param trueBinning the true binning (bin centres give x)
     * @param degree      polynomial degree >= 1; capped at bins − 1 (then H = identity)
     */
    LogLogPolynomialSmoothing(Binning trueBinning, int degree) {
        int n = trueBinning.bins();
        boolean positive = trueBinning.edge(0) > 0;
        double[] x = new double[n];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double c = trueBinning.centre(k);
            x[k] = positive ? Math.log10(c) : c;
            lo = Math.min(lo, x[k]);
            hi = Math.max(hi, x[k]);
        }
        for (int k = 0; k < n; k++) {
            x[k] = hi > lo ? (2 * x[k] - lo - hi) / (hi - lo) : 0;
        }
        int m = Math.min(degree, n - 1) + 1;
        // Modified Gram-Schmidt on the columns 1, x, x², ... gives an orthonormal basis Q (n × m).
        double[][] q = new double[m][n];
        for (int c = 0; c < m; c++) {
            for (int k = 0; k < n; k++) {
                q[c][k] = Math.pow(x[k], c);
            }
            for (int r = 0; r < c; r++) {
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    dot += q[r][k] * q[c][k];
                }
                for (int k = 0; k < n; k++) {
                    q[c][k] -= dot * q[r][k];
                }
            }
            double norm = 0;
            for (int k = 0; k < n; k++) {
                norm += q[c][k] * q[c][k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < n; k++) {
                q[c][k] /= norm;
            }
        }
        hat = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double s = 0;
                for (int c = 0; c < m; c++) {
                    s += q[c][a] * q[c][b];
                }
                hat[a][b] = s;
            }
        }
    }

    private static double floor(double[] phi) {
        double max = 0;
        for (double v : phi) {
            max = Math.max(max, v);
        }
        return FLOOR * max;
    }

    /** @return S(φ), positive */
    double[] apply(double[] phi) {
        int n = phi.length;
        double fl = floor(phi);
        double[] ln = new double[n];
        for (int k = 0; k < n; k++) {
            ln[k] = Math.log(Math.max(phi[k], fl));
        }
        double[] s = new double[n];
        for (int a = 0; a < n; a++) {
            double v = 0;
            for (int b = 0; b < n; b++) {
                v += hat[a][b] * ln[b];
            }
            s[a] = Math.exp(v);
        }
        return s;
    }

    /** @return ∂S_μ/∂φ_σ at φ, given S = apply(φ) */
    double[][] jacobian(double[] phi, double[] smoothed) {
        int n = phi.length;
        double fl = floor(phi);
        double[][] j = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                j[a][b] = phi[b] > fl ? smoothed[a] * hat[a][b] / phi[b] : 0.0;
            }
        }
        return j;
    }
}
