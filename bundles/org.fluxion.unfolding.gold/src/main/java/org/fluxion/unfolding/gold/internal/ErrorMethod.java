package org.fluxion.unfolding.gold.internal;

/** How the Gold unfolder estimates its covariance (config key {@code errors}). */
public enum ErrorMethod {
    /** Propagate the Jacobian ∂x/∂y of the whole iteration map: V = J diag(g) Jᵀ. */
    LINEARISATION,
    /**
     * Poisson toys of the observed counts, each unfolded with the same number of iterations; the
     * covariance is the sample covariance of the toy estimates. Toy k draws from
     * {@code context.random(k)}, so the result depends on the seed only, not on the thread count.
     */
    TOYS
}
