package org.fluxion.unfolding.internal;

import java.util.List;

import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Step {@code unfold}: event-level unfolding of a proxy column of the data into the true binning of
 * an MC truth column, with any installed unfolder; settings {@link UnfoldSettings}. Thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + UnfoldStepProvider.ID,
        StepProvider.STEP_TITLE + "=Unfold (event level)" })
public final class UnfoldStepProvider implements StepProvider<UnfoldSettings> {
    /** The stable step id. */
    public static final String ID = "unfold";
    /** Input port: the samples. */
    public static final String SAMPLES = "samples";
    /** Output port: the unfolding result. */
    public static final String RESULT = "result";
    /** Output port: the true binning. */
    public static final String TRUE_BINNING = "true_binning";

    private static final StepDescriptor<UnfoldSettings> DESCRIPTOR = new StepDescriptor<>(ID, "Unfold (event level)",
            "Fills the response from an MC sample (proxy vs truth column, optional weights, reweighting and generation "
                    + "efficiencies) and unfolds the data sample's proxy distribution, or a test split of the MC for "
                    + "a closure test, with any installed unfolder.",
            List.of(Port.of(SAMPLES, SampleSet.class, "the event samples (mc with truth, data)")),
            List.of(Port.of(RESULT, UnfoldingResult.class, "the unfolding result (selected events per true bin, "
                    + "acceptance corrected when the generation spectrum is known)"),
                    Port.of(TRUE_BINNING, Binning.class, "the true binning, in the truth column's units")),
            UnfoldSettings.class);
    private final UnfolderCatalog catalog;

    @Activate
    public UnfoldStepProvider(@Reference UnfolderCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public StepDescriptor<UnfoldSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(UnfoldSettings settings) {
        return new UnfoldStep(catalog, settings);
    }
}
