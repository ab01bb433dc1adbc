package org.fluxion.fits.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RangeFluxModelTest {
    private static final double A = 0.259, B = 3.63e-4, RHO = 0.917;

    @Test
    void constantSurfaceFluxHasAnAnalyticBinAverage() {
        // Φ_E = C: dΦ/dL = C ρ a e^{bρL}; average over [L1, L2] = C a (e^{bρL2} − e^{bρL1}) / (b ΔL)
        double c = 3.0;
        RangeFluxModel m = new RangeFluxModel(new double[] { 1500, 4000 }, new double[] { 2500, 9000 },
                new double[] { 0.3, 0.1 }, new double[] { 1.0, 0.5 }, RHO, false, 12);
        double[] avg = m.binAverages((e, cz) -> c, A, B);
        assertEquals(c * A * (Math.exp(B * RHO * 2500) - Math.exp(B * RHO * 1500)) / (B * 1000), avg[0], 1e-12 * avg[0]);
        assertEquals(c * A * (Math.exp(B * RHO * 9000) - Math.exp(B * RHO * 4000)) / (B * 5000), avg[1], 1e-12 * avg[1]);
    }

    @Test
    void bandAverageIsUniformInCosZenith() {
        // Φ_E = cosθ: the band average is the mid-point of the band
        RangeFluxModel m = new RangeFluxModel(new double[] { 2000 }, new double[] { 2001 }, new double[] { 0.2 },
                new double[] { 0.6 }, RHO, false, 12);
        double withCos = m.binAverages((e, cz) -> cz, A, B)[0];
        double plain = m.binAverages((e, cz) -> 1, A, B)[0];
        assertEquals(0.4, withCos / plain, 1e-12);
    }

    @Test
    void stragglingConservesTheNumberOfMuons() {
        // a smooth bump in energy: every muon stops between ~300 m and ~40 km; summed over bins
        // that cover all of them, the straggled and unstraggled models give the same total ∫Φ dE
        SurfaceFlux bump = (e, cz) -> Math.exp(-Math.pow(Math.log(e / 2000), 2) / 0.5) / e;
        int n = 60;
        double[] lo = new double[n], hi = new double[n], cl = new double[n], ch = new double[n];
        double l0 = Math.log(50), l1 = Math.log(400000);
        for (int i = 0; i < n; i++) {
            lo[i] = Math.exp(l0 + (l1 - l0) * i / n);
            hi[i] = Math.exp(l0 + (l1 - l0) * (i + 1) / n);
            cl[i] = 0.5;
            ch[i] = 1;
        }
        RangeFluxModel plain = new RangeFluxModel(lo, hi, cl, ch, RHO, false, 12);
        RangeFluxModel strag = plain.withStraggling(true);
        double[] p = plain.binAverages(bump, A, B), s = strag.binAverages(bump, A, B);
        double tp = 0, ts = 0;
        for (int i = 0; i < n; i++) {
            tp += p[i] * (hi[i] - lo[i]);
            ts += s[i] * (hi[i] - lo[i]);
        }
        double exact = Math.sqrt(Math.PI * 0.5); // ∫ exp(−ln²(E/2000)/0.5) dE/E
        assertEquals(exact, tp, 1e-6 * exact);
        assertEquals(exact, ts, 1e-4 * exact);
    }
}
