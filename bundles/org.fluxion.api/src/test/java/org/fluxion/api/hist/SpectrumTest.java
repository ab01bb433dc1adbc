package org.fluxion.api.hist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectrumTest {

    @Test
    void rejectsAsymmetricCovariance() {
        Binning b = Binning.linear(2, 0, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Spectrum.of(b, new double[] { 1, 2 }, new double[][] { { 1, 0.5 }, { 0.4, 1 } }, ""));
        assertTrue(e.getMessage().contains("[1][0]=0.4"), e.getMessage());
    }

    @Test
    void correlationHasUnitDiagonal() {
        Binning b = Binning.linear(2, 0, 2);
        Spectrum s = Spectrum.of(b, new double[] { 1, 2 }, new double[][] { { 4, 1 }, { 1, 1 } }, "m^-2");
        assertEquals(2, s.uncertainty(0));
        assertEquals(0.5, s.correlation()[0][1], 1e-15);
        assertEquals(1, s.correlation()[1][1]);
    }

    @Test
    void responseColumnsAreNormalised() {
        Binning p = Binning.linear(3, 0, 3), t = Binning.linear(2, 0, 2);
        ResponseMatrix r = ResponseMatrix.of(p, t, new double[][] { { 1, 0 }, { 2, 0 }, { 1, 0 } },
                new double[][] { { 1, 0 }, { 2, 0 }, { 1, 0 } });
        assertEquals(0.5, r.probability(1, 0));
        assertEquals(0, r.probability(1, 1), "empty column stays 0");
        double s = 0;
        for (int i = 0; i < 3; i++) {
            s += r.probabilities()[i][0];
        }
        assertEquals(1, s, 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> ResponseMatrix.of(p, t, new double[][] { { -1, 0 }, { 2, 0 }, { 1, 0 } },
                        new double[][] { { 1, 0 }, { 2, 0 }, { 1, 0 } }));
    }
}
