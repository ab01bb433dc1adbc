package org.fluxion.unfolding.llh.internal;

import org.fluxion.api.workflow.ProgressMonitor;

/**
 * Maximises the log-posterior under the bounds f_j >= 0 by a projected Newton method
 * (Bertsekas 1982): components at (or within ε_k of) their bound with the gradient pointing out of
 * the feasible set form the active set and take a scaled gradient step; the free components take
 * a Newton step with the exact Hessian (Levenberg-damped where it is not negative definite);
 * the step is projected onto the bounds and backtracked until the Armijo condition holds.
 * Converged when max_k |projected gradient_k| / sqrt(|H_kk|) <= tolerance, i.e. every component is
 * within tolerance conditional posterior widths of its conditional optimum. Stateless.
 */
final class ProjectedNewton {
    private ProjectedNewton() {
    }

    /**
     * @param post          the posterior
     * @param x0            a start inside the support (not modified)
     * @param maxIterations iteration limit
     * @param tolerance     scaled projected-gradient tolerance
     * @param progress      cancellation (checked once per iteration)
     * @return the MAP estimate
     * @throws IllegalArgumentException if x0 is outside the support
     */
    static MapEstimate maximise(PoissonTikhonovPosterior post, double[] x0, int maxIterations, double tolerance,
            ProgressMonitor progress) {
        int d = post.dimension();
        PoissonTikhonovPosterior.Workspace w = post.workspace();
        double[] x = x0.clone(), grad = new double[d], trial = new double[d], step = new double[d];
        double[][] h = new double[d][d], sub = new double[d][d];
        int[] free = new int[d];
        double[] rhs = new double[d];
        double value = post.gradient(x, grad, w);
        if (value == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("start point is outside the support of the posterior");
        }
        String reason = "iteration limit " + maxIterations + " reached";
        boolean converged = false;
        int it = 0, stalls = 0;
        double bestScaled = Double.POSITIVE_INFINITY;
        for (; it < maxIterations; it++) {
            progress.checkCancelled();
            post.hessian(x, h, w);
            double scaled = scaledProjectedGradient(post, x, grad, h);
            if (scaled <= tolerance) {
                converged = true;
                reason = "projected gradient below tolerance";
                break;
            }
            // ε-active set: at or near the bound with the ascent direction pointing outwards
            double wNorm = 0;
            for (int k = 0; k < d; k++) {
                double pg = projected(post, k, x[k], grad[k]);
                wNorm += pg * pg;
            }
            double epsActive = Math.min(1e-3, Math.sqrt(wNorm));
            int nf = 0;
            for (int k = 0; k < d; k++) {
                boolean active = post.bounded(k) && x[k] <= epsActive && grad[k] < 0;
                if (!active) {
                    free[nf++] = k;
                }
            }
            // Newton step on the free set: (−H_FF) s = g_F
            double maxDiag = 0;
            for (int a = 0; a < nf; a++) {
                for (int b = 0; b < nf; b++) {
                    sub[a][b] = -h[free[a]][free[b]];
                }
                maxDiag = Math.max(maxDiag, Math.abs(sub[a][a]));
                rhs[a] = grad[free[a]];
            }
            Cholesky ch = Cholesky.of(sub, nf, 0.0);
            double shift = 1e-12 * Math.max(maxDiag, 1e-300);
            while (ch == null && shift < 1e300) {
                ch = Cholesky.of(sub, nf, shift);
                shift *= 100;
            }
            if (ch == null) {
                reason = "Hessian could not be regularised";
                break;
            }
            java.util.Arrays.fill(step, 0.0);
            if (nf > 0) {
                double[] sol = new double[nf];
                ch.solve(java.util.Arrays.copyOf(rhs, nf), sol);
                for (int a = 0; a < nf; a++) {
                    step[free[a]] = sol[a];
                }
            }
            for (int k = 0; k < d; k++) {
                if (post.bounded(k) && x[k] <= epsActive && grad[k] < 0) {
                    double curv = Math.max(-h[k][k], 1e-300);
                    step[k] = grad[k] / curv; // towards the bound; the projection stops it there
                }
            }
            // projected backtracking line search (Armijo on the projected step)
            double alpha = 1.0, newValue = Double.NEGATIVE_INFINITY;
            boolean accepted = false;
            for (int ls = 0; ls < 60; ls++) {
                double gain = 0;
                for (int k = 0; k < d; k++) {
                    double v = x[k] + alpha * step[k];
                    if (post.bounded(k) && v < 0) {
                        v = 0;
                    }
                    trial[k] = v;
                    gain += grad[k] * (v - x[k]);
                }
                newValue = post.logPosterior(trial, w);
                // near the optimum the predicted increase drops below the rounding of log p: take the
                // full Newton step on the strength of the gradient alone
                boolean belowResolution = ls == 0 && gain <= 1e-11 * Math.abs(value);
                if (newValue != Double.NEGATIVE_INFINITY && (newValue >= value + 1e-4 * gain || belowResolution)) {
                    accepted = true;
                    break;
                }
                alpha *= 0.5;
            }
            if (!accepted) {
                // no ascent possible in floating point along the Newton direction
                converged = false;
                reason = "line search found no ascent at floating-point resolution (scaled projected gradient "
                        + scaled + ")";
                break;
            }
            if (scaled < 0.5 * bestScaled) {
                bestScaled = scaled;
                stalls = 0;
            } else if (newValue - value <= 1e-11 * Math.abs(value)) {
                stalls++;
            }
            if (stalls >= 5 || java.util.Arrays.equals(trial, x)) {
                converged = false;
                reason = "stalled at floating-point resolution: the projected gradient did not halve in 5 iterations "
                        + "(scaled projected gradient " + scaled + ")";
                System.arraycopy(trial, 0, x, 0, d);
                value = post.gradient(x, grad, w);
                it++;
                break;
            }
            System.arraycopy(trial, 0, x, 0, d);
            value = post.gradient(x, grad, w);
        }
        post.hessian(x, h, w);
        double finalScaled = scaledProjectedGradient(post, x, grad, h);
        if (!converged && finalScaled <= tolerance) {
            converged = true;
            reason = "projected gradient below tolerance";
        }
        double norm = 0;
        int active = 0;
        for (int k = 0; k < d; k++) {
            double pg = projected(post, k, x[k], grad[k]);
            norm += pg * pg;
            if (post.bounded(k) && x[k] == 0) {
                active++;
            }
        }
        return new MapEstimate(x, value, it, converged, reason, Math.sqrt(norm), finalScaled, active);
    }

    /** The projected gradient component of the ascent problem: 0 at the bound when the gradient points out. */
    private static double projected(PoissonTikhonovPosterior post, int k, double xk, double gk) {
        if (post.bounded(k)) {
            return Math.max(xk + gk, 0) - xk;
        }
        return gk;
    }

    /**
     * @return max_k |projected gradient_k| / sqrt(|∂² log p/∂x_k²|): the projected gradient in units of
     *         the conditional posterior width (1/max(1, |x_k|) where the curvature vanishes)
     */
    static double scaledProjectedGradient(PoissonTikhonovPosterior post, double[] x, double[] grad, double[][] h) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            double pg = projected(post, k, x[k], grad[k]);
            double curv = Math.abs(h[k][k]);
            double scale = curv > 0 && Double.isFinite(curv) ? 1.0 / Math.sqrt(curv) : Math.max(1, Math.abs(x[k]));
            s = Math.max(s, Math.abs(pg) * scale);
        }
        return s;
    }
}
