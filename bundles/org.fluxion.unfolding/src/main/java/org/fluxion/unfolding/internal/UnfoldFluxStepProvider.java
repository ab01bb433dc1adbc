package org.fluxion.unfolding.internal;

import java.util.List;

import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Step {@code unfold_flux}: unfolds one quantity (propagation length or surface energy) of the
 * stopping-muon analysis and turns it into a flux with the effective area; settings
 * {@link UnfoldFluxSettings}. Thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + UnfoldFluxStepProvider.ID,
        StepProvider.STEP_TITLE + "=Unfolding to a flux" })
public final class UnfoldFluxStepProvider implements StepProvider<UnfoldFluxSettings> {
    /** The stable step id. */
    public static final String ID = "unfold_flux";
    /** Input port: the samples after cuts. */
    public static final String SAMPLES = "samples";
    /** Optional input port: the effective area of the same binning. */
    public static final String EFFECTIVE_AREA = "effective_area";
    /** Output port: selected events per true bin. */
    public static final String UNFOLDED = "unfolded";
    /** Output port (only with an effective area): the flux. */
    public static final String FLUX = "flux";

    private static final StepDescriptor<UnfoldFluxSettings> DESCRIPTOR = new StepDescriptor<>(ID, "Unfolding to a flux",
            "Unfolds the propagation length or surface energy of the data (or Poisson pseudo-data from a test split of "
                    + "the weighted MC) with an installed unfolder (llh by default: tau scan, MCMC, nuisance "
                    + "parameters) and divides by livetime, bin width, solid angle and effective area to a flux; "
                    + "pseudo-experiments for pulls and coverage; reloads a saved result.",
            List.of(Port.of(SAMPLES, SampleSet.class, "the event samples after cuts (mc with truth and weights, data)"),
                    Port.optional(EFFECTIVE_AREA, EffectiveArea.class, "effective area in the same true binning; "
                            + "without it there is no flux")),
            List.of(Port.of(UNFOLDED, Spectrum.class, "selected events per true bin, with covariance"),
                    Port.optional(FLUX, Spectrum.class, "the flux (m-2 s-1 sr-1 per m of ice or per GeV), with "
                            + "covariance; only with an effective area")),
            UnfoldFluxSettings.class);
    private final UnfolderCatalog catalog;

    @Activate
    public UnfoldFluxStepProvider(@Reference UnfolderCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public StepDescriptor<UnfoldFluxSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(UnfoldFluxSettings settings) {
        return new FluxUnfoldStep(catalog, settings);
    }
}
