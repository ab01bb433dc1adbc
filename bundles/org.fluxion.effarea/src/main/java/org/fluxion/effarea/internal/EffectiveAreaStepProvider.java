package org.fluxion.effarea.internal;

import java.util.List;

import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code effective_area} step: A_eff per bin of the propagation length or the surface energy
 * from the L0 and the selected MC, with bootstrap errors, an optional flux-model systematic, zenith
 * bands and reloading. Stateless and thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + EffectiveAreaStepProvider.ID,
        StepProvider.STEP_TITLE + "=" + EffectiveAreaStepProvider.TITLE })
public final class EffectiveAreaStepProvider implements StepProvider<EffectiveAreaSettings> {
    /** The stable step id. */
    public static final String ID = "effective_area";
    /** The step title. */
    public static final String TITLE = "Effective area (propagation length or surface energy)";
    /** Input port: the samples after cuts. */
    public static final String SAMPLES = "samples";
    /** Output port: the effective area. */
    public static final String OUTPUT = "effective_area";

    private static final StepDescriptor<EffectiveAreaSettings> DESCRIPTOR = new StepDescriptor<>(ID, TITLE,
            "Effective area A_eff = A_gen * (selected MC rate) / (L0 rate in the bin's zenith band) per bin of the true "
                    + "propagation length or surface energy, with bootstrap errors, the zenith band and solid angle per "
                    + "bin, and an optional flux-model systematic; load: true reuses the previous run's result.",
            List.of(Port.of(SAMPLES, SampleSet.class, "samples after cuts: the L0 MC (a cut exception) and the selected MC")),
            List.of(Port.of(OUTPUT, EffectiveArea.class, "A_eff per true bin, m², with errors and zenith bands")),
            EffectiveAreaSettings.class);

    @Override
    public StepDescriptor<EffectiveAreaSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(EffectiveAreaSettings settings) {
        return new EffectiveAreaStep(settings);
    }
}
