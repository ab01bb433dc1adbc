package org.fluxion.unfolding.llh;

import java.util.List;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code llh} unfolder, bound from the configuration (keys in snake_case).
 * Immutable and thread-safe; every check is done in the constructor, which throws
 * {@link InvalidSettingsException} naming the key and the value.
 *
 * <p><b>τ convention</b> (funfolding's, the seed analysis' {@code reg_*} keys): τ is an
 * <em>inverse</em> strength. The log-posterior contains −½ Σ_k (C r)_k² / τ_k, so a larger τ means
 * weaker regularisation; τ = 1e12 is practically unregularised. One value is the same τ for every
 * row of C ("total"); a list of one value per true bin is bin-wise, τ_k belonging to the row of C
 * centred on true bin k (row 0 is the first-difference row, row n−1 the last one).
 *
 * @param tau            τ, one value (total) or one per true bin (bin-wise), each > 0
 * @param log            regularise r = log10((f + offset)·s) instead of r = f·s
 * @param offset         the offset o in log mode, counts, > 0 in log mode, >= 0 otherwise
 * @param curvatureOnly  only the interior (1, −2, 1) rows of C: straight lines in r are not
 *                       penalised (power laws in log mode)
 * @param mcmc           sample the posterior with the ensemble sampler (estimate = median,
 *                       covariance from the samples); false: MAP with the inverse Hessian
 * @param nWalkers       number of walkers, >= 2 (and >= 2 × parameters, checked per problem)
 * @param nBurnSteps     discarded steps per walker, >= 0
 * @param nUsedSteps     kept steps per walker, >= 1
 * @param epsilon        σ of the normalisation nuisance ε ~ N(1, σ) multiplying f; 0 = off
 * @param maxIterations  Newton iterations for the MAP, >= 1
 * @param tolerance      MAP convergence: max_j |projected ∂logp/∂x_j| / sqrt(|∂²logp/∂x_j²|) <= tolerance
 *                       (the projected gradient in units of the conditional posterior width), > 0
 */
public record LlhSettings(
        @Setting(description = "Regularisation strength tau in funfolding's convention (inverse strength: the "
                + "penalty is 1/2 sum_k (C r)_k^2 / tau_k, larger tau = weaker). One value: total; one value per "
                + "true bin: bin-wise (tau_k for the row of C centred on bin k)", defaultValue = "[1.0]",
                min = 0) List<Double> tau,
        @Setting(description = "Regularise r = log10((f + offset) * s) instead of r = f * s",
                defaultValue = "true") boolean log,
        @Setting(description = "Offset added to f before the logarithm (log mode)", unit = "counts",
                defaultValue = "1.0", min = 0) double offset,
        @Setting(description = "Use only the interior (1, -2, 1) rows of C, so that straight lines in r "
                + "(power laws in log mode) are not penalised", defaultValue = "false") boolean curvatureOnly,
        @Setting(description = "Sample the posterior with the affine-invariant ensemble sampler (estimate = "
                + "median, covariance from samples); false: MAP with inverse-Hessian covariance",
                defaultValue = "true") boolean mcmc,
        @Setting(description = "Number of MCMC walkers (at least twice the number of parameters)",
                defaultValue = "100", min = 2) int nWalkers,
        @Setting(description = "MCMC burn-in steps per walker (discarded)", defaultValue = "1000",
                min = 0) int nBurnSteps,
        @Setting(description = "MCMC steps per walker kept as samples", defaultValue = "2000",
                min = 1) int nUsedSteps,
        @Setting(description = "Width sigma of the normalisation nuisance epsilon ~ N(1, sigma) that multiplies "
                + "f; 0 = no nuisance", defaultValue = "0.0", min = 0, max = 1) double epsilon,
        @Setting(description = "Maximum number of Newton iterations for the MAP", defaultValue = "200",
                min = 1) int maxIterations,
        @Setting(description = "MAP convergence: max_j |projected dlogp/dx_j| / sqrt(|d2logp/dx_j^2|) <= tolerance, "
                + "i.e. the projected gradient in units of the conditional posterior width",
                defaultValue = "1e-6", min = 0) double tolerance) {

    public LlhSettings {
        if (tau == null || tau.isEmpty()) {
            throw new InvalidSettingsException("tau", "'tau' must be one value (total) or one value per true bin, "
                    + "each > 0, but was " + (tau == null ? "missing" : "an empty list"));
        }
        for (int k = 0; k < tau.size(); k++) {
            Double t = tau.get(k);
            if (t == null || !(t > 0) || t.isInfinite()) {
                throw new InvalidSettingsException("tau", "'tau' entries must be finite and > 0 but entry " + k
                        + " was " + t);
            }
        }
        tau = List.copyOf(tau);
        if (!(offset >= 0) || Double.isInfinite(offset) || (log && offset == 0)) {
            throw new InvalidSettingsException("offset", "'offset' must be finite and " + (log ? "> 0 in log mode"
                    : ">= 0") + " but was " + offset);
        }
        check(nWalkers >= 2, "n_walkers", "'n_walkers' must be >= 2 but was " + nWalkers);
        check(nBurnSteps >= 0, "n_burn_steps", "'n_burn_steps' must be >= 0 but was " + nBurnSteps);
        check(nUsedSteps >= 1, "n_used_steps", "'n_used_steps' must be >= 1 but was " + nUsedSteps);
        check(epsilon >= 0 && epsilon <= 1, "epsilon", "'epsilon' (sigma of the normalisation nuisance) must be "
                + "in [0, 1] but was " + epsilon);
        check(maxIterations >= 1, "max_iterations", "'max_iterations' must be >= 1 but was " + maxIterations);
        check(tolerance > 0 && tolerance < Double.POSITIVE_INFINITY, "tolerance", "'tolerance' must be finite and "
                + "> 0 but was " + tolerance);
        long work = (long) nWalkers * ((long) nBurnSteps + nUsedSteps);
        check(work <= 2_000_000_000L, "n_used_steps", "n_walkers x (n_burn_steps + n_used_steps) must be <= 2e9 but "
                + "was " + work);
    }

    private static void check(boolean ok, String key, String message) {
        if (!ok) {
            throw new InvalidSettingsException(key, message);
        }
    }

    /** @return the defaults: τ = 1 (total), log mode with offset 1, full C, MCMC 100 × (1000 + 2000) */
    public static LlhSettings defaults() {
        return new LlhSettings(List.of(1.0), true, 1.0, false, true, 100, 1000, 2000, 0.0, 200, 1e-6);
    }

    /** @return a copy with another τ list */
    public LlhSettings withTau(List<Double> newTau) {
        return new LlhSettings(newTau, log, offset, curvatureOnly, mcmc, nWalkers, nBurnSteps, nUsedSteps, epsilon,
                maxIterations, tolerance);
    }

    /** @return a copy with MCMC switched on or off */
    public LlhSettings withMcmc(boolean on) {
        return new LlhSettings(tau, log, offset, curvatureOnly, on, nWalkers, nBurnSteps, nUsedSteps, epsilon,
                maxIterations, tolerance);
    }

    /** @return a copy with another normalisation nuisance width */
    public LlhSettings withEpsilon(double sigma) {
        return new LlhSettings(tau, log, offset, curvatureOnly, mcmc, nWalkers, nBurnSteps, nUsedSteps, sigma,
                maxIterations, tolerance);
    }

    /** @return a copy with other MCMC sizes */
    public LlhSettings withChain(int walkers, int burnSteps, int usedSteps) {
        return new LlhSettings(tau, log, offset, curvatureOnly, mcmc, walkers, burnSteps, usedSteps, epsilon,
                maxIterations, tolerance);
    }
}
