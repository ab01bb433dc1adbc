package org.fluxion.masterclass.internal;

/**
 * An unbinned maximum-likelihood fit of a Gaussian to (weighted) values: μ̂ is the weighted mean
 * and σ̂ the square root of the weighted variance with divisor ΣW (as {@code scipy.stats.norm.fit}
 * for unit weights). Errors are the asymptotic ones, σ̂/√N_eff for μ̂ and σ̂/√(2N_eff) for σ̂, with
 * N_eff = (ΣW)²/ΣW². Immutable and thread-safe.
 *
 * @param count      values used
 * @param sumW       sum of weights
 * @param nEff       effective number of events
 * @param mu         fitted mean, NaN if no values
 * @param muError    its standard error
 * @param sigma      fitted width, NaN if no values
 * @param sigmaError its standard error
 */
record GaussianFit(long count, double sumW, double nEff, double mu, double muError, double sigma,
        double sigmaError) {

    /** @return the fit of the values collected in {@code m} */
    static GaussianFit of(WeightedMoments m) {
        double s = Math.sqrt(m.variance());
        double n = m.effectiveCount();
        return new GaussianFit(m.count(), m.sumW(), n, m.mean(), n > 0 ? s / Math.sqrt(n) : Double.NaN, s,
                n > 0 ? s / Math.sqrt(2 * n) : Double.NaN);
    }

    /** @return the fitted Gaussian's probability to fall in [a, b) */
    double probability(double a, double b) {
        return NormalDistribution.cdf((b - mu) / sigma) - NormalDistribution.cdf((a - mu) / sigma);
    }

    /** @return the fitted Gaussian's density at x */
    double density(double x) {
        double z = (x - mu) / sigma;
        return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
    }
}
