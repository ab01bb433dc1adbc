package org.fluxion.masterclass.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.testsupport.FakeStepContext;
import org.fluxion.testsupport.unfolding.LeastSquaresUnfolder;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.junit.jupiter.api.Test;

/**
 * The {@code mass_group_unfolding} step on small KCDC-like tables: its ports, artifacts, flux
 * normalisation, errors and determinism.
 */
class MassGroupUnfoldingStepTest {
    private static final SampleSet SAMPLES = SampleSet.of(List.of(KascadeTables.simulation(1, 150_000),
            KascadeTables.data(2, 60_000)));

    static MassGroupUnfoldingSettings settings(String method) {
        return new MassGroupUnfoldingSettings("data", "simulation", Map.of(), Map.of(), 40, 3.9, 7.9, 32, 3.4, 6.6, 5,
                15.0, 17.5, 2.0, 14.0, 18.0, 16.5, 2.7, method, Map.of(), 26015.5, 45, 1e7, 2.7,
                InjectedSpectra.KASCADE_SYNTHETIC, "composition_weight");
    }

    private static FakeStepContext run() throws Exception {
        FakeStepContext ctx = new FakeStepContext(2).input("samples", SAMPLES);
        new MassGroupUnfoldingStep(LeastSquaresUnfolder.CATALOG, settings("lsq")).run(ctx);
        return ctx;
    }

    @Test
    void writesTheSpectraPerGroupTheirSumAndThePlots() throws Exception {
        FakeStepContext ctx = run();
        UnfoldingResult flat = (UnfoldingResult) ctx.outputs.get("mass_groups");
        UnfoldingResult all = (UnfoldingResult) ctx.outputs.get("all_particle");
        Binning lgE = Binning.linear(5, 15.0, 17.5);
        assertEquals(lgE, ctx.outputs.get("true_binning"));
        assertEquals(25, flat.acceptanceCorrected().binning().bins());
        assertEquals(MassGroupSpectra.sum(flat.acceptanceCorrected(), 5, lgE), all.acceptanceCorrected());
        assertEquals(MassGroupSpectra.sum(flat.estimate(), 5, lgE), all.estimate());
        for (String plot : List.of("mass_group_flux", "all_particle_flux", "mass_group_data_plane",
                "mass_group_refolded_lg_ne", "mass_group_refolded_lg_nmu", "mass_group_pulls")) {
            assertTrue(ctx.plots.containsKey(plot), plot + " in " + ctx.plots.keySet());
        }
        TableArtifact bins = ctx.tables.get("mass_group_bins");
        assertEquals(25, bins.rows().size());
        assertEquals(List.of("p", "He", "CNO", "Si", "Fe"), bins.rows().stream().map(r -> r.get(0)).distinct().toList());
        // flux = events / (T A Omega dE), Omega = pi sin^2 45 deg = pi/2, dE in GeV
        List<Object> row = bins.rows().get(6); // He, second energy bin [15.5, 16)
        double events = ((Number) row.get(10)).doubleValue(), flux = ((Number) row.get(12)).doubleValue();
        double dE = Math.pow(10, 16 - 9) - Math.pow(10, 15.5 - 9);
        assertEquals(events / (1e7 * 26015.5 * Math.PI / 2 * dE), flux, 1e-12 * flux);
        double injected = ((Number) row.get(14)).doubleValue();
        assertTrue(injected > 0, "injected He flux " + injected);
        TableArtifact allBins = ctx.tables.get("all_particle_bins");
        assertEquals(5, allBins.rows().size());
        assertEquals(all.acceptanceCorrected().value(2), ((Number) allBins.rows().get(2).get(4)).doubleValue(), 0);
        assertEquals(5, ctx.tables.get("all_particle_covariance").rows().size());
        assertEquals(25, ctx.tables.get("mass_group_covariance").rows().size());
        // the simulation comes back with its composition weights
        SampleSet out = (SampleSet) ctx.outputs.get("samples");
        assertEquals(SAMPLES.names(), out.names());
        var sim = out.get("simulation");
        assertTrue(sim.hasColumn("composition_weight"), sim.columnNames().toString());
        double[] w = sim.column("composition_weight").toDoubleArray(), lgEs = sim.column("lgE").toDoubleArray();
        for (int k = 0; k < w.length; k++) {
            assertTrue(w[k] >= 0 && Double.isFinite(w[k]), "weight " + w[k]);
            if (lgEs[k] < 15.0) {
                assertEquals(0.0, w[k], "outside the true range");
            }
        }
        Map<String, ?> summary = ctx.summaries.get("mass_group_summary");
        assertEquals("lsq", summary.get("method"));
        assertEquals(60_000L, summary.get("measured_showers"));
    }

    @Test
    void runsAreBitIdentical() throws Exception {
        FakeStepContext a = run(), b = run();
        for (String t : a.tables.keySet()) {
            assertEquals(a.tables.get(t), b.tables.get(t), t);
        }
        assertEquals(((UnfoldingResult) a.outputs.get("all_particle")).acceptanceCorrected(),
                ((UnfoldingResult) b.outputs.get("all_particle")).acceptanceCorrected());
    }

    @Test
    void anUnknownUnfolderIsNamedWithTheInstalledOnes() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new MassGroupUnfoldingStep(
                LeastSquaresUnfolder.CATALOG, settings("gold")).run(new FakeStepContext(1).input("samples", SAMPLES)));
        assertTrue(e.getMessage().contains("no unfolder 'gold' is installed; installed: lsq"), e.getMessage());
    }

    @Test
    void settingsAreChecked() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> new MassGroupUnfoldingSettings("data", "simulation", Map.of(), Map.of(), 40, 3.9, 7.9, 32, 3.4,
                        6.6, 5, 13.0, 17.5, 2.0, 14.0, 18.0, 16.5, 2.7, "gold", Map.of(), 26015.5, 45, 1e7, 2.7,
                        InjectedSpectra.NONE, "composition_weight"));
        assertTrue(e.getMessage().contains("inside the generation range [14.0, 18.0]"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
                () -> new MassGroupUnfoldingSettings("data", "simulation", Map.of(), Map.of(), 40, 3.9, 7.9, 32, 3.4,
                        6.6, 5, 15.0, 17.5, 2.0, 14.0, 18.0, 16.5, 2.7, "gold", Map.of(), 26015.5, 45, Double.NaN, 2.7,
                        InjectedSpectra.NONE, "composition_weight"));
        assertTrue(e.getMessage().contains("must be finite and > 0 but was NaN"), e.getMessage());
    }
}
