package org.fluxion.unfolding.llh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LCurveTest {
    @Test
    void cornerOfAnLIsFound() {
        // τ increasing: along the bottom from right to left, then up the left side; corner at point 5
        int n = 11;
        double[] x = new double[n], y = new double[n];
        for (int p = 0; p < n; p++) {
            double t = p - 5;
            x[p] = t < 0 ? -t : -0.05 * t;
            y[p] = t < 0 ? 0.05 * t : t;
            // smooth the corner a little
            x[p] += 0.2 * Math.exp(-t * t);
            y[p] += 0.2 * Math.exp(-t * t);
        }
        assertEquals(5, LCurve.corner(x, y));
        assertEquals(-1, LCurve.corner(new double[] { 1, 2 }, new double[] { 2, 1 }));
    }
}
