package org.fluxion.unfolding.llh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.testsupport.unfolding.ToyProblems;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.junit.jupiter.api.Test;

class ProjectedNewtonTest {

    private static double[] tau(int n, double t) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, t);
        return v;
    }

    @Test
    void diagonalResponseReproducesTheInputWithWeakRegularisation() {
        double[] g = { 100, 0, 50, 1000, 3, 7, 20000, 1 };
        int n = g.length;
        double[][] c = new double[n][n];
        for (int j = 0; j < n; j++) {
            c[j][j] = 10;
        }
        ResponseMatrix r = ResponseMatrix.of(Binning.linear(n, 0, n), Binning.linear(n, 0, n), c, c);
        UnfoldingProblem p = UnfoldingProblem.builder(r, g).build();
        for (boolean log : new boolean[] { true, false }) {
            PoissonTikhonovPosterior post = new PoissonTikhonovPosterior(p, tau(n, 1e12), log, 1.0, false, 0,
                    List.of());
            MapEstimate map = ProjectedNewton.maximise(post, RichardsonLucyStart.of(post, p), 100, 1e-9,
                    ProgressMonitor.NONE);
            assertTrue(map.converged(), map.stopReason());
            assertTrue(map.scaledProjectedGradient() <= 1e-9, "scaled projected gradient " + map.scaledProjectedGradient());
            for (int j = 0; j < n; j++) {
                assertEquals(g[j], map.x()[j], 1e-6 * Math.max(1, g[j]), "bin " + j + " log=" + log);
            }
            assertEquals(0.0, map.x()[1], "empty bin sits on its bound");
            assertEquals(1, map.activeBounds());
        }
    }

    @Test
    void mapIsAStationaryPointThatNoFeasiblePerturbationImproves() {
        UnfoldingProblem p = ToyProblems.benchmark(new SplittableRandom(3));
        for (double t : new double[] { 1e-4, 1e-2, 1e6 }) {
            PoissonTikhonovPosterior post = new PoissonTikhonovPosterior(p, tau(16, t), true, 1.0, false, 0.05,
                    List.of());
            MapEstimate map = ProjectedNewton.maximise(post, RichardsonLucyStart.of(post, p), 200, 1e-7,
                    ProgressMonitor.NONE);
            assertTrue(map.converged(), "tau " + t + ": " + map.stopReason());
            assertTrue(map.iterations() < 60, "tau " + t + ": " + map.iterations() + " iterations");
            assertTrue(map.scaledProjectedGradient() <= 1e-7, "tau " + t + ": " + map.scaledProjectedGradient());
            assertTrue(map.projectedGradientNorm() < 1e-4, "tau " + t + ": |pg| " + map.projectedGradientNorm());
            PoissonTikhonovPosterior.Workspace w = post.workspace();
            double best = post.logPosterior(map.x(), w);
            assertEquals(best, map.logPosterior(), 0);
            SplittableRandom r = new SplittableRandom(11);
            for (int k = 0; k < 200; k++) {
                double[] y = map.x().clone();
                for (int q = 0; q < y.length; q++) {
                    y[q] = Math.max(0, y[q] * (1 + 1e-4 * r.nextGaussian()));
                }
                assertTrue(post.logPosterior(y, w) <= best + 1e-9 * Math.abs(best), "perturbation " + k + " improves");
            }
        }
    }

    @Test
    void closureOnPoissonToysGivesUnitPulls() {
        int m = 16, n = 8, toys = 300;
        double[][] counts = ToyProblems.smearingCounts(m, n, 0.7, 1e6); // condition number 6.4
        double[] truth = ToyProblems.fallingSpectrum(n, 1e5, 2);
        double[] mean = ToyProblems.fold(counts, truth);
        ResponseMatrix r = ToyProblems.response(counts);
        SplittableRandom rng = new SplittableRandom(2024);
        double[] sum = new double[n], sum2 = new double[n];
        for (int t = 0; t < toys; t++) {
            double[] g = new double[m];
            for (int i = 0; i < m; i++) {
                g[i] = ToyProblems.poisson(rng, mean[i]);
            }
            UnfoldingProblem p = UnfoldingProblem.builder(r, g).build();
            PoissonTikhonovPosterior post = new PoissonTikhonovPosterior(p, tau(n, 1e10), true, 1.0, false, 0,
                    List.of());
            MapEstimate map = ProjectedNewton.maximise(post, RichardsonLucyStart.of(post, p), 200, 1e-6,
                    ProgressMonitor.NONE);
            assertTrue(map.converged(), "toy " + t + ": " + map.stopReason());
            assertEquals(0, map.activeBounds(), "toy " + t + " is in the Gaussian regime");
            double[][] h = new double[n][n];
            post.hessian(map.x(), h, post.workspace());
            for (double[] row : h) {
                for (int l = 0; l < n; l++) {
                    row[l] = -row[l];
                }
            }
            double[][] cov = Cholesky.of(h).inverse();
            for (int j = 0; j < n; j++) {
                double pull = (map.x()[j] - truth[j]) / Math.sqrt(cov[j][j]);
                sum[j] += pull;
                sum2[j] += pull * pull;
            }
        }
        for (int j = 0; j < n; j++) {
            double mu = sum[j] / toys, width = Math.sqrt(sum2[j] / toys - mu * mu);
            // statistical tolerances: 1/sqrt(300) = 0.058 on the mean, 0.041 on the width
            assertEquals(0, mu, 0.2, "pull mean of bin " + j);
            assertEquals(1, width, 0.15, "pull width of bin " + j);
        }
    }
}
