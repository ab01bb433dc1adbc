package org.fluxion.unfolding.ibu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fluxion.api.hist.Binning;
import org.junit.jupiter.api.Test;

class LogLogPolynomialSmoothingTest {
    @Test
    void aPowerLawIsAFixedPoint() {
        Binning b = Binning.log10(12, 10, 1e5);
        double[] phi = new double[12];
        for (int k = 0; k < 12; k++) {
            phi[k] = 3e6 * Math.pow(b.centre(k), -2.7);
        }
        double[] s = new LogLogPolynomialSmoothing(b, 1).apply(phi);
        for (int k = 0; k < 12; k++) {
            assertEquals(phi[k], s[k], 1e-10 * phi[k]);
        }
    }

    private static double third(double[] v, int k) {
        return Math.log(v[k + 3]) - 3 * Math.log(v[k + 2]) + 3 * Math.log(v[k + 1]) - Math.log(v[k]);
    }

    @Test
    void noiseIsReducedAndTheJacobianMatchesFiniteDifferences() {
        Binning b = Binning.log10(10, 10, 1e4);
        double[] phi = new double[10];
        for (int k = 0; k < 10; k++) {
            phi[k] = 1e5 * Math.pow(b.centre(k), -2) * (1 + 0.2 * ((k % 2) * 2 - 1));
        }
        LogLogPolynomialSmoothing sm = new LogLogPolynomialSmoothing(b, 2);
        double[] s = sm.apply(phi);
        // ln S is a quadratic in log10(E) (equally spaced here): its third differences vanish.
        double rough = 0, smooth = 0;
        for (int k = 0; k + 3 < 10; k++) {
            rough += Math.abs(third(phi, k));
            smooth += Math.abs(third(s, k));
        }
        assertTrue(rough > 1, "the input is rough: " + rough);
        assertEquals(0, smooth, 1e-9, "third differences of ln S");
        double[][] j = sm.jacobian(phi, s);
        for (int c = 0; c < 10; c++) {
            double h = 1e-6 * phi[c];
            double[] up = phi.clone(), down = phi.clone();
            up[c] += h;
            down[c] -= h;
            double[] a = sm.apply(up), d = sm.apply(down);
            for (int r = 0; r < 10; r++) {
                assertEquals((a[r] - d[r]) / (2 * h), j[r][c], 1e-6 * Math.abs(s[r] / phi[c]) + 1e-12);
            }
        }
    }
}
