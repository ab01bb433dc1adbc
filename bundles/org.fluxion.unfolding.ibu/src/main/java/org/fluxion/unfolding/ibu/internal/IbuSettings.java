package org.fluxion.unfolding.ibu.internal;

import java.util.List;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code ibu} unfolder, bound from the configuration (keys in snake_case).
 * Immutable; validated on construction ({@link InvalidSettingsException} naming the key).
 *
 * @param prior           shape of the first prior
 * @param priorValues     the user prior, one positive value per true bin (only with {@code prior: user})
 * @param stoppingTest    test statistic between successive iterates
 * @param tolerance       stop at the first iteration whose statistic is below this
 * @param maxIterations   iteration limit
 * @param responseErrors  whether the MC statistical covariance of the response is added
 * @param smoothPrior     whether the intermediate prior is smoothed (log–log polynomial)
 * @param smoothingDegree degree of the smoothing polynomial
 */
public record IbuSettings(
        @Setting(description = "prior of the first iteration: uniform, jeffreys (proportional to 1/true bin centre) "
                + "or user (prior_values)", defaultValue = "uniform") PriorShape prior,
        @Setting(description = "user prior: one positive value per true bin, normalised internally; "
                + "only with prior: user", defaultValue = "[]") List<Double> priorValues,
        @Setting(description = "test statistic between successive iterates: ks (max distance of the normalised "
                + "cumulative sums), chi2 (two-sample chi2/ndf of the shapes), max_rel_diff (max |a-b|/max(a,b)) "
                + "or bayes_factor (evidence 'different shapes' / 'same shape')", defaultValue = "ks")
        StoppingTest stoppingTest,
        @Setting(description = "stop at the first iteration whose test statistic is below this", defaultValue = "0.01",
                min = 0) double tolerance,
        @Setting(description = "iteration limit (the result is flagged not converged when it is reached)",
                defaultValue = "100", min = 1, max = 1000000) int maxIterations,
        @Setting(description = "add the covariance from the MC statistics of the response (multinomial per true "
                + "bin with the thrown counts, else the effective MC count of the column)", defaultValue = "true")
        boolean responseErrors,
        @Setting(description = "smooth the prior between iterations by a least-squares polynomial fit of ln(phi) "
                + "against log10 of the true bin centre (linear centre if the binning has non-positive edges)",
                defaultValue = "false") boolean smoothPrior,
        @Setting(description = "degree of the smoothing polynomial", defaultValue = "2", min = 1, max = 6)
        int smoothingDegree) {

    /** Checks every key. */
    public IbuSettings {
        if (prior == null) {
            throw new InvalidSettingsException("prior", "'prior' must be one of uniform, jeffreys, user but was null");
        }
        if (stoppingTest == null) {
            throw new InvalidSettingsException("stopping_test",
                    "'stopping_test' must be one of ks, chi2, max_rel_diff, bayes_factor but was null");
        }
        priorValues = priorValues == null ? List.of() : List.copyOf(priorValues);
        if (prior == PriorShape.USER && priorValues.isEmpty()) {
            throw new InvalidSettingsException("prior_values",
                    "'prior: user' needs 'prior_values' (one positive value per true bin) but none were given");
        }
        if (prior != PriorShape.USER && !priorValues.isEmpty()) {
            throw new InvalidSettingsException("prior_values", "'prior_values' were given (" + priorValues.size()
                    + " values) but 'prior' is " + prior.name().toLowerCase() + "; set 'prior: user' to use them");
        }
        for (int k = 0; k < priorValues.size(); k++) {
            double v = priorValues.get(k);
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new InvalidSettingsException("prior_values",
                        "'prior_values'[" + k + "] must be finite and > 0 but was " + v);
            }
        }
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new InvalidSettingsException("tolerance", "'tolerance' must be finite and >= 0 but was " + tolerance);
        }
        if (maxIterations < 1 || maxIterations > 1_000_000) {
            throw new InvalidSettingsException("max_iterations",
                    "'max_iterations' must be in [1, 1000000] but was " + maxIterations);
        }
        if (smoothingDegree < 1 || smoothingDegree > 6) {
            throw new InvalidSettingsException("smoothing_degree",
                    "'smoothing_degree' must be in [1, 6] but was " + smoothingDegree);
        }
    }

    /** @return the documented defaults */
    public static IbuSettings defaults() {
        return new IbuSettings(PriorShape.UNIFORM, List.of(), StoppingTest.KS, 0.01, 100, true, false, 2);
    }

    /** @return a copy with another stopping rule */
    public IbuSettings withStopping(StoppingTest test, double tol, int maxIter) {
        return new IbuSettings(prior, priorValues, test, tol, maxIter, responseErrors, smoothPrior, smoothingDegree);
    }
}
