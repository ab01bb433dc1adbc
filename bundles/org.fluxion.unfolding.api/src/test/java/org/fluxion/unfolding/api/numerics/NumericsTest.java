package org.fluxion.unfolding.api.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumericsTest {

    @Test
    void globalCorrelationOfTwoBinsIsTheirCorrelation() {
        assertEquals(0, GlobalCorrelation.mean(new double[][] { { 4, 0 }, { 0, 9 } }), 1e-12);
        double rho = 0.6;
        double[][] cov = { { 4, rho * 2 * 3 }, { rho * 2 * 3, 9 } };
        assertEquals(rho, GlobalCorrelation.mean(cov), 1e-12);
    }

    @Test
    void conditionNumberOfScaledIdentityIsOne() {
        assertEquals(1, ConditionNumber.of(new double[][] { { 2, 0 }, { 0, 2 } }), 1e-12);
        assertEquals(4, ConditionNumber.of(new double[][] { { 4, 0 }, { 0, 1 } }), 1e-9);
    }

    @Test
    void logGammaMatchesFactorials() {
        assertEquals(Math.log(24), LogGamma.of(5), 1e-12);
        assertEquals(0.5 * Math.log(Math.PI), LogGamma.of(0.5), 1e-12);
    }

    @Test
    void iterationValuesAreUniqueIncreasingIntegersInRange() {
        int[] v = IterationScan.iterationValues(1, 50, 10);
        assertTrue(v.length >= 2 && v.length <= 10);
        assertEquals(1, v[0]);
        assertEquals(50, v[v.length - 1]);
        for (int k = 1; k < v.length; k++) {
            assertTrue(v[k] > v[k - 1]);
        }
    }

    @Test
    void poissonVariatesHaveTheirMeanAndVarianceOnBothBranches() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(42);
        for (double mean : new double[] { 0.5, 4, 25, 400 }) {
            int n = 200_000;
            double s = 0, s2 = 0;
            for (int i = 0; i < n; i++) {
                long k = PoissonSampler.sample(rng, mean);
                assertTrue(k >= 0);
                s += k;
                s2 += (double) k * k;
            }
            double m = s / n, v = s2 / n - m * m;
            assertEquals(mean, m, 5 * Math.sqrt(mean / n), "mean for " + mean);
            assertEquals(mean, v, 0.02 * mean + 5 * mean * Math.sqrt(2.0 / n), "variance for " + mean);
        }
        assertEquals(0, PoissonSampler.sample(rng, 0));
    }

    @Test
    void symmetricEigenReconstructsTheMatrix() {
        double[][] a = { { 4, 1, 0.5 }, { 1, 3, 0.2 }, { 0.5, 0.2, 2 } };
        SymmetricEigen.Decomposition d = SymmetricEigen.of(a);
        double[] mu = d.values();
        double[][] v = d.vectors();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double acc = 0;
                for (int k = 0; k < 3; k++) {
                    acc += v[i][k] * mu[k] * v[j][k];
                }
                assertEquals(a[i][j], acc, 1e-12);
            }
        }
        double[] only = SymmetricEigen.values(a);
        java.util.Arrays.sort(only);
        double[] sorted = mu.clone();
        java.util.Arrays.sort(sorted);
        assertEquals(4 + 3 + 2, only[0] + only[1] + only[2], 1e-12);
        for (int i = 0; i < 3; i++) {
            assertEquals(sorted[i], only[i], 1e-12);
        }
        assertEquals(4.0, a[0][0], 0); // input untouched
    }
}
