package org.fluxion.unfolding.ibu.internal;

import org.fluxion.unfolding.api.numerics.LogGamma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoppingTestTest {
    @Test
    void identicalIteratesGiveZeroOrTinyStatistics() {
        double[] a = { 100, 50, 25 };
        assertEquals(0, StoppingTest.KS.statistic(a, a));
        assertEquals(0, StoppingTest.CHI2.statistic(a, a));
        assertEquals(0, StoppingTest.MAX_REL_DIFF.statistic(a, a));
        double[] many = { 1e4, 5e3, 2.5e3 };
        assertTrue(StoppingTest.BAYES_FACTOR.statistic(many, many) < 1e-3, "same shape is strongly favoured");
        // With few events even identical iterates cannot favour one shape 100:1 (documented).
        double few = StoppingTest.BAYES_FACTOR.statistic(a, a);
        assertTrue(few > 1e-2 && few < 1, "175 events in 3 bins: " + few);
    }

    @Test
    void handComputedValues() {
        assertEquals(1.0, StoppingTest.KS.statistic(new double[] { 1, 0 }, new double[] { 0, 1 }), 1e-15);
        // cumulative 0.25, 1 vs 0.5, 1 -> 0.25
        assertEquals(0.25, StoppingTest.KS.statistic(new double[] { 1, 3 }, new double[] { 2, 2 }), 1e-15);
        assertEquals(0.5, StoppingTest.MAX_REL_DIFF.statistic(new double[] { 1, 2 }, new double[] { 1, 4 }), 1e-15);
        // S = 4, S' = 4: Σ (4·1 − 4·2)²/3 + (4·3 − 4·2)²/5 = 16/3 + 16/5, / (16) / 2
        assertEquals((16.0 / 3 + 16.0 / 5) / 16 / 2,
                StoppingTest.CHI2.statistic(new double[] { 1, 3 }, new double[] { 2, 2 }), 1e-15);
        // Bayes factor with one count each in different bins of two: ln B01 = 2 lnΓ(3) − lnΓ(4) − lnΓ(2) + 0 = ln(4/6)
        assertEquals(1.5, StoppingTest.BAYES_FACTOR.statistic(new double[] { 1, 0 }, new double[] { 0, 1 }), 1e-12);
    }

    @Test
    void differentShapesGiveLargeBayesFactors() {
        assertTrue(StoppingTest.BAYES_FACTOR.statistic(new double[] { 1000, 100 }, new double[] { 100, 1000 }) > 1e100);
    }

    @Test
    void logGammaMatchesFactorials() {
        double f = 1;
        for (int k = 1; k < 25; k++) {
            f *= k;
            assertEquals(Math.log(f), LogGamma.of(k + 1), 1e-12 * Math.max(1, Math.log(f)), "ln " + k + "!");
        }
        assertEquals(0.5 * Math.log(Math.PI), LogGamma.of(0.5), 1e-13);
    }
}
