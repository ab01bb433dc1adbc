package org.fluxion.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MuonEnergyLossTest {
    private static final MuonEnergyLoss ICE = MuonEnergyLoss.ICE;

    @Test
    void rangesQuotedInPhysicsMd() {
        assertEquals(2630, ICE.rangeMetres(1000), 10); // R(1 TeV) ≈ 2.63 km ice
        assertEquals(8100, ICE.rangeMetres(10_000), 50); // R(10 TeV) ≈ 8.1 km ice
    }

    @Test
    void rangeIsTheClosedForm() {
        for (double e : new double[] { 1, 300, 1e3, 1e4, 1e5 }) {
            assertEquals(Math.log(1 + 3.63e-4 * e / 0.259) / 3.63e-4, ICE.rangeMwe(e), 1e-9 * ICE.rangeMwe(e));
            assertEquals(ICE.rangeMwe(e) / 0.917, ICE.rangeMetres(e), 1e-9 * ICE.rangeMetres(e));
        }
    }

    @Test
    void surfaceEnergyInvertsTheRange() {
        for (double e : new double[] { 0.5, 300, 1e3, 3.3e4, 1e5 }) {
            assertEquals(e, ICE.surfaceEnergyGeV(ICE.rangeMwe(e)), 1e-10 * e);
            assertEquals(e, ICE.surfaceEnergyForMetresGeV(ICE.rangeMetres(e)), 1e-10 * e);
        }
        // low-energy limit: dE/dX ≈ -a
        assertEquals(0.259 * 10, ICE.surfaceEnergyGeV(10), 0.01);
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MuonEnergyLoss(0, 1e-4, 1));
        assertThrows(IllegalArgumentException.class, () -> new MuonEnergyLoss(0.2, Double.NaN, 1));
    }
}
