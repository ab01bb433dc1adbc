package org.fluxion.recocheck.internal;

import java.util.List;

import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code reco_checks} step: the seed's "Reconstructions" block (score distribution, multiplicity,
 * truth-vs-reco correlations, data/MC agreement, mutual information). Stateless and thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + RecoChecksStepProvider.ID,
        StepProvider.STEP_TITLE + "=" + RecoChecksStepProvider.TITLE })
public final class RecoChecksStepProvider implements StepProvider<RecoChecksSettings> {
    /** The stable step id. */
    public static final String ID = "reco_checks";
    /** The step title. */
    public static final String TITLE = "Reconstruction checks";
    /** Input: the samples after the analysis cuts. */
    public static final String SAMPLES = "samples";
    /** Optional input: the samples before the analysis cuts. */
    public static final String UNCUT = "uncut";
    /** Optional output: the mutual-information scores (immutable {@code List<MiScore>}). */
    public static final String MI_SCORES = "mi_scores";

    private static final StepDescriptor<RecoChecksSettings> DESCRIPTOR = new StepDescriptor<>(ID, TITLE,
            "Checks the DNN reconstructions on MC and data: stopping-score distribution by true class with purity and "
                    + "efficiency vs the cut, multiplicities, truth vs reconstruction with bias and resolution, data vs "
                    + "MC for several flux models, and the mutual information of proxies with the unfolding targets.",
            List.of(Port.of(SAMPLES, SampleSet.class, "samples after the analysis cuts (MC with truth and weight, data "
                    + "with livetime_s)"),
                    Port.optional(UNCUT, SampleSet.class, "samples before the analysis cuts, for the score distribution "
                            + "and purity/efficiency; without it the cut samples are used")),
            List.of(new Port(MI_SCORES, List.class, "mutual information per observable and target (List<MiScore>, "
                    + "nats), when analyse_mi_scores is on", true)),
            RecoChecksSettings.class);

    @Override
    public StepDescriptor<RecoChecksSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(RecoChecksSettings settings) {
        return new RecoChecksStep(settings);
    }
}
