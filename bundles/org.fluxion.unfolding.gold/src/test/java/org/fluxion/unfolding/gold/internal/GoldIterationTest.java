package org.fluxion.unfolding.gold.internal;

import org.fluxion.testsupport.unfolding.SteepProblem;
import org.fluxion.unfolding.api.numerics.PoissonSampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class GoldIterationTest {
    private static final SteepProblem PROBLEM = SteepProblem.standard();

    private static double[][] r() {
        double[][] r = new double[PROBLEM.probabilities.length][];
        for (int i = 0; i < r.length; i++) {
            r[i] = PROBLEM.probabilities[i].clone();
            for (int j = 0; j < r[i].length; j++) {
                r[i][j] *= PROBLEM.efficiency[j];
            }
        }
        return r;
    }

    private static GoldIteration run(double[][] r, double[] y, StartShape start, int n, boolean jac) {
        GoldIteration it = new GoldIteration(r, y, start, jac);
        for (int k = 0; k < n; k++) {
            it.advance();
        }
        return it;
    }

    @Test
    void jacobianMatchesCentralFiniteDifferences() {
        double[][] r = r();
        double[] y = PROBLEM.toy(new SplittableRandom(1));
        for (StartShape start : StartShape.values()) {
            for (int n : new int[] { 1, 10, 200 }) {
                double[][] jac = run(r, y, start, n, true).jacobian();
                double diff = 0, scale = 0;
                for (int i = 0; i < y.length; i++) {
                    double h = 1e-4 * Math.max(y[i], 1);
                    double[] up = y.clone(), down = y.clone();
                    up[i] += h;
                    down[i] -= h;
                    double[] a = run(r, up, start, n, false).x(), b = run(r, down, start, n, false).x();
                    for (int j = 0; j < a.length; j++) {
                        diff = Math.max(diff, Math.abs((a[j] - b[j]) / (2 * h) - jac[j][i]));
                        scale = Math.max(scale, Math.abs(jac[j][i]));
                    }
                }
                assertTrue(diff / scale < 1e-6, start + ", " + n + " iterations: relative difference " + diff / scale);
            }
        }
    }

    @Test
    void staysPositiveOnASteepNoisyProblem() {
        double[][] r = r();
        double[] y = PROBLEM.toy(new SplittableRandom(2));
        GoldIteration it = new GoldIteration(r, y, StartShape.FLAT, false);
        for (int k = 0; k < 5000; k++) {
            it.advance();
            for (double v : it.x()) {
                assertTrue(v > 0, "iteration " + it.iterations() + ": " + v);
            }
        }
    }

    @Test
    void convergesToTheTruthOnAWellConditionedProblem() {
        int n = 8;
        double[][] r = new double[n][n];
        double[] truth = new double[n], y = new double[n];
        for (int j = 0; j < n; j++) {
            truth[j] = 1000 * Math.pow(0.6, j);
            r[j][j] = 0.7;
            if (j > 0) {
                r[j - 1][j] = 0.1;
            }
            if (j + 1 < n) {
                r[j + 1][j] = 0.1;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                y[i] += r[i][j] * truth[j];
            }
        }
        for (StartShape start : StartShape.values()) {
            GoldIteration it = run(r, y, start, 3000, false);
            double[] x = it.x();
            for (int j = 0; j < n; j++) {
                assertEquals(truth[j], x[j], 1e-6 * truth[j], start + " bin " + j);
            }
            assertTrue(it.lastChange() < 1e-9, "relative change " + it.lastChange());
        }
    }

    @Test
    void poissonSamplerHasTheRightMeanAndVariance() {
        SplittableRandom rng = new SplittableRandom(5);
        for (double mean : new double[] { 0.5, 7, 30, 1e4 }) {
            int n = 40000;
            double s = 0, s2 = 0;
            for (int k = 0; k < n; k++) {
                double v = PoissonSampler.sample(rng, mean);
                s += v;
                s2 += v * v;
            }
            double m = s / n, var = s2 / n - m * m;
            assertEquals(mean, m, 5 * Math.sqrt(mean / n), "mean for " + mean);
            assertEquals(mean, var, 5 * mean * Math.sqrt(2.0 / n), "variance for " + mean);
        }
    }
}
