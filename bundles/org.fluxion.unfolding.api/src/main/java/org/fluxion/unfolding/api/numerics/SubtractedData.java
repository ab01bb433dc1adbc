package org.fluxion.unfolding.api.numerics;

import org.fluxion.unfolding.api.UnfoldingException;
import org.fluxion.unfolding.api.UnfoldingProblem;

/**
 * What the iterative unfolders (D'Agostini, Gold) start from: the smearing matrix including the
 * selection efficiency, R[i][j] = A[i][j]·ε_j (ε = 1 when the problem gives none), its column sums,
 * and the background-subtracted observed counts y_i = g_i − b_i clipped at 0, with Poisson variance
 * g_i where kept. Immutable; arrays are owned (not copied again on access, callers must not modify).
 *
 * @param response  R[proxy bin][true bin]
 * @param efficiency column sums of R (the efficiency, or 1 per true bin without one)
 * @param signal    y_i
 * @param variance  variance of y_i (g_i; 0 where clipped)
 * @param clipped   proxy bins where g − b was negative and set to 0
 * @param outside   signal in proxy bins that no MC event of the response populates
 */
public record SubtractedData(double[][] response, double[] efficiency, double[] signal, double[] variance,
        int clipped, double outside) {

    /**
     * @param method unfolder id, for the messages
     * @throws UnfoldingException if nothing is left to unfold, or all of it lies outside the response
     */
    public static SubtractedData of(UnfoldingProblem problem, String method) throws UnfoldingException {
        int nE = problem.proxyBins(), nC = problem.trueBins();
        double[][] a = problem.probabilities();
        double[] given = problem.hasEfficiency() ? problem.efficiency() : null;
        double[][] r = new double[nE][nC];
        double[] eff = new double[nC];
        for (int i = 0; i < nE; i++) {
            for (int j = 0; j < nC; j++) {
                r[i][j] = given == null ? a[i][j] : a[i][j] * given[j];
                eff[j] += r[i][j];
            }
        }
        double[] g = problem.observed(), b = problem.background(), y = new double[nE], var = new double[nE];
        int clipped = 0;
        double total = 0, outside = 0;
        for (int i = 0; i < nE; i++) {
            double v = g[i] - b[i];
            if (v < 0) {
                clipped++;
            } else {
                y[i] = v;
                var[i] = g[i];
            }
            total += y[i];
            double row = 0;
            for (int j = 0; j < nC; j++) {
                row += r[i][j];
            }
            if (row == 0) {
                outside += y[i];
            }
        }
        if (!(total > 0)) {
            throw new UnfoldingException(method + ": nothing to unfold: observed minus background is <= 0 in all "
                    + nE + " proxy bins");
        }
        if (!(total > outside)) {
            throw new UnfoldingException(method + ": all " + total + " observed events lie in proxy bins that no MC "
                    + "event of the response populates");
        }
        return new SubtractedData(r, eff, y, var, clipped, outside);
    }

    /**
     * How well an acceptance-corrected estimate describes the data once folded back.
     *
     * @param logLikelihood Poisson log-likelihood Σ g ln λ − λ with λ = R x + b (without ln g!)
     * @param chi2          Σ (y − R x)² / max(g, 1)
     */
    public record Refold(double logLikelihood, double chi2) {
    }

    /**
     * Folds {@code x} (per true bin, acceptance corrected) through {@link #response()}.
     *
     * @param observed   g per proxy bin
     * @param background b per proxy bin
     */
    public Refold refold(double[] x, double[] observed, double[] background) {
        double logL = 0, chi2 = 0;
        for (int i = 0; i < response.length; i++) {
            double folded = 0;
            for (int j = 0; j < x.length; j++) {
                folded += response[i][j] * x[j];
            }
            double lambda = folded + background[i];
            logL += (observed[i] > 0 ? observed[i] * Math.log(lambda) : 0) - lambda;
            double d = signal[i] - folded;
            chi2 += d * d / Math.max(observed[i], 1);
        }
        return new Refold(logL, chi2);
    }
}
