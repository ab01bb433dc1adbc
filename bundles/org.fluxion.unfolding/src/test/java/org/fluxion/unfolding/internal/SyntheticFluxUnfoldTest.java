package org.fluxion.unfolding.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.io.hdf5.Hdf5InputSettings;
import org.fluxion.io.hdf5.Hdf5LoadSettings;
import org.fluxion.io.hdf5.Hdf5SampleReader;
import org.fluxion.synth.StoppingMuonSamples;
import org.fluxion.testsupport.FakeStepContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** is_sim on the SMALL synthetic stopping-muon samples: the unfolded flux matches the injected (weighted) truth. */
class SyntheticFluxUnfoldTest {
    @Test
    void unfoldedFluxOfPseudoDataMatchesInjectedTruth(@TempDir Path dir) throws Exception {
        StoppingMuonSamples.Files f = StoppingMuonSamples.write(dir, 7, StoppingMuonSamples.Size.SMALL, 2);
        Hdf5LoadSettings load = Hdf5LoadSettings.of(Map.of("mc", Hdf5InputSettings.of(Hdf5InputSettings.Type.MC,
                f.mc().toString()))).withModel("GaisserH3aWeight").withKeys("MC", List.of(
                        List.of("true_length", "true_propagation_length"), List.of("reco_length", "reco_propagation_length"),
                        List.of("true_energy", "true_surface_energy"), List.of("reco_log_energy", "reco_log10_energy"),
                        List.of("GaisserH3aWeight", "GaisserH3aWeight"), List.of("GaisserH4aWeight", "GaisserH4aWeight")));
        EventTable mc = Hdf5SampleReader.read("mc", List.of(f.mc()), load.inputs().get("mc"), load, 1,
                ProgressMonitor.NONE, w -> { });
        for (String q : List.of("range", "energy")) {
            Map<String, Object> over = q.equals("range")
                    ? Map.of("is_sim", true, "min", 1500.0, "max", 6000.0, "bins", 6L, "log", true, "proxy_bins", 12L,
                            "sim_livetime_s", 0.3, "train_size", 8000.0, "test_size", 2000.0)
                    : Map.of("quantity", "energy", "is_sim", true, "min", 300.0, "max", 10000.0, "bins", 6L, "log", true,
                            "proxy_bins", 12L, "sim_livetime_s", 0.3, "train_size", 8000.0, "test_size", 2000.0);
            Binning tb = Binning.log10(6, ((Number) over.get("min")).doubleValue(), ((Number) over.get("max")).doubleValue());
            FakeStepContext ctx = FluxUnfoldStepTest.run(FluxUnfoldStepTest.settings(over), 2,
                    SampleSet.of(List.of(mc)), FluxUnfoldStepTest.flatArea(tb));
            Spectrum flux = (Spectrum) ctx.outputs.get(UnfoldFluxStepProvider.FLUX);
            TableArtifact t = ctx.tables.get("flux_bins");
            int col = t.headers().stream().map(TableArtifact.Header::name).toList().indexOf("flux_truth");
            double[] truth = new double[6];
            for (int j = 0; j < 6; j++) {
                truth[j] = ((Number) t.rows().get(j).get(col)).doubleValue();
            }
            double chi2 = Chi2.of(flux.values(), truth, flux.covariance());
            System.out.println(q + ": chi2 flux vs injected truth = " + chi2 + " / 6; flux " + java.util.Arrays.toString(
                    flux.values()) + " truth " + java.util.Arrays.toString(truth) + " inputs " + ctx.summaries.get("inputs"));
            assertTrue(chi2 < 6 + 4 * Math.sqrt(12), q + ": chi2 of the unfolded flux to the injected truth " + chi2);
        }
    }
}
