package org.fluxion.unfolding.llh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.testsupport.unfolding.ToyProblems;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.llh.SystematicVariation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PoissonTikhonovPosteriorTest {
    private static final int M = 12, N = 6;

    private static UnfoldingProblem problem() {
        double[][] counts = ToyProblems.smearingCounts(M, N, 1.5, 1e4);
        double[] truth = ToyProblems.fallingSpectrum(N, 5e3, 2.5);
        double[] g = ToyProblems.fold(counts, truth);
        SplittableRandom r = new SplittableRandom(7);
        double[] bg = new double[M];
        for (int i = 0; i < M; i++) {
            g[i] = ToyProblems.poisson(r, g[i] + 3) ;
            bg[i] = 3;
        }
        double[] eff = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 };
        return UnfoldingProblem.builder(ToyProblems.response(counts), g).background(bg).efficiency(eff, null)
                .truth(truth).build();
    }

    /** Two systematics: a tilt of the proxy distribution and a quadratic bulge, three variations each. */
    static List<SystematicVariation> systematics(UnfoldingProblem p) {
        double[][] c = p.response().counts();
        List<SystematicVariation> list = new ArrayList<>();
        double[] thetas = { -1, 1, 2 };
        for (int s = 0; s < 2; s++) {
            List<ResponseMatrix> rs = new ArrayList<>();
            for (double t : thetas) {
                double[][] v = new double[c.length][];
                for (int i = 0; i < c.length; i++) {
                    double x = (i - c.length / 2.0) / c.length;
                    double factor = s == 0 ? 1 + 0.1 * t * x + 0.01 * t * t : 1 + 0.05 * t * x * x + 0.02 * t * x;
                    v[i] = c[i].clone();
                    for (int j = 0; j < v[i].length; j++) {
                        v[i][j] *= factor;
                    }
                }
                rs.add(ToyProblems.response(v));
            }
            list.add(new SystematicVariation(s == 0 ? "tilt" : "bulge", 0, 1, thetas, rs, 2));
        }
        return list;
    }

    private static double[] tau(double t) {
        double[] v = new double[N];
        for (int j = 0; j < N; j++) {
            v[j] = t * (1 + 0.3 * j); // bin-wise, to exercise the weights
        }
        return v;
    }

    private static double[] point(PoissonTikhonovPosterior post, UnfoldingProblem p) {
        double[] truth = p.truth();
        double[] f = new double[N];
        for (int j = 0; j < N; j++) {
            f[j] = truth[j] * (1 + 0.1 * Math.sin(j + 1));
        }
        double[] x = post.nominalX(f);
        for (int k = N; k < x.length; k++) {
            x[k] += 0.03 * (k - N + 1);
        }
        return x;
    }

    @ParameterizedTest(name = "log={0} curvatureOnly={1} epsilon={2} systematics={3}")
    @CsvSource({ "true,false,0,false", "true,true,0,false", "false,false,0,false", "false,true,0,false",
            "true,false,0.1,false", "false,true,0.1,false", "true,false,0.1,true", "false,false,0,true",
            "true,true,0.05,true" })
    void gradientAndHessianMatchCentralDifferences(boolean log, boolean curvatureOnly, double eps, boolean syst) {
        UnfoldingProblem p = problem();
        PoissonTikhonovPosterior post = new PoissonTikhonovPosterior(p, tau(1e-3), log, 1.0, curvatureOnly, eps,
                syst ? systematics(p) : List.of());
        PoissonTikhonovPosterior.Workspace w = post.workspace();
        double[] x = point(post, p);
        int d = post.dimension();
        assertEquals(N + (syst ? 2 : 0) + (eps > 0 ? 1 : 0), d);
        double[] grad = new double[d];
        double value = post.gradient(x, grad, w);
        assertEquals(post.logPosterior(x, w), value, 1e-9 * Math.abs(value));
        double[][] h = new double[d][d];
        post.hessian(x, h, w);
        for (int k = 0; k < d; k++) {
            double step = 1e-5 * Math.max(1, Math.abs(x[k]));
            double[] xp = x.clone(), xm = x.clone();
            xp[k] += step;
            xm[k] -= step;
            double fd = (post.logPosterior(xp, w) - post.logPosterior(xm, w)) / (2 * step);
            assertEquals(fd, grad[k], 1e-6 * Math.max(1, Math.abs(fd)) + 1e-5 * Math.abs(value) * 1e-6 / step,
                    "gradient component " + k);
            double[] gp = new double[d], gm = new double[d];
            post.gradient(xp, gp, w);
            post.gradient(xm, gm, w);
            for (int l = 0; l < d; l++) {
                double fdh = (gp[l] - gm[l]) / (2 * step);
                double scale = Math.sqrt(Math.abs(h[k][k] * h[l][l]));
                assertEquals(fdh, h[l][k], 1e-5 * scale + 1e-12, "Hessian [" + l + "][" + k + "]");
                assertEquals(h[k][l], h[l][k], 1e-12 * scale, "Hessian symmetry");
            }
        }
    }

    @Test
    void regularisationTermIsTheDocumentedPenalty() {
        UnfoldingProblem p = problem();
        double[] t = { 0.5, 0.5, 0.5, 0.5, 0.5, 0.5 };
        PoissonTikhonovPosterior lin = new PoissonTikhonovPosterior(p, t, false, 1.0, false, 0, List.of());
        double[] f = { 1, 2, 4, 8, 16, 32 };
        double[] s = p.regularisationFactors();
        double[] r = new double[N];
        for (int j = 0; j < N; j++) {
            r[j] = f[j] * s[j];
        }
        double expected = (r[1] - r[0]) * (r[1] - r[0]) + (r[5] - r[4]) * (r[5] - r[4]);
        for (int k = 1; k < N - 1; k++) {
            double c = r[k - 1] - 2 * r[k] + r[k + 1];
            expected += c * c;
        }
        assertEquals(expected / 0.5, lin.penalty(f), 1e-9 * expected);
        PoissonTikhonovPosterior.Workspace w = lin.workspace();
        assertEquals(lin.dataLogLikelihood(f, w) - 0.5 * expected / 0.5, lin.logPosterior(f, w), 1e-9 * expected);
        // curvature-only in log mode: a power law (f + o) s = 10^(a + b j) has zero penalty
        double[] pl = new double[N];
        for (int j = 0; j < N; j++) {
            pl[j] = Math.pow(10, 3 - 0.4 * j) / s[j] - 1.0;
        }
        PoissonTikhonovPosterior curv = new PoissonTikhonovPosterior(p, t, true, 1.0, true, 0, List.of());
        assertEquals(0, curv.penalty(pl), 1e-20);
        PoissonTikhonovPosterior full = new PoissonTikhonovPosterior(p, t, true, 1.0, false, 0, List.of());
        assertEquals(2 * 0.4 * 0.4 / 0.5, full.penalty(pl), 1e-12);
    }

    @Test
    void outsideTheSupportIsMinusInfinity() {
        UnfoldingProblem p = problem();
        PoissonTikhonovPosterior post = new PoissonTikhonovPosterior(p, tau(1), true, 1.0, false, 0.1, List.of());
        PoissonTikhonovPosterior.Workspace w = post.workspace();
        double[] x = point(post, p);
        assertTrue(Double.isFinite(post.logPosterior(x, w)));
        double[] y = x.clone();
        y[2] = -1e-9;
        assertEquals(Double.NEGATIVE_INFINITY, post.logPosterior(y, w));
        y = x.clone();
        y[3] = Double.NaN;
        assertEquals(Double.NEGATIVE_INFINITY, post.logPosterior(y, w));
        y = x.clone();
        y[post.epsilonIndex()] = 0;
        assertEquals(Double.NEGATIVE_INFINITY, post.logPosterior(y, w));
    }
}
