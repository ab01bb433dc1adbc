package org.fluxion.masterclass.internal;

/**
 * The standard normal cumulative distribution, from the complementary error function in the
 * Chebyshev form of Press et al. (fractional error below 1.2e-7 everywhere). Stateless and thread-safe.
 */
final class NormalDistribution {
    private NormalDistribution() {
    }

    /** @return P(Z < z) for a standard normal Z; 0 or 1 for infinite z, NaN for NaN */
    static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** @return erfc(x) with fractional error below 1.2e-7 */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2 - ans;
    }
}
