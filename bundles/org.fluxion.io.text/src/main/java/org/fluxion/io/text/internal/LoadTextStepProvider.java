package org.fluxion.io.text.internal;

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
import org.fluxion.io.text.TextLoadSettings;
import org.fluxion.io.text.TextSampleSettings;
import org.fluxion.io.text.TextTableReader;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code load_text} step: reads the configured samples from KCDC-style text files into a
 * {@link SampleSet} on output port {@code samples}. Stateless and thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + LoadTextStepProvider.ID,
        StepProvider.STEP_TITLE + "=Load text samples" })
public final class LoadTextStepProvider implements StepProvider<TextLoadSettings> {
    /** The step id. */
    public static final String ID = "load_text";
    /** The output port. */
    public static final String OUT_SAMPLES = "samples";

    private static final StepDescriptor<TextLoadSettings> DESCRIPTOR = new StepDescriptor<>(ID, "Load text samples",
            "Reads KCDC ASCII / CSV files (header line, one event per line) into typed columns, one table per sample.",
            List.of(), List.of(Port.of(OUT_SAMPLES, SampleSet.class, "the loaded samples, in configuration order")),
            TextLoadSettings.class);

    @Override
    public StepDescriptor<TextLoadSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(TextLoadSettings settings) {
        return context -> {
            List<EventTable> tables = new ArrayList<>();
            for (Map.Entry<String, TextSampleSettings> e : settings.samples().entrySet()) {
                TextSampleSettings s = e.getValue();
                List<Path> files = TextTableReader.expand(context.inputFile(s.path()));
                List<Path> recorded = new ArrayList<>();
                for (Path f : files) {
                    // record every matched file for the provenance hashes (absolute paths resolve to themselves)
                    recorded.add(files.size() == 1 ? f : context.inputFile(f.toAbsolutePath().toString()));
                }
                tables.add(TextTableReader.read(e.getKey(), recorded, s, context.parallelism(), context.progress(),
                        context::warn));
            }
            context.output(OUT_SAMPLES, SampleSet.of(tables));
        };
    }
}
