package org.fluxion.unfolding.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;
import org.junit.jupiter.api.Test;

class UnfoldingProblemTest {
    private static final Binning P = Binning.linear(3, 0, 3), T = Binning.linear(2, 0, 2);

    private static ResponseMatrix response(double[][] c) {
        return ResponseMatrix.of(P, T, c, c);
    }

    @Test
    void defaultsAndCopies() {
        double[] g = { 1, 2, 3 };
        UnfoldingProblem p = UnfoldingProblem.builder(response(new double[][] { { 1, 0 }, { 1, 1 }, { 0, 1 } }), g)
                .efficiency(new double[] { 0.5, 0.25 }, null).build();
        g[0] = 99;
        assertArrayEquals(new double[] { 1, 2, 3 }, p.observed());
        assertArrayEquals(new double[] { 0, 0, 0 }, p.background());
        assertArrayEquals(new double[] { 2, 4 }, p.regularisationFactors());
    }

    @Test
    void rejectsBadInputNamingTheBin() {
        ResponseMatrix r = response(new double[][] { { 1, 0 }, { 1, 1 }, { 0, 1 } });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnfoldingProblem.builder(r, new double[] { 1, -2, 3 }));
        assertTrue(e.getMessage().contains("observed[1] must be finite and >= 0 but was -2.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UnfoldingProblem.builder(r, new double[] { 1, Double.NaN, 3 }));
        assertThrows(IllegalArgumentException.class, () -> UnfoldingProblem.builder(r, new double[] { 1, 2 }));
        e = assertThrows(IllegalArgumentException.class, () -> UnfoldingProblem.builder(
                response(new double[][] { { 1, 0 }, { 1, 0 }, { 0, 0 } }), new double[] { 1, 2, 3 }));
        assertTrue(e.getMessage().contains("true bin 1 [1.0, 2.0) is empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UnfoldingProblem.builder(r, new double[] { 1, 2, 3 })
                .efficiency(new double[] { 0.5, 0 }, null));
        assertTrue(e.getMessage().contains("efficiency[1] must be in (0, 1] but was 0.0"), e.getMessage());
    }

    @Test
    void scanChecksItsShape() {
        assertThrows(IllegalArgumentException.class, () -> new RegularisationScan("tau", new double[] { 1, 2 },
                new double[2], new double[2], new double[2], new double[1], 0, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new RegularisationScan("tau", new double[] { 2, 1 },
                new double[2], new double[2], new double[2], new double[2], 0, 0, -1));
    }
}
