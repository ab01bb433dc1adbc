package org.fluxion.unfolding.api;

import java.util.Map;
import java.util.Objects;

/**
 * How an unfolding went. Quantities that do not apply to a method are NaN (or -1 for counts).
 *
 * @param method              unfolder id
 * @param regularisation      the regularisation used (τ, or the iteration number)
 * @param iterations          optimiser / algorithm iterations
 * @param converged           whether the stopping criterion was met (not just the iteration limit)
 * @param stopReason          why it stopped, in words
 * @param logLikelihood       log-likelihood (incl. regularisation term) at the estimate
 * @param gradientNorm        norm of the gradient at the MAP
 * @param conditionNumber     condition number of the response (ratio of extreme singular values)
 * @param autocorrelationTime integrated autocorrelation time of the MCMC (max over parameters), steps
 * @param acceptanceFraction  MCMC acceptance fraction
 * @param extra               further named numbers (unmodifiable copy)
 */
public record Diagnostics(String method, double regularisation, int iterations, boolean converged, String stopReason,
        double logLikelihood, double gradientNorm, double conditionNumber, double autocorrelationTime,
        double acceptanceFraction, Map<String, Double> extra) {
    public Diagnostics {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(stopReason, "stopReason");
        extra = Map.copyOf(extra);
    }
}
