package org.fluxion.spectrum.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.RatioPanel;
import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.osgi.service.component.annotations.Component;

/**
 * Step {@code flux}: normalises an unfolding result to a differential flux with area, solid angle,
 * livetime and bin width ({@link FluxSettings}); writes the flux table, its covariance, a summary
 * and the E^k-weighted plot. Stateless, thread-safe.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=" + FluxStepProvider.ID,
        StepProvider.STEP_TITLE + "=Differential flux" })
public final class FluxStepProvider implements StepProvider<FluxSettings> {
    /** The stable step id. */
    public static final String ID = "flux";
    /** Input port: the unfolding result. */
    public static final String RESULT = "result";
    /** Optional input port: samples, for the livetime attribute. */
    public static final String SAMPLES = "samples";
    /** Output port: the flux. */
    public static final String SPECTRUM = "spectrum";

    private static final StepDescriptor<FluxSettings> DESCRIPTOR = new StepDescriptor<>(ID, "Differential flux",
            "Normalises unfolded events per true bin to a differential flux in m^-2 s^-1 sr^-1 GeV^-1 with area, solid "
                    + "angle, livetime and bin width, with the covariance; E^k-weighted plot, optional reference flux.",
            List.of(Port.of(RESULT, UnfoldingResult.class, "unfolding result (acceptance corrected when available)"),
                    Port.optional(SAMPLES, SampleSet.class, "samples, for the livetime attribute")),
            List.of(Port.of(SPECTRUM, Spectrum.class, "flux per energy bin (GeV) with covariance, "
                    + FluxNormalisation.UNIT)),
            FluxSettings.class);

    @Override
    public StepDescriptor<FluxSettings> descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Step create(FluxSettings settings) {
        return ctx -> run(ctx, settings);
    }

    private static void run(StepContext ctx, FluxSettings s) {
        UnfoldingResult r = ctx.input(RESULT, UnfoldingResult.class);
        double livetime = s.livetimeS();
        if (Double.isNaN(livetime)) {
            if (!ctx.hasInput(SAMPLES)) {
                throw new InvalidSettingsException("livetime_sample", "livetime_s is not given and the samples input "
                        + "is not connected, so the livetime of sample '" + s.livetimeSample() + "' cannot be read");
            }
            EventTable t;
            try {
                t = ctx.input(SAMPLES, SampleSet.class).get(s.livetimeSample());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException("livetime_sample", e.getMessage());
            }
            livetime = t.numberAttribute(s.livetimeAttribute(), Double.NaN);
            if (!(livetime > 0) || Double.isInfinite(livetime)) {
                throw new InvalidSettingsException("livetime_attribute", "sample '" + t.name() + "' attribute '"
                        + s.livetimeAttribute() + "' must be a finite livetime > 0 in s but was "
                        + t.attributes().get(s.livetimeAttribute()) + "; attributes: " + t.attributes().keySet());
            }
        }
        Spectrum events = r.acceptanceCorrected();
        boolean corrected = events != null;
        if (!corrected) {
            events = r.estimate();
            ctx.warn("the unfolding result has no acceptance correction (no efficiencies were given to the unfolding): "
                    + "the flux counts selected events only and is too low wherever the selection is not fully efficient");
        }
        double omega = s.effectiveSolidAngle();
        FluxNormalisation norm = new FluxNormalisation(s.energyScale(), s.areaM2(), omega, livetime);
        Spectrum flux = norm.apply(events);
        ctx.output(SPECTRUM, flux);

        Binning eb = flux.binning(), tb = events.binning();
        boolean ref = s.reference() != ReferenceModel.NONE;
        TableArtifact.Builder t = TableArtifact.builder().column("true_low", "").column("true_high", "")
                .column("E_low", "GeV").column("E_high", "GeV").column("E_centre", "GeV").column("events", "")
                .column("events_error", "").column("flux", FluxNormalisation.UNIT).column("flux_error", FluxNormalisation.UNIT);
        if (ref) {
            t.column("reference_flux", FluxNormalisation.UNIT);
        }
        for (int j = 0; j < eb.bins(); j++) {
            List<Object> row = new ArrayList<>(List.of(tb.edge(j), tb.edge(j + 1), eb.edge(j), eb.edge(j + 1), eb.centre(j),
                    events.value(j), events.uncertainty(j), flux.value(j), flux.uncertainty(j)));
            if (ref) {
                row.add(s.reference().binAverage(eb.edge(j), eb.edge(j + 1)));
            }
            t.row(row.toArray());
        }
        ctx.artifacts().table("flux_bins", t.build());
        double[][] cov = flux.covariance();
        TableArtifact.Builder c = TableArtifact.builder().column("bin", "");
        for (int j = 0; j < eb.bins(); j++) {
            c.column("cov_" + j, "(" + FluxNormalisation.UNIT + ")^2");
        }
        for (int i = 0; i < eb.bins(); i++) {
            Object[] row = new Object[eb.bins() + 1];
            row[0] = i;
            for (int j = 0; j < eb.bins(); j++) {
                row[j + 1] = cov[i][j];
            }
            c.row(row);
        }
        ctx.artifacts().table("flux_covariance", c.build());

        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("area_m2", s.areaM2());
        sm.put("solid_angle_sr", omega);
        sm.put("solid_angle", Double.isNaN(s.solidAngleSr()) ? (s.horizontalArea()
                ? "projected pi(sin^2 max - sin^2 min), zenith " + s.zenithMinDeg() + "-" + s.zenithMaxDeg() + " deg"
                : "2pi(cos min - cos max), zenith " + s.zenithMinDeg() + "-" + s.zenithMaxDeg() + " deg") : "given");
        sm.put("livetime_s", livetime);
        sm.put("energy_scale", s.energyScale().name().toLowerCase(java.util.Locale.ROOT));
        sm.put("acceptance_corrected", corrected);
        sm.put("unit", FluxNormalisation.UNIT);
        sm.put("unfolding_method", r.diagnostics().method());
        ctx.artifacts().summary("flux_summary", sm);

        double k = s.weightExponent();
        // bins consistent with zero (σ ≥ Φ, e.g. pinned to 0 by the unfolder) stay in the table, not in the plot
        List<Point> pts = WeightedFlux.points(flux, k, 1.0);
        if (pts.isEmpty()) {
            ctx.warn("no energy bin has a positive flux: nothing to plot");
            return;
        }
        PlotSpec.Builder p = PlotSpec.builder("All-particle flux (unfolded with " + r.diagnostics().method() + ")",
                WeightedFlux.energyAxis(), WeightedFlux.rangeFor(WeightedFlux.axis(k), pts))
                .add(new PointSeries("Unfolded" + (corrected ? "" : " (no acceptance correction)"), pts));
        if (ref) {
            List<Point> curve = new ArrayList<>();
            double lo = Math.log10(eb.low()), hi = Math.log10(eb.high());
            for (int q = 0; q <= 200; q++) {
                double e = Math.pow(10, lo + (hi - lo) * q / 200);
                curve.add(Point.of(e, Math.pow(e, k) * s.reference().flux(e)));
            }
            p.add(new LineSeries(referenceLabel(s.reference()), curve, true));
            List<Point> ratio = new ArrayList<>();
            for (int j = 0; j < eb.bins(); j++) {
                double rf = s.reference().binAverage(eb.edge(j), eb.edge(j + 1));
                if (flux.value(j) > 0 && flux.uncertainty(j) < flux.value(j) && rf > 0) {
                    double e = flux.uncertainty(j) / rf;
                    ratio.add(new Point(eb.centre(j), flux.value(j) / rf, 0, e, e));
                }
            }
            p.ratio(new RatioPanel(Axis.linear("Unfolded / injected", "").withRange(0.5, 1.5),
                    List.of(new PointSeries("", ratio)), 1.0));
        }
        ctx.artifacts().plot("flux", p.build());
    }

    private static String referenceLabel(ReferenceModel m) {
        return m == ReferenceModel.KASCADE_SYNTHETIC ? "Injected model (synthetic)" : m.name();
    }
}
