package org.fluxion.systematics.internal;

import java.util.List;

import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.fluxion.systematics.SystematicBand;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Step {@code systematics}: detector sectors (cuts on reconstructions), per-sector effective areas,
 * per-sector unfoldings of the data, their flux ratios to the full sample and a systematic band;
 * settings {@link SystematicsSettings}. Thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + SystematicsStepProvider.ID,
        StepProvider.STEP_TITLE + "=Detector-sector systematics" })
public final class SystematicsStepProvider implements StepProvider<SystematicsSettings> {
    /** The stable step id. */
    public static final String ID = "systematics";
    /** Input port: the samples after cuts. */
    public static final String SAMPLES = "samples";
    /** Input port: the full detector's effective area. */
    public static final String EFFECTIVE_AREA = "effective_area";
    /** Input port: the full sample's unfolded spectrum (selected events per true bin). */
    public static final String UNFOLDED = "unfolded";
    /** Input port: the full sample's flux. */
    public static final String FLUX = "flux";
    /** Output port: the relative systematic band. */
    public static final String BAND = "band";

    private static final StepDescriptor<SystematicsSettings> DESCRIPTOR = new StepDescriptor<>(ID,
            "Detector-sector systematics",
            "Splits the detector into sectors by cuts on reconstructions, derives each sector's effective area, "
                    + "unfolds each sector's data with the sector's MC response and compares the sector fluxes with "
                    + "the full sample's: the spread beyond statistics is the systematic band.",
            List.of(Port.of(SAMPLES, SampleSet.class, "the samples after cuts (selected mc with truth, data)"),
                    Port.of(EFFECTIVE_AREA, EffectiveArea.class, "effective area of the full detector, m², with "
                            + "zenith bands"),
                    Port.of(UNFOLDED, Spectrum.class, "the full sample's unfolded spectrum (selected events per true bin)"),
                    Port.of(FLUX, Spectrum.class, "the full sample's flux (m-2 s-1 sr-1 per m of ice or per GeV)")),
            List.of(Port.of(BAND, SystematicBand.class, "relative systematic uncertainty per true bin (published "
                    + "with data_based)")),
            SystematicsSettings.class);
    private final UnfolderCatalog catalog;

    @Activate
    public SystematicsStepProvider(@Reference UnfolderCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public StepDescriptor<SystematicsSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(SystematicsSettings settings) {
        return new SystematicsStep(catalog, settings);
    }
}
