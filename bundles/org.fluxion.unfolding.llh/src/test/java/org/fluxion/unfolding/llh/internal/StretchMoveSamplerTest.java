package org.fluxion.unfolding.llh.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.junit.jupiter.api.Test;

class StretchMoveSamplerTest {
    /** A correlated 4-d Gaussian: σ = (1, 2, 0.5, 3), correlations 0.8 (0-1), −0.5 (1-2), 0.3 (0-3). */
    static final double[] MEAN = { 1, -2, 0.5, 10 };
    static final double[][] COV;
    static {
        double[] s = { 1, 2, 0.5, 3 };
        double[][] rho = { { 1, 0.8, 0, 0.3 }, { 0.8, 1, -0.5, 0 }, { 0, -0.5, 1, 0 }, { 0.3, 0, 0, 1 } };
        COV = new double[4][4];
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                COV[a][b] = rho[a][b] * s[a] * s[b];
            }
        }
    }

    static final class Gaussian implements LogDensity<double[]> {
        final double[][] precision = Cholesky.of(COV).inverse();

        @Override
        public double[] workspace() {
            return new double[4];
        }

        @Override
        public double logDensity(double[] x, double[] w) {
            for (int a = 0; a < 4; a++) {
                w[a] = x[a] - MEAN[a];
            }
            double q = 0;
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    q += w[a] * precision[a][b] * w[b];
                }
            }
            return -0.5 * q;
        }
    }

    private static StretchMoveSampler.Chain run(int threads, int walkers, int burn, int used) {
        UnfoldingContext ctx = UnfoldingContext.of(99);
        SplittableRandom[] streams = new SplittableRandom[walkers];
        double[][] start = new double[walkers][4];
        for (int w = 0; w < walkers; w++) {
            streams[w] = ctx.random(w);
            for (int k = 0; k < 4; k++) {
                start[w][k] = MEAN[k] + 0.01 * streams[w].nextGaussian();
            }
        }
        try (WalkerTeam team = new WalkerTeam(threads)) {
            return StretchMoveSampler.run(new Gaussian(), start, streams, burn, used, team, ProgressMonitor.NONE);
        }
    }

    @Test
    void gaussianTargetRecoversMeanAndCovariance() {
        StretchMoveSampler.Chain chain = run(1, 32, 1000, 6000);
        PosteriorSummary s;
        double[] tau;
        try (WalkerTeam team = new WalkerTeam(1)) {
            s = PosteriorSummary.of(chain, team);
            tau = AutocorrelationTime.estimate(chain, team);
        }
        double maxTau = 0;
        for (double t : tau) {
            maxTau = Math.max(maxTau, t);
        }
        assertTrue(maxTau > 1 && maxTau < 100, "autocorrelation time " + maxTau);
        // effective samples ~ 32 * 6000 / tau >= 2000: standard error of the mean <= 0.03 sigma
        for (int a = 0; a < 4; a++) {
            double sa = Math.sqrt(COV[a][a]);
            assertEquals(MEAN[a], s.mean[a], 0.1 * sa, "mean " + a);
            assertEquals(MEAN[a], s.median[a], 0.1 * sa, "median " + a);
            assertEquals(MEAN[a] - sa, s.lower[a], 0.12 * sa, "15.87 % quantile " + a);
            assertEquals(MEAN[a] + sa, s.upper[a], 0.12 * sa, "84.13 % quantile " + a);
            for (int b = 0; b < 4; b++) {
                double scale = Math.sqrt(COV[a][a] * COV[b][b]);
                assertEquals(COV[a][b], s.covariance[a][b], 0.1 * scale, "covariance " + a + "," + b);
            }
        }
        assertTrue(chain.acceptance() > 0.3 && chain.acceptance() < 0.9, "acceptance " + chain.acceptance());
    }

    @Test
    void sameSeedGivesIdenticalChainsForOneAndTwoThreads() {
        StretchMoveSampler.Chain one = run(1, 20, 50, 100);
        StretchMoveSampler.Chain two = run(2, 20, 50, 100);
        StretchMoveSampler.Chain three = run(3, 20, 50, 100);
        assertArrayEquals(one.samples(), two.samples());
        assertArrayEquals(one.samples(), three.samples());
        assertEquals(one.acceptance(), two.acceptance());
    }

    @Test
    void autocorrelationTimeOfAnAr1ProcessIsOnePlusPhiOverOneMinusPhi() {
        double phi = 0.9, expected = (1 + phi) / (1 - phi);
        int walkers = 40, steps = 5000;
        double[] samples = new double[walkers * steps];
        SplittableRandom r = new SplittableRandom(5);
        for (int w = 0; w < walkers; w++) {
            double x = r.nextGaussian() / Math.sqrt(1 - phi * phi);
            for (int t = 0; t < steps; t++) {
                x = phi * x + r.nextGaussian();
                samples[t * walkers + w] = x;
            }
        }
        StretchMoveSampler.Chain chain = new StretchMoveSampler.Chain(samples, walkers, steps, 1, 0.5);
        assertEquals(expected, AutocorrelationTime.ofParameter(chain, 0), 0.1 * expected);
    }
}
