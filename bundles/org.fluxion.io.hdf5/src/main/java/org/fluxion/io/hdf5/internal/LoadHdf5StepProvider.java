package org.fluxion.io.hdf5.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.fluxion.io.hdf5.Hdf5InputSettings;
import org.fluxion.io.hdf5.Hdf5LoadSettings;
import org.fluxion.io.hdf5.Hdf5SampleReader;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code load_hdf5} step: reads the configured {@code inputs} from HDF5 files (flat layout,
 * IceCube hdfwriter tables, pandas HDFStore) into a {@link SampleSet} on output port {@code samples}.
 * Every input is read completely before anything is published, so a bad input leaves no output.
 * Stateless and thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + LoadHdf5StepProvider.ID,
        StepProvider.STEP_TITLE + "=Load HDF5 samples" })
public final class LoadHdf5StepProvider implements StepProvider<Hdf5LoadSettings> {
    /** The step id. */
    public static final String ID = "load_hdf5";
    /** The output port. */
    public static final String OUT_SAMPLES = "samples";

    private static final StepDescriptor<Hdf5LoadSettings> DESCRIPTOR = new StepDescriptor<>(ID, "Load HDF5 samples",
            "Reads event samples (flat layout, IceCube hdfwriter tables, pandas HDFStore) into typed columns: the "
                    + "configured keys, the flux-model weight, livetime and generation metadata.",
            List.of(), List.of(Port.of(OUT_SAMPLES, SampleSet.class, "the loaded samples, in configuration order")),
            Hdf5LoadSettings.class);

    @Override
    public StepDescriptor<Hdf5LoadSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(Hdf5LoadSettings settings) {
        return context -> {
            List<EventTable> tables = new ArrayList<>();
            for (Map.Entry<String, Hdf5InputSettings> e : settings.inputs().entrySet()) {
                List<Path> files = new ArrayList<>();
                for (String p : e.getValue().path()) {
                    Path resolved = context.inputFile(p);
                    List<Path> matched = Hdf5SampleReader.expand(resolved);
                    for (Path f : matched) {
                        // every matched file is recorded for the provenance hashes
                        files.add(matched.size() == 1 && f.equals(resolved) ? f
                                : context.inputFile(f.toAbsolutePath().toString()));
                    }
                }
                tables.add(Hdf5SampleReader.read(e.getKey(), files, e.getValue(), settings, context.parallelism(),
                        context.progress(), context::warn));
            }
            context.output(OUT_SAMPLES, SampleSet.of(tables));
        };
    }
}
