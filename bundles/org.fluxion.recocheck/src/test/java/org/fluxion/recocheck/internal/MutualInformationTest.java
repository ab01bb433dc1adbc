package org.fluxion.recocheck.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Validates the KSG estimator against analytic values and a brute-force implementation. */
class MutualInformationTest {

    /** Bivariate Gaussian with correlation rho: I = −½ ln(1 − ρ²). */
    @Test
    void bivariateGaussianMatchesAnalyticValue() {
        for (double rho : new double[] { 0.3, 0.6, 0.9, -0.75 }) {
            double[][] xy = gaussian(5000, rho, 11);
            double exact = -0.5 * Math.log(1 - rho * rho);
            double est = MutualInformation.of(xy[0], xy[1], 3, 5).nats();
            assertEquals(exact, est, 0.03, "rho = " + rho);
        }
    }

    @Test
    void independentVariablesCarryNoInformation() {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[5000], y = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
            y[i] = Math.exp(3 * r.nextDouble());
        }
        MutualInformation.Estimate e = MutualInformation.of(x, y, 3, 1);
        assertTrue(Math.abs(e.raw()) < 0.02, "raw estimate " + e.raw());
        assertEquals(5000, e.n());
    }

    /** A deterministic function of X carries much more information than any noisy copy. */
    @Test
    void monotoneFunctionGivesLargeInformation() {
        double[][] xy = gaussian(2000, 0.0, 7);
        double[] y = new double[xy[0].length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.exp(xy[0][i]);
        }
        double est = MutualInformation.of(xy[0], y, 3, 2).nats();
        assertTrue(est > 3, "I(X; exp X) should be large but was " + est);
    }

    @Test
    void treeAgreesExactlyWithBruteForce() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 700;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = 0.5 * x[i] + r.nextGaussian();
            if (i % 7 == 0) { // some ties on the grid
                x[i] = Math.rint(x[i] * 4) / 4;
                y[i] = Math.rint(y[i] * 4) / 4;
            }
        }
        for (int k : new int[] { 1, 3, 6 }) {
            assertEquals(bruteForce(x, y, k), MutualInformation.estimate(x, y, k), 0.0, "k = " + k);
        }
    }

    @Test
    void symmetricAndDeterministic() {
        double[][] xy = gaussian(3000, 0.5, 9);
        assertEquals(MutualInformation.estimate(xy[0], xy[1], 3), MutualInformation.estimate(xy[1], xy[0], 3), 0.0);
        assertEquals(MutualInformation.of(xy[0], xy[1], 3, 4).raw(), MutualInformation.of(xy[0], xy[1], 3, 4).raw(), 0.0);
    }

    @Test
    void scaleInvariantAfterStandardisation() {
        double[][] xy = gaussian(3000, 0.7, 13);
        double[] big = xy[0].clone();
        for (int i = 0; i < big.length; i++) {
            big[i] *= 1e4;
        }
        assertEquals(MutualInformation.of(xy[0], xy[1], 3, 1).raw(), MutualInformation.of(big, xy[1], 3, 1).raw(), 1e-9);
    }

    @Test
    void constantVariableGivesZero() {
        double[] x = new double[100];
        Arrays.fill(x, 2.5);
        double[] y = gaussian(100, 0, 1)[1];
        assertEquals(0.0, MutualInformation.of(x, y, 3, 1).raw(), 0.0);
    }

    @Test
    void integerValuedVariableIsTieBroken() {
        SplittableRandom r = new SplittableRandom(8);
        int n = 3000;
        double[] m = new double[n], t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1 + (r.nextDouble() < 0.3 ? 1 + r.nextInt(3) : 0);
            m[i] = Math.max(0, Math.rint(t[i] * Math.exp(0.25 * r.nextGaussian())));
        }
        double est = MutualInformation.of(m, t, 3, 3).nats();
        assertTrue(Double.isFinite(est) && est > 0.1, "estimate " + est);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> MutualInformation.estimate(new double[3], new double[4], 1));
        assertThrows(IllegalArgumentException.class, () -> MutualInformation.estimate(new double[3], new double[3], 3));
        assertThrows(IllegalArgumentException.class,
                () -> MutualInformation.estimate(new double[] { 1, Double.NaN, 3 }, new double[3], 1));
    }

    @Test
    void countsStrictlyCloserValues() {
        double[] s = { 0, 1, 1, 2, 3, 3, 3, 4 };
        assertEquals(3, MutualInformation.countCloser(s, 3, 1.0)); // the three 3s; 2 and 4 at distance 1 are not closer
        assertEquals(5, MutualInformation.countCloser(s, 3, 1.5)); // 2, 3, 3, 3, 4
        assertEquals(2, MutualInformation.countCloser(s, 1, 0.0)); // eps 0: equal values
        assertEquals(8, MutualInformation.countCloser(s, 2, 100));
    }

    static double[][] gaussian(int n, double rho, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n], y = new double[n];
        double c = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = rho * x[i] + c * r.nextGaussian();
        }
        return new double[][] { x, y };
    }

    /** O(N²) KSG with scikit-learn's counting (distances <= nextafter(eps, 0)). */
    private static double bruteForce(double[] x, double[] y, int k) {
        int n = x.length;
        double[] psi = MutualInformation.digammaTable(n + 1);
        double sum = 0;
        double[] d = new double[n - 1];
        for (int i = 0; i < n; i++) {
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    d[m++] = Math.max(Math.abs(x[j] - x[i]), Math.abs(y[j] - y[i]));
                }
            }
            Arrays.sort(d);
            double r = Math.nextDown(d[k - 1]);
            if (d[k - 1] == 0) {
                r = 0;
            }
            int nx = 0, ny = 0;
            for (int j = 0; j < n; j++) {
                if (j != i && Math.abs(x[j] - x[i]) <= r) {
                    nx++;
                }
                if (j != i && Math.abs(y[j] - y[i]) <= r) {
                    ny++;
                }
            }
            sum += psi[nx + 1] + psi[ny + 1];
        }
        return psi[n] + psi[k] - sum / n;
    }
}
