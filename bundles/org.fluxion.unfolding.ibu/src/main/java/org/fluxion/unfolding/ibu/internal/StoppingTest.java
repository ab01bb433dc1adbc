package org.fluxion.unfolding.ibu.internal;

import org.fluxion.unfolding.api.numerics.LogGamma;

/**
 * Test statistic between successive iterates φ (previous) and φ' (new), config key
 * {@code stopping_test}. Iterating stops at the first iteration whose statistic is below the
 * tolerance. All statistics are 0 for identical inputs and compare non-negative arrays of equal
 * length; stateless and thread-safe.
 */
public enum StoppingTest {
    /** Kolmogorov–Smirnov distance: max_μ |F_μ − F'_μ| of the normalised cumulative sums. */
    KS {
        @Override
        double statistic(double[] a, double[] b) {
            double sa = sum(a), sb = sum(b), ca = 0, cb = 0, d = 0;
            for (int k = 0; k < a.length; k++) {
                ca += a[k];
                cb += b[k];
                d = Math.max(d, Math.abs(ca / sa - cb / sb));
            }
            return d;
        }
    },
    /**
     * Two-sample χ² per degree of freedom of the shapes:
     * Σ_μ (S' φ_μ − S φ'_μ)² / (φ_μ + φ'_μ) / (S S') / n, with S = Σ φ and the denominator
     * φ_μ + φ'_μ raised to at least 1.
     */
    CHI2 {
        @Override
        double statistic(double[] a, double[] b) {
            double sa = sum(a), sb = sum(b), s = 0;
            for (int k = 0; k < a.length; k++) {
                double d = sb * a[k] - sa * b[k];
                s += d * d / Math.max(a[k] + b[k], 1.0);
            }
            return s / (sa * sb) / a.length;
        }
    },
    /** Maximum relative difference max_μ |φ'_μ − φ_μ| / max(φ_μ, φ'_μ) (bins where both are 0 skipped). */
    MAX_REL_DIFF {
        @Override
        double statistic(double[] a, double[] b) {
            double d = 0;
            for (int k = 0; k < a.length; k++) {
                double m = Math.max(a[k], b[k]);
                if (m > 0) {
                    d = Math.max(d, Math.abs(a[k] - b[k]) / m);
                }
            }
            return d;
        }
    },
    /**
     * Bayes factor B₁₀ = Z(different shapes) / Z(same shape) of the two iterates read as
     * multinomial samples with uniform Dirichlet priors:
     * ln B₀₁ = lnΓ(S+k) + lnΓ(S'+k) − lnΓ(S+S'+k) − lnΓ(k) + Σ_μ [lnΓ(φ_μ+φ'_μ+1) − lnΓ(φ_μ+1) − lnΓ(φ'_μ+1)]
     * (k bins). Below a tolerance of 0.01 the iterates are 100× more probable to share one shape.
     */
    BAYES_FACTOR {
        @Override
        double statistic(double[] a, double[] b) {
            int k = a.length;
            double sa = sum(a), sb = sum(b);
            double lnB01 = LogGamma.of(sa + k) + LogGamma.of(sb + k) - LogGamma.of(sa + sb + k) - LogGamma.of(k);
            for (int m = 0; m < k; m++) {
                lnB01 += LogGamma.of(a[m] + b[m] + 1) - LogGamma.of(a[m] + 1) - LogGamma.of(b[m] + 1);
            }
            return Math.exp(-lnB01);
        }
    };

    /**
     * @param previous φ of the previous iteration (non-negative, positive sum)
     * @param next     φ of this iteration
     * @return the statistic, >= 0
     */
    abstract double statistic(double[] previous, double[] next);

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
