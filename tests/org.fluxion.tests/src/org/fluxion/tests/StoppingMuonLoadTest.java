package org.fluxion.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fluxion.api.artifact.PlotRenderer;
import org.fluxion.app.FluxionCommand;
import org.fluxion.core.StepCatalog;
import org.fluxion.synth.StoppingMuonSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic stopping-muon samples load inside the framework with the seed's inputs/keys/model
 * semantics, from the flat layout and from the hdfwriter layout, and both give the same histograms.
 */
class StoppingMuonLoadTest {

    private static String config(String suffix, boolean hdfwriter) {
        String reco = hdfwriter ? "DNNStoppingMuonReco/" : "";
        String length = hdfwriter ? reco + "propagation_length" : "reco_propagation_length";
        String score = hdfwriter ? reco + "stopping_score" : "stopping_score";
        String model = hdfwriter ? "FluxWeights/GaisserH3aWeight" : "GaisserH3aWeight";
        return """
                unique_name: load_%1$s
                output_path: runs
                steps:
                  - id: load
                    use: load_hdf5
                    with:
                      inputs:
                        mc:    {path: data/stopping_muons_mc%2$s.h5, type: MC, level: L2}
                        data:  {path: data/stopping_muons_data%2$s.h5, type: data, read_livetime: true}
                        mc_l0: {path: data/stopping_muons_mc_l0%2$s.h5, type: MC, level: L0}
                      keys:
                        MC:   [[reco_length, %3$s], [score, %4$s]]
                        data: [[reco_length, %3$s], [score, %4$s]]
                        mc_l0: [[true_length, %6$s]]
                      model: %5$s
                      cut_exceptions: [mc_l0]
                  - id: hist_rate
                    use: histogram
                    in: {samples: load.samples}
                    with:
                      samples: [mc]
                      select: {score: [0.7]}
                      histograms:
                        - {name: reco_length, column: reco_length, bins: 40, min: 1000, max: 9000, weight: weight}
                  - id: hist
                    use: histogram
                    in: {samples: load.samples}
                    with:
                      samples: [mc, data]
                      select: {score: [0.7]}
                      histograms:
                        - {name: reco_length_events, column: reco_length, bins: 40, min: 1000, max: 9000}
                """.formatted(suffix, hdfwriter ? "_hdfwriter" : "", length, score, model,
                hdfwriter ? "StoppingMuonLabels/propagation_length" : "true_propagation_length");
    }

    @Test
    void flatAndHdfwriterLayoutsGiveTheSameHistograms(@TempDir Path dir) throws Exception {
        StoppingMuonSamples.Files files = StoppingMuonSamples.write(dir.resolve("data"), 11,
                StoppingMuonSamples.Size.SMALL, 2);
        Files.writeString(dir.resolve("flat.yaml"), config("flat", false));
        Files.writeString(dir.resolve("hdfwriter.yaml"), config("hdfwriter", true));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        FluxionCommand cmd = new FluxionCommand(OsgiServices.await(StepCatalog.class).snapshot(), null,
                OsgiServices.await(PlotRenderer.class), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(),
                new AtomicBoolean());
        for (String c : List.of("flat.yaml", "hdfwriter.yaml")) {
            assertEquals(0, cmd.execute(List.of("run", dir.resolve(c).toString())), c + ": " + err);
        }
        for (String table : List.of("hist_rate/mc_reco_length_bins.csv", "hist/data_reco_length_events_bins.csv",
                "hist/mc_reco_length_events_bins.csv")) {
            String flat = Files.readString(dir.resolve("runs/load_flat/steps/" + table));
            String hdfw = Files.readString(dir.resolve("runs/load_hdfwriter/steps/" + table));
            assertEquals(flat, hdfw, table);
        }
        String flow = Files.readString(dir.resolve("runs/load_flat/steps/hist/cut_flow.csv"));
        assertTrue(flow.contains("data,all rows," + files.dataEvents() + ","), flow);
        String prov = Files.readString(dir.resolve("runs/load_hdfwriter/provenance.json"));
        assertTrue(prov.contains("stopping_muons_mc_l0_hdfwriter.h5"), "input hashed in provenance");
    }
}
