package org.fluxion.unfolding.llh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RepairedInverseTest {
    @Test
    void positiveDefiniteMatrixIsInvertedExactly() {
        double[][] a = { { 4, 1, 0.5 }, { 1, 3, 0.2 }, { 0.5, 0.2, 2 } };
        int[] clipped = new int[1];
        double[][] inv = RepairedInverse.of(a, 1e-10, clipped);
        assertEquals(0, clipped[0]);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double acc = 0;
                for (int k = 0; k < 3; k++) {
                    acc += a[i][k] * inv[k][j];
                }
                assertEquals(i == j ? 1 : 0, acc, 1e-12);
            }
        }
    }

    @Test
    void negativeCurvatureIsReplacedByItsMagnitude() {
        // eigenvalues 3 and -1 along (1,1)/sqrt2 and (1,-1)/sqrt2
        double[][] a = { { 1, 2 }, { 2, 1 } };
        int[] clipped = new int[1];
        double[][] inv = RepairedInverse.of(a, 1e-10, clipped);
        assertEquals(1, clipped[0]);
        // repaired matrix has eigenvalues 3 and 1: inverse = (1/3) P+ + 1 P-
        assertEquals(0.5 * (1.0 / 3 + 1), inv[0][0], 1e-12);
        assertEquals(0.5 * (1.0 / 3 - 1), inv[0][1], 1e-12);
        assertEquals(inv[0][1], inv[1][0], 0);
    }

    @Test
    void flatDirectionIsRefused() {
        double[][] a = { { 1, 1 }, { 1, 1 } };
        assertNull(RepairedInverse.of(a, 1e-10, new int[1]));
    }
}
