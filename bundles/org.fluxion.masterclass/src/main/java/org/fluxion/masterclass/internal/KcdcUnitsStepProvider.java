package org.fluxion.masterclass.internal;

import java.util.List;

import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code kcdc_units} step: detects per column whether KCDC energies are lg(E/eV) or lg(E/GeV)
 * and whether shower sizes are lg(N) or N, converts to lg(E/eV) and lg(N), and notes what it found.
 * Stateless and thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + KcdcUnitsStepProvider.ID,
        StepProvider.STEP_TITLE + "=" + KcdcUnitsStepProvider.TITLE })
public final class KcdcUnitsStepProvider implements StepProvider<KcdcUnitsSettings> {
    /** The stable step id. */
    public static final String ID = "kcdc_units";
    /** The step title. */
    public static final String TITLE = "KCDC units (lg eV or lg GeV)";
    /** Input and output port name. */
    public static final String SAMPLES = "samples";

    private static final StepDescriptor<KcdcUnitsSettings> DESCRIPTOR = new StepDescriptor<>(ID, TITLE,
            "Decides from the median whether KCDC energy columns are lg(E/eV) (median > 10) or lg(E/GeV), and "
                    + "whether size columns are lg(N) or N (median > 100); converts them to lg(E/eV) and lg(N) "
                    + "and records a note per column.",
            List.of(Port.of(SAMPLES, SampleSet.class, "the KCDC samples as loaded")),
            List.of(Port.of(SAMPLES, SampleSet.class, "the same samples with energies in lg(E/eV) and sizes in lg(N)")),
            KcdcUnitsSettings.class);

    @Override
    public StepDescriptor<KcdcUnitsSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(KcdcUnitsSettings settings) {
        return new KcdcUnitsStep(settings);
    }
}
