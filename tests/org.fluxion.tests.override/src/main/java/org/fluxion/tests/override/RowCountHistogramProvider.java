package org.fluxion.tests.override;

import java.util.List;

import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Setting;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.osgi.service.component.annotations.Component;

/**
 * Replaces the {@code histogram} step by a row-count table (an experiment's "quick look"):
 * same id, higher ranking.
 */
@Component(service = StepProvider.class, enabled = false, property = { StepProvider.STEP_ID + "=histogram",
        StepProvider.STEP_TITLE + "=Row counts (example override)", "service.ranking:Integer=100" })
public final class RowCountHistogramProvider implements StepProvider<RowCountHistogramProvider.RowCountSettings> {

    /** @param table name of the table artifact */
    public record RowCountSettings(@Setting(description = "name of the row-count table", defaultValue = "row_counts")
    String table) {
    }

    @Override
    public StepDescriptor<RowCountSettings> descriptor() {
        return new StepDescriptor<>("histogram", "Row counts (example override)",
                "Counts the rows of every sample; shows how an experiment bundle replaces a step.",
                List.of(Port.of("samples", SampleSet.class, "the samples to count")), List.of(),
                RowCountSettings.class);
    }

    @Override
    public Step create(RowCountSettings settings) {
        return ctx -> {
            TableArtifact.Builder t = TableArtifact.builder().column("sample", "").column("rows", "");
            for (EventTable s : ctx.input("samples", SampleSet.class).tables()) {
                t.row(s.name(), s.rowCount());
            }
            ctx.artifacts().table(settings.table(), t.build());
        };
    }
}
