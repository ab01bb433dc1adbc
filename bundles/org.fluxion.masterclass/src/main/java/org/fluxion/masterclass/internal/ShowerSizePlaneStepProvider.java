package org.fluxion.masterclass.internal;

import java.util.List;

import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code shower_size_plane} step: the lg(Ne)–lg(Nμ) plane of the data with the regions of
 * simulated light and heavy primaries outlined on top. Stateless and thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + ShowerSizePlaneStepProvider.ID,
        StepProvider.STEP_TITLE + "=" + ShowerSizePlaneStepProvider.TITLE })
public final class ShowerSizePlaneStepProvider implements StepProvider<ShowerSizePlaneSettings> {
    /** The stable step id. */
    public static final String ID = "shower_size_plane";
    /** The step title. */
    public static final String TITLE = "Electron-muon plane with simulated primaries";

    private static final StepDescriptor<ShowerSizePlaneSettings> DESCRIPTOR = new StepDescriptor<>(ID, TITLE,
            "The lg(Ne)-lg(Nmu) plane of the data as a colour map with the 90 % regions of simulated primaries "
                    + "(e.g. p and Fe) outlined, the regions of all primaries together, and the fraction of the "
                    + "data inside each region.",
            List.of(Port.of(KcdcUnitsStepProvider.SAMPLES, SampleSet.class,
                    "KCDC samples with lg(E/eV) energies and lg sizes")), List.of(), ShowerSizePlaneSettings.class);

    @Override
    public StepDescriptor<ShowerSizePlaneSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(ShowerSizePlaneSettings settings) {
        return new ShowerSizePlaneStep(settings);
    }
}
