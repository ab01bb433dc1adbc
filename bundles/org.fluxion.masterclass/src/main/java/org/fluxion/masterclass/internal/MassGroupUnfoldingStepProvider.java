package org.fluxion.masterclass.internal;

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
 * The {@code mass_group_unfolding} step: the 2-D (lg Ne, lg Nμ) unfolding of the measured showers into
 * the energy spectra of the simulated mass groups, as KASCADE did, with any installed unfolder; settings
 * {@link MassGroupUnfoldingSettings}. Thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + MassGroupUnfoldingStepProvider.ID,
        StepProvider.STEP_TITLE + "=" + MassGroupUnfoldingStepProvider.TITLE })
public final class MassGroupUnfoldingStepProvider implements StepProvider<MassGroupUnfoldingSettings> {
    /** The stable step id. */
    public static final String ID = "mass_group_unfolding";
    /** The step title. */
    public static final String TITLE = "Mass-group spectra (2-D unfolding)";
    /** Input port: the samples. */
    public static final String SAMPLES = "samples";
    /** Output port: the unfolding over the flattened (mass group × lg E) true space. */
    public static final String MASS_GROUPS = "mass_groups";
    /** Output port: the all-particle sum on the lg E binning. */
    public static final String ALL_PARTICLE = "all_particle";
    /** Output port: the input samples with the simulation's composition weights added. */
    public static final String SAMPLES_OUT = "samples";
    /** Output port: the lg(E/eV) binning of every group. */
    public static final String TRUE_BINNING = "true_binning";

    private static final StepDescriptor<MassGroupUnfoldingSettings> DESCRIPTOR = new StepDescriptor<>(ID, TITLE,
            "Unfolds the measured lg(Ne)-lg(Nmu) plane into the energy spectra of the simulated primaries (p, He, CNO, "
                    + "Si, Fe) with a response and efficiencies per primary from the simulation, as KASCADE did with "
                    + "Gold; writes the flux per mass group and of all particles (their sum, with the full covariance).",
            List.of(Port.of(SAMPLES, SampleSet.class, "KCDC samples with lg(E/eV) energies and lg sizes")),
            List.of(Port.of(MASS_GROUPS, UnfoldingResult.class, "the unfolding over the flattened true space, bin "
                    + "g * lg_e_bins + j for group g (p, He, CNO, Si, Fe as present) and energy bin j"),
                    Port.of(ALL_PARTICLE, UnfoldingResult.class, "the all-particle sum of the groups per lg(E/eV) bin, "
                            + "acceptance corrected, with the covariance including the correlations between groups "
                            + "(connect to flux)"),
                    Port.of(TRUE_BINNING, Binning.class, "the lg(E/eV) binning"),
                    Port.of(SAMPLES_OUT, SampleSet.class, "the input samples, the simulation with a composition weight "
                            + "column that gives its showers the unfolded mass composition (for a 1-D unfold)")),
            MassGroupUnfoldingSettings.class);
    private final UnfolderCatalog catalog;

    @Activate
    public MassGroupUnfoldingStepProvider(@Reference UnfolderCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public StepDescriptor<MassGroupUnfoldingSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(MassGroupUnfoldingSettings settings) {
        return new MassGroupUnfoldingStep(catalog, settings);
    }
}
