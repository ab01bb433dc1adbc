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
}
