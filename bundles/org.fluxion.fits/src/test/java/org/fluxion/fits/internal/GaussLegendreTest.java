package org.fluxion.fits.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussLegendreTest {
    @Test
    void integratesPolynomialsOfDegreeTwoNMinusOneExactly() {
        for (int n = 1; n <= 16; n++) {
            GaussLegendre g = new GaussLegendre(n);
            for (int deg = 0; deg <= 2 * n - 1; deg++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += g.weight(i, 1, 3) * Math.pow(g.node(i, 1, 3), deg);
                }
                double exact = (Math.pow(3, deg + 1) - 1) / (deg + 1);
                assertEquals(exact, s, 1e-12 * exact, "n = " + n + ", degree " + deg);
            }
        }
    }

    @Test
    void integratesSmoothFunctionsAccurately() {
        GaussLegendre g = new GaussLegendre(12);
        double s = 0;
        for (int i = 0; i < g.size(); i++) {
            s += g.weight(i, 0, Math.PI) * Math.sin(g.node(i, 0, Math.PI));
        }
        assertEquals(2, s, 1e-13);
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new GaussLegendre(0));
    }
}
