package org.fluxion.unfolding.llh.internal;

import org.fluxion.unfolding.api.UnfoldingProblem;

/** The start point of the MAP search. Stateless. */
final class RichardsonLucyStart {
    private RichardsonLucyStart() {
    }

    /**
     * Start point: 100 Richardson–Lucy (EM) iterations from a flat spectrum with the nominal
     * response, floored at 1e-6 of the mean so that no component starts on its bound.
     */
    static double[] of(PoissonTikhonovPosterior post, UnfoldingProblem problem) {
        int m = problem.proxyBins(), nt = problem.trueBins();
        double[] a = post.nominalProbabilities();
        double[] g = problem.observed(), b = problem.background();
        double total = 0;
        for (int i = 0; i < m; i++) {
            total += Math.max(g[i] - b[i], 0);
        }
        double[] f = new double[nt], lam = new double[m], colSum = new double[nt];
        java.util.Arrays.fill(f, Math.max(total, 1) / nt);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < nt; j++) {
                colSum[j] += a[i * nt + j];
            }
        }
        for (int it = 0; it < 100; it++) {
            for (int i = 0; i < m; i++) {
                double l = b[i];
                for (int j = 0; j < nt; j++) {
                    l += a[i * nt + j] * f[j];
                }
                lam[i] = l;
            }
            for (int j = 0; j < nt; j++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    if (lam[i] > 0) {
                        s += a[i * nt + j] * g[i] / lam[i];
                    }
                }
                f[j] *= s / colSum[j];
            }
        }
        double mean = 0;
        for (double v : f) {
            mean += v;
        }
        mean /= nt;
        for (int j = 0; j < nt; j++) {
            f[j] = Math.max(f[j], 1e-6 * Math.max(mean, 1));
        }
        return post.nominalX(f);
    }
}
