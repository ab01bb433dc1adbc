package org.fluxion.masterclass.internal;

import java.util.List;

import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code energy_estimator} step: the KCDC energy estimator computed for the simulation, with
 * its bias and resolution per primary versus the true energy. Stateless and thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + EnergyEstimatorStepProvider.ID,
        StepProvider.STEP_TITLE + "=" + EnergyEstimatorStepProvider.TITLE })
public final class EnergyEstimatorStepProvider implements StepProvider<EnergyEstimatorSettings> {
    /** The stable step id. */
    public static final String ID = "energy_estimator";
    /** The step title. */
    public static final String TITLE = "KCDC energy estimator: bias and resolution";

    private static final StepDescriptor<EnergyEstimatorSettings> DESCRIPTOR = new StepDescriptor<>(ID, TITLE,
            "Computes lg(E/eV) = 10.83 + 0.347 lgNe + 0.609 lgNmu + 1.29 (sec(theta) - 1) for the simulation and "
                    + "plots its bias and resolution per primary versus the true energy; checks the data's energy "
                    + "column against the same relation.",
            List.of(Port.of(KcdcUnitsStepProvider.SAMPLES, SampleSet.class,
                    "KCDC samples with lg(E/eV) energies and lg sizes")), List.of(), EnergyEstimatorSettings.class);

    @Override
    public StepDescriptor<EnergyEstimatorSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(EnergyEstimatorSettings settings) {
        return new EnergyEstimatorStep(settings);
    }
}
