package org.fluxion.unfolding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.junit.jupiter.api.Test;

class FluxNormalisationTest {
    /** Φ_i = f_i / (T Δx_i Ω_i A_i) exactly, covariance J V J plus the relative A_eff errors on the diagonal. */
    @Test
    void analyticFlux() {
        Binning tb = Binning.ofEdges(1000, 1500, 2500);
        double[][] v = { { 100, 20 }, { 20, 400 } };
        Spectrum f = Spectrum.of(tb, new double[] { 1000, 4000 }, v, "events");
        double[] cosLo = { 0.5, 0.0 }, cosHi = { 1.0, 0.5 };
        EffectiveArea a = EffectiveArea.of("propagation_length", "m", tb, new double[] { 2.0, 4.0 },
                new double[] { 0.2, 0.0 }, new double[] { 0.0, 0.4 }, cosLo, cosHi);
        double t = 10;
        Spectrum phi = FluxNormalisation.flux(f, a, t, "m-2 s-1 sr-1 m-1");
        double om0 = 2 * Math.PI * 0.5, om1 = 2 * Math.PI * 0.5;
        double j0 = 1 / (t * 500 * om0 * 2.0), j1 = 1 / (t * 1000 * om1 * 4.0);
        assertEquals(1000 * j0, phi.value(0), 1e-15 * phi.value(0));
        assertEquals(4000 * j1, phi.value(1), 1e-15 * phi.value(1));
        double[][] c = phi.covariance();
        assertEquals(j0 * j0 * 100 + Math.pow(1000 * j0 * 0.1, 2), c[0][0], 1e-12 * c[0][0]);
        assertEquals(j1 * j1 * 400 + Math.pow(4000 * j1 * 0.1, 2), c[1][1], 1e-12 * c[1][1]);
        assertEquals(j0 * j1 * 20, c[0][1], 1e-12 * c[0][1]);
        assertEquals("m-2 s-1 sr-1 m-1", phi.unit());
    }

    @Test
    void refusesOtherBinningAndZeroArea() {
        Binning tb = Binning.linear(2, 0, 2);
        Spectrum f = Spectrum.of(tb, new double[] { 1, 1 }, new double[2][2], "events");
        EffectiveArea other = EffectiveArea.of("x", "m", Binning.linear(2, 0, 3), new double[] { 1, 1 }, new double[2],
                null, new double[] { 0, 0 }, new double[] { 1, 1 });
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> FluxNormalisation.flux(f, other, 1, ""));
        assertTrue(e.getMessage().contains("edge 1"), e.getMessage());
        EffectiveArea zero = EffectiveArea.of("x", "m", tb, new double[] { 1, 0 }, new double[2], null,
                new double[] { 0, 0 }, new double[] { 1, 1 });
        e = assertThrows(InvalidSettingsException.class, () -> FluxNormalisation.flux(f, zero, 1, ""));
        assertTrue(e.getMessage().contains("true bin 1"), e.getMessage());
    }
}
