package org.fluxion.unfolding.llh.internal;

/**
 * A log-density for the ensemble sampler. Implementations are thread-safe given one workspace per
 * thread; {@link #logDensity} must not modify x.
 *
 * @param <W> per-thread scratch space
 */
interface LogDensity<W> {
    /** @return a new scratch space for one thread */
    W workspace();

    /** @return log density at x (up to a constant), −∞ outside the support */
    double logDensity(double[] x, W workspace);
}
