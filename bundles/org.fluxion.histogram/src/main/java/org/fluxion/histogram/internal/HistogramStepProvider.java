package org.fluxion.histogram.internal;

import java.util.List;

import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code histogram} step: fills 1-D and 2-D histograms of any columns of the input samples
 * after an optional range selection, and writes plots, bin tables and a cut flow. Stateless and
 * thread-safe; settings are {@link HistogramSettings}.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + HistogramStepProvider.ID,
        StepProvider.STEP_TITLE + "=" + HistogramStepProvider.TITLE })
public final class HistogramStepProvider implements StepProvider<HistogramSettings> {
    /** The stable step id. */
    public static final String ID = "histogram";
    /** The step title. */
    public static final String TITLE = "Histograms";
    /** Name of the input port. */
    public static final String SAMPLES = "samples";

    private static final StepDescriptor<HistogramSettings> DESCRIPTOR = new StepDescriptor<>(ID, TITLE,
            "Fills 1-D and 2-D histograms of any columns (optionally weighted and split by a group column) "
                    + "after a range selection, and writes plots, bin tables and the cut flow.",
            List.of(Port.of(SAMPLES, SampleSet.class, "the event samples to histogram")), List.of(),
            HistogramSettings.class);

    @Override
    public StepDescriptor<HistogramSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(HistogramSettings settings) {
        return new HistogramStep(settings);
    }
}
