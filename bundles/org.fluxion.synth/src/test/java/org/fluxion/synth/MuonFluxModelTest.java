package org.fluxion.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MuonFluxModelTest {
    @Test
    void gaisserFormulaByHand() {
        double e = 2000, c = 0.6;
        double expected = 0.14 * Math.pow(e, -2.7) * (1 / (1 + 1.1 * e * c / 115) + 0.054 / (1 + 1.1 * e * c / 850));
        assertEquals(expected, MuonFluxModel.GAISSER_H3A.flux(e, c), 1e-15 * expected);
    }

    @Test
    void modificationsOfPhysicsMd() {
        for (double e : new double[] { 300, 1000, 5000, 1e5 }) {
            double h3a = MuonFluxModel.gaisser(e, 0.8);
            assertEquals(0.95 * h3a * Math.pow(e / 1000, -0.03), MuonFluxModel.GAISSER_H4A.flux(e, 0.8), 1e-12 * h3a);
            assertEquals(1.05 * h3a * Math.pow(e / 1000, 0.02), MuonFluxModel.GLOBAL_FIT_GST.flux(e, 0.8), 1e-12 * h3a);
            assertEquals(0.92 * h3a * Math.pow(e / 1000, -0.04), MuonFluxModel.TRUE_SKY.flux(e, 0.8), 1e-12 * h3a);
        }
        assertEquals("GaisserH3aWeight", MuonFluxModel.GAISSER_H3A.weightColumn());
    }

    @Test
    void localSpectralIndexBetweenOneAndTenTeVIsAbout3point6() {
        double g = -Math.log(MuonFluxModel.GAISSER_H3A.flux(1e4, 1) / MuonFluxModel.GAISSER_H3A.flux(1e3, 1)) / Math.log(10);
        assertEquals(3.6, g, 0.1);
    }
}
