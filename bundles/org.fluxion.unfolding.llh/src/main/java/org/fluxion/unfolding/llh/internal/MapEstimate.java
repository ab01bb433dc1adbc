package org.fluxion.unfolding.llh.internal;

/**
 * The maximum a posteriori point found by {@link ProjectedNewton}.
 *
 * @param x                      the MAP (f, θ, ε); owned by the record, do not modify
 * @param logPosterior           log p at x
 * @param iterations             Newton iterations done
 * @param converged              whether the projected-gradient criterion was met
 * @param stopReason             why the iteration stopped
 * @param projectedGradientNorm  Euclidean norm of the projected gradient of log p at x
 * @param scaledProjectedGradient max_k |projected ∂ log p/∂x_k| / sqrt(|∂² log p/∂x_k²|)
 * @param activeBounds           number of f_j held at the bound 0
 */
record MapEstimate(double[] x, double logPosterior, int iterations, boolean converged, String stopReason,
        double projectedGradientNorm, double scaledProjectedGradient, int activeBounds) {
}
