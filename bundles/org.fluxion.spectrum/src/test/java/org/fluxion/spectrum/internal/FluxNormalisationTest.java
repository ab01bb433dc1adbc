package org.fluxion.spectrum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.junit.jupiter.api.Test;

class FluxNormalisationTest {

    /** Events expected from Φ = c E^-2 (GeV) in lg(E/eV) bins give back the bin-averaged flux. */
    @Test
    void analyticPowerLawComesBack() {
        double area = 2.0e4, omega = Math.PI / 2, t = 3.0e7, c = 1.5e-2;
        Binning lg = Binning.linear(8, 14, 18);
        double[] n = new double[8];
        double[][] cov = new double[8][8];
        for (int j = 0; j < 8; j++) {
            double e1 = Math.pow(10, lg.edge(j) - 9), e2 = Math.pow(10, lg.edge(j + 1) - 9);
            n[j] = t * area * omega * c * (1 / e1 - 1 / e2); // ∫ c E^-2 dE
            cov[j][j] = n[j];
            if (j > 0) {
                cov[j][j - 1] = cov[j - 1][j] = -0.3 * Math.sqrt(n[j] * n[j - 1]);
            }
        }
        Spectrum flux = new FluxNormalisation(EnergyScale.LG_EV, area, omega, t)
                .apply(Spectrum.of(lg, n, cov, ""));
        assertEquals(Binning.Kind.LOG10, flux.binning().kind());
        assertEquals(1e5, flux.binning().low(), 1e-6);
        assertEquals(1e9, flux.binning().high(), 1e-2);
        for (int j = 0; j < 8; j++) {
            double e1 = flux.binning().edge(j), e2 = flux.binning().edge(j + 1);
            double mean = c * (1 / e1 - 1 / e2) / (e2 - e1);
            assertEquals(mean, flux.value(j), 1e-9 * mean, "bin " + j);
            double scale = 1 / (t * area * omega * (e2 - e1));
            assertEquals(Math.sqrt(n[j]) * scale, flux.uncertainty(j), 1e-9 * flux.uncertainty(j));
        }
        assertEquals(-0.3, flux.correlation()[3][2], 1e-12);
        assertEquals(FluxNormalisation.UNIT, flux.unit());
    }

    @Test
    void energyScales() {
        assertEquals(1e6, EnergyScale.LG_EV.toGeV(15), 1e-6);
        assertEquals(1e6, EnergyScale.LG_GEV.toGeV(6), 1e-6);
        assertEquals(2.0, EnergyScale.EV.toGeV(2e9), 1e-12);
        assertEquals(7.0, EnergyScale.GEV.toGeV(7), 0);
    }

    @Test
    void solidAngles() {
        FluxSettings flat = settings(0, 45, true, 1e7);
        assertEquals(Math.PI / 2, flat.effectiveSolidAngle(), 1e-12);
        FluxSettings sphere = settings(0, 45, false, 1e7);
        assertEquals(2 * Math.PI * (1 - Math.cos(Math.PI / 4)), sphere.effectiveSolidAngle(), 1e-12);
    }

    @Test
    void badSettingsNameTheKey() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> settings(0, 95, true, 1e7));
        assertEquals("zenith_max_deg", e.key());
        assertTrue(e.getMessage().contains("95"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> settings(0, 45, true, -1));
        assertEquals("livetime_s", e.key());
        e = assertThrows(InvalidSettingsException.class, () -> new FluxSettings(0, Double.NaN, 0, 45, true, 1, "",
                "livetime_s", EnergyScale.LG_EV, 2.7, ReferenceModel.NONE));
        assertEquals("area_m2", e.key());
        e = assertThrows(InvalidSettingsException.class, () -> settings(0, 45, true, Double.NaN));
        assertEquals("livetime_s", e.key());
        assertTrue(e.getMessage().contains("livetime_sample"), e.getMessage());
    }

    @Test
    void referenceIsTheSumOfThePrimaries() {
        // below every knee the five power laws sum to ~0.218 m^-2 s^-1 sr^-1 TeV^-1 at 1 TeV
        double f = ReferenceModel.KASCADE_SYNTHETIC.flux(1000);
        assertEquals((8.73e-2 + 5.71e-2 + 2.9e-2 + 2.4e-2 + 3.0e-2) / 1000, f, 1e-3 * f);
        double avg = ReferenceModel.KASCADE_SYNTHETIC.binAverage(1e5, 1.2e5);
        assertTrue(avg < ReferenceModel.KASCADE_SYNTHETIC.flux(1e5) && avg > ReferenceModel.KASCADE_SYNTHETIC.flux(1.2e5));
    }

    private static FluxSettings settings(double zmin, double zmax, boolean horizontal, double livetime) {
        return new FluxSettings(2e4, Double.NaN, zmin, zmax, horizontal, livetime, "", "livetime_s", EnergyScale.LG_EV, 2.7,
                ReferenceModel.NONE);
    }
}
