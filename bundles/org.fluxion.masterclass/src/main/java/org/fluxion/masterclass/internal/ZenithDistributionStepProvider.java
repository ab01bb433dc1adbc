package org.fluxion.masterclass.internal;

import java.util.List;

import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code zenith_distribution} step: the zenith-angle histogram of each sample with the
 * sinθ·cosθ expectation of an isotropic flux on a flat detector, normalised to the events in the
 * range, and the data/expectation ratio. Stateless and thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + ZenithDistributionStepProvider.ID,
        StepProvider.STEP_TITLE + "=" + ZenithDistributionStepProvider.TITLE })
public final class ZenithDistributionStepProvider implements StepProvider<ZenithDistributionSettings> {
    /** The stable step id. */
    public static final String ID = "zenith_distribution";
    /** The step title. */
    public static final String TITLE = "Zenith angle with the sin·cos expectation";

    private static final StepDescriptor<ZenithDistributionSettings> DESCRIPTOR = new StepDescriptor<>(ID, TITLE,
            "Histograms the zenith angle with the sin(theta)cos(theta) expectation of an isotropic flux on a flat "
                    + "detector, normalised to the events in the range, and plots data/expectation.",
            List.of(Port.of(KcdcUnitsStepProvider.SAMPLES, SampleSet.class, "samples with a zenith column (deg)")),
            List.of(), ZenithDistributionSettings.class);

    @Override
    public StepDescriptor<ZenithDistributionSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(ZenithDistributionSettings settings) {
        return new ZenithDistributionStep(settings);
    }
}
