package org.fluxion.unfolding.llh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PosteriorSummaryTest {
    /** numpy.quantile's default ("linear") on a sorted copy. */
    private static double reference(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * p;
        int k = (int) Math.floor(h);
        return k + 1 < s.length ? s[k] + (h - k) * (s[k + 1] - s[k]) : s[k];
    }

    @Test
    void quantilesMatchLinearInterpolationOfTheSortedValues() {
        SplittableRandom r = new SplittableRandom(1);
        for (int n : new int[] { 1, 2, 3, 4, 7, 10, 100, 1001, 20000 }) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = i % 5 == 0 ? 1.0 : r.nextGaussian(); // ties too
            }
            double[] q = PosteriorSummary.quantiles(v.clone(), PosteriorSummary.LOWER, 0.5, PosteriorSummary.UPPER);
            assertEquals(reference(v, PosteriorSummary.LOWER), q[0], 0, "n = " + n);
            assertEquals(reference(v, 0.5), q[1], 0, "n = " + n);
            assertEquals(reference(v, PosteriorSummary.UPPER), q[2], 0, "n = " + n);
            assertEquals(reference(v, 0.3), PosteriorSummary.quantile(v.clone(), 0.3), 0, "n = " + n);
        }
        assertEquals(3.5, PosteriorSummary.quantile(new double[] { 4, 1, 3, 2, 5, 6 }, 0.5));
    }
}
