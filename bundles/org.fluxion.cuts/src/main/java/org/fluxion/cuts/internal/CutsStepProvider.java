package org.fluxion.cuts.internal;

import java.util.List;

import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.fluxion.cuts.CutFlow;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code cuts} step: applies the filter mask and the analysis cuts to every sample except the
 * cut exceptions, and writes the cut flow. Stateless and thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + CutsStepProvider.ID,
        StepProvider.STEP_TITLE + "=" + CutsStepProvider.TITLE })
public final class CutsStepProvider implements StepProvider<CutsSettings> {
    /** The stable step id. */
    public static final String ID = "cuts";
    /** The step title. */
    public static final String TITLE = "Analysis cuts and cut flow";
    /** Input and output port of the samples. */
    public static final String SAMPLES = "samples";
    /** Output port of the cut flow. */
    public static final String CUT_FLOW = "cut_flow";

    private static final StepDescriptor<CutsSettings> DESCRIPTOR = new StepDescriptor<>(ID, TITLE,
            "Applies the filter mask and the analysis cuts to every sample except the cut exceptions "
                    + "and tabulates events and weighted rate after each cut.",
            List.of(Port.of(SAMPLES, SampleSet.class, "the samples to cut")),
            List.of(Port.of(SAMPLES, SampleSet.class,
                    "every sample, cut (zero-copy views) unless it is a cut exception"),
                    Port.of(CUT_FLOW, CutFlow.class, "events and weighted rate (Hz) after each cut, per sample")),
            CutsSettings.class);

    @Override
    public StepDescriptor<CutsSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(CutsSettings settings) {
        return new CutsStep(settings);
    }
}
