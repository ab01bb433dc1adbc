package org.fluxion.masterclass.internal;

import java.util.List;

import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code muon_electron_ratio} step: the per-event ratio lgNμ/lgNe (and lgNe/lgNμ), its
 * histogram with a Gaussian fit for the data and for each simulated primary, and its mean
 * versus energy. Stateless and thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + MuonElectronRatioStepProvider.ID,
        StepProvider.STEP_TITLE + "=" + MuonElectronRatioStepProvider.TITLE })
public final class MuonElectronRatioStepProvider implements StepProvider<MuonElectronRatioSettings> {
    /** The stable step id. */
    public static final String ID = "muon_electron_ratio";
    /** The step title. */
    public static final String TITLE = "Muon/electron ratio with Gaussian fits";

    private static final StepDescriptor<MuonElectronRatioSettings> DESCRIPTOR = new StepDescriptor<>(ID, TITLE,
            "Histograms the per-event ratio lgNmu/lgNe (and lgNe/lgNmu) of the data and of each simulated primary, "
                    + "fits a Gaussian (unbinned maximum likelihood: mu, sigma with errors) and plots the mean "
                    + "ratio versus energy.",
            List.of(Port.of(KcdcUnitsStepProvider.SAMPLES, SampleSet.class,
                    "KCDC samples with lg(E/eV) energies and lg sizes")), List.of(), MuonElectronRatioSettings.class);

    @Override
    public StepDescriptor<MuonElectronRatioSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(MuonElectronRatioSettings settings) {
        return new MuonElectronRatioStep(settings);
    }
}
