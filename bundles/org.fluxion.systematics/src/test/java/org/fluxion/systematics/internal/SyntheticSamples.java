package org.fluxion.systematics.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.data.EventTable;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.io.hdf5.Hdf5InputSettings;
import org.fluxion.io.hdf5.Hdf5LoadSettings;
import org.fluxion.io.hdf5.Hdf5SampleReader;
import org.fluxion.synth.StoppingMuonSamples;

/**
 * The SMALL synthetic stopping-muon samples (seed 2024), written once per test JVM to a temporary
 * folder by the product's generator and read back with the standard column names of the seed
 * configuration and the GaisserH3a model as {@code weight}.
 */
final class SyntheticSamples {
    static final long SEED = 2024;
    private static Map<String, EventTable> tables;

    private SyntheticSamples() {
    }

    /** @return mc, data and mc_l0 */
    static synchronized Map<String, EventTable> get() {
        if (tables == null) {
            try {
                tables = load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return tables;
    }

    private static Map<String, EventTable> load() throws Exception {
        Path dir = Files.createTempDirectory("fluxion-systematics-test");
        StoppingMuonSamples.Files f = StoppingMuonSamples.write(dir, SEED, StoppingMuonSamples.Size.SMALL, 2);
        List<List<String>> truth = List.of(List.of("true_length", "true_propagation_length"),
                List.of("true_energy", "true_surface_energy"), List.of("true_zenith", "true_zenith"));
        List<List<String>> reco = List.of(List.of("reco_length", "reco_propagation_length"),
                List.of("reco_log_energy", "reco_log10_energy"), List.of("reco_stop_z", "reco_stop_z"),
                List.of("score", "stopping_score"));
        List<List<String>> mc = new ArrayList<>(truth);
        mc.addAll(reco);
        Map<String, Hdf5InputSettings> in = new LinkedHashMap<>();
        in.put("mc", Hdf5InputSettings.of(Hdf5InputSettings.Type.MC, f.mc().toString()));
        in.put("data", Hdf5InputSettings.of(Hdf5InputSettings.Type.DATA, f.data().toString()).withReadLivetime());
        in.put("mc_l0", Hdf5InputSettings.of(Hdf5InputSettings.Type.MC, f.mcL0().toString())
                .withLevel(Hdf5InputSettings.Level.L0));
        Map<String, List<List<String>>> keys = new LinkedHashMap<>();
        keys.put("MC", mc);
        keys.put("data", reco);
        keys.put("mc_l0", truth);
        Hdf5LoadSettings settings = new Hdf5LoadSettings(in, keys, "GaisserH3aWeight", List.of("mc_l0"),
                Hdf5LoadSettings.MissingRows.DROP);
        Map<String, EventTable> out = new LinkedHashMap<>();
        for (Map.Entry<String, Hdf5InputSettings> e : in.entrySet()) {
            out.put(e.getKey(), Hdf5SampleReader.read(e.getKey(), List.of(Path.of(e.getValue().path().get(0))),
                    e.getValue(), settings, 2, ProgressMonitor.NONE, w -> { }));
        }
        return out;
    }
}
