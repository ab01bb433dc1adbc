package org.fluxion.recocheck.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.data.Selection;
import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.io.hdf5.Hdf5InputSettings;
import org.fluxion.io.hdf5.Hdf5LoadSettings;
import org.fluxion.io.hdf5.Hdf5SampleReader;
import org.fluxion.synth.StoppingMuonSamples;

/**
 * The SMALL synthetic stopping-muon samples (org.fluxion.synth), read back by the HDF5 loader with the
 * standard configuration's column names, before and after a simple analysis cut (score >= 0.7).
 */
final class SyntheticSamples {
    static final List<List<String>> MC_KEYS = List.of(List.of("true_length", "true_propagation_length"),
            List.of("true_energy", "true_surface_energy"), List.of("true_zenith", "true_zenith"),
            List.of("true_class", "true_class"), List.of("n_muons", "n_muons"), List.of("n_stopping", "n_stopping"),
            List.of("true_stop_z", "true_stop_z"), List.of("reco_length", "reco_propagation_length"),
            List.of("reco_log_energy", "reco_log10_energy"), List.of("reco_zenith", "reco_zenith"),
            List.of("reco_stop_x", "reco_stop_x"), List.of("reco_stop_y", "reco_stop_y"),
            List.of("reco_stop_z", "reco_stop_z"), List.of("score", "stopping_score"),
            List.of("multiplicity", "multiplicity"), List.of("fss", "filter_fss"), List.of("muon_filter", "filter_muon"),
            List.of("one_weight", "one_weight"), List.of("GaisserH3aWeight", "GaisserH3aWeight"),
            List.of("GaisserH4aWeight", "GaisserH4aWeight"), List.of("GlobalFitGSTWeight", "GlobalFitGSTWeight"));
    static final List<List<String>> DATA_KEYS = List.of(List.of("reco_length", "reco_propagation_length"),
            List.of("reco_log_energy", "reco_log10_energy"), List.of("reco_zenith", "reco_zenith"),
            List.of("reco_stop_x", "reco_stop_x"), List.of("reco_stop_y", "reco_stop_y"),
            List.of("reco_stop_z", "reco_stop_z"), List.of("score", "stopping_score"),
            List.of("multiplicity", "multiplicity"), List.of("fss", "filter_fss"), List.of("muon_filter", "filter_muon"));

    /** @param uncut samples before the cut @param cut after score >= 0.7 */
    record Sets(SampleSet uncut, SampleSet cut) {
    }

    private SyntheticSamples() {
    }

    static Sets load(Path dir, long seed) throws IOException, InputException {
        StoppingMuonSamples.Files f = StoppingMuonSamples.write(dir, seed, StoppingMuonSamples.Size.SMALL, 2);
        Map<String, Hdf5InputSettings> inputs = new LinkedHashMap<>();
        inputs.put("mc", Hdf5InputSettings.of(Hdf5InputSettings.Type.MC, f.mc().toString()));
        inputs.put("data", Hdf5InputSettings.of(Hdf5InputSettings.Type.DATA, f.data().toString()).withReadLivetime());
        Hdf5LoadSettings settings = Hdf5LoadSettings.of(inputs).withKeys("MC", MC_KEYS).withKeys("data", DATA_KEYS)
                .withModel("GaisserH3aWeight");
        List<EventTable> tables = new ArrayList<>();
        for (Map.Entry<String, Hdf5InputSettings> e : inputs.entrySet()) {
            tables.add(Hdf5SampleReader.read(e.getKey(), List.of(Path.of(e.getValue().path().get(0))), e.getValue(),
                    settings, 2, ProgressMonitor.NONE, w -> { }));
        }
        SampleSet uncut = SampleSet.of(tables);
        List<EventTable> cut = new ArrayList<>();
        for (EventTable t : tables) {
            Selection sel = t.where(i -> t.column("score").getDouble(i) >= 0.7);
            cut.add(t.select(sel));
        }
        return new Sets(uncut, SampleSet.of(cut));
    }
}
