package org.fluxion.masterclass.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.HistogramSeries;
import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.Map2DSeries;
import org.fluxion.api.artifact.Marker;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.Histogram2D;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;

/**
 * One use of {@code energy_estimator}. For every simulated event Δ = lg E_est − lg E_true; per
 * primary and true-energy bin the bias is the mean of Δ (error: standard error of the mean) and the
 * resolution its standard deviation (error σ/√(2n)); unweighted, i.e. for the simulated spectrum
 * within each bin. Writes the plots {@code energy_bias}, {@code energy_resolution},
 * {@code energy_estimated_vs_true} and {@code energy_difference}, the tables
 * {@code energy_estimator_bins} and {@code energy_estimator_primaries} and the summary
 * {@code energy_estimator} (with the data check). Single-threaded.
 */
final class EnergyEstimatorStep implements Step {
    /** Cells per unit of lg E of the estimated-versus-true map. */
    static final int MAP_BINS_PER_DECADE = 20;
    private final EnergyEstimatorSettings settings;

    EnergyEstimatorStep(EnergyEstimatorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void run(StepContext context) {
        SampleSet in = context.input(KcdcUnitsStepProvider.SAMPLES, SampleSet.class);
        ShowerSample sim = ShowerSample.read(in, settings.simulation(), "simulation", settings.simulationColumns(),
                "simulation_columns", EnumSet.allOf(ShowerQuantity.class));
        ShowerSample data = settings.data().isEmpty() ? null
                : ShowerSample.read(in, settings.data(), "data", settings.dataColumns(), "data_columns",
                        EnumSet.of(ShowerQuantity.LG_E, ShowerQuantity.LG_NE, ShowerQuantity.LG_NMU,
                                ShowerQuantity.ZENITH));
        KcdcEnergyEstimator est = settings.estimator();
        Binning energies = settings.energyBinning();
        Binning diffs = settings.differenceBinning();
        context.progress().begin("energy estimator on sample '" + sim.name() + "'", sim.rows());

        double[] lgE = sim.values(ShowerQuantity.LG_E), ne = sim.values(ShowerQuantity.LG_NE);
        double[] nmu = sim.values(ShowerQuantity.LG_NMU), ze = sim.values(ShowerQuantity.ZENITH);
        int[] groups = sim.groups();
        RatioEntry[] byGroup = new RatioEntry[MassGroup.values().length];
        List<RatioEntry> entries = new ArrayList<>();
        for (MassGroup g : sim.presentGroups()) {
            byGroup[g.ordinal()] = new RatioEntry(g.symbol(), g.symbol(), true, diffs, energies);
            entries.add(byGroup[g.ordinal()]);
        }
        Binning fine = Binning.linear(MAP_BINS_PER_DECADE * (int) Math.ceil(energies.high() - energies.low()),
                energies.low(), energies.high());
        Histogram2D.Builder plane = Histogram2D.builder(fine, fine);
        for (int i = 0; i < sim.rows(); i++) {
            double e = est.lgEnergy(ne[i], nmu[i], ze[i]);
            byGroup[groups[i]].add(e - lgE[i], 1.0, energies.findBin(lgE[i]));
            plane.fill(lgE[i], e);
        }
        context.progress().worked(sim.rows());
        context.progress().checkCancelled();

        TableArtifact.Builder bins = TableArtifact.builder().column("primary", "").column("lg_e_low", "lg(E/eV)")
                .column("lg_e_high", "lg(E/eV)").column("events", "").column("bias", "lg(E/eV)")
                .column("bias_error", "lg(E/eV)").column("resolution", "lg(E/eV)")
                .column("resolution_error", "lg(E/eV)");
        Axis trueAxis = new Axis("True energy", "lg(E/eV)", false, energies.low(), energies.high());
        PlotSpec.Builder bias = PlotSpec.builder("Energy estimator: bias per primary", trueAxis,
                Axis.linear("Bias ⟨lg E_est − lg E_true⟩", "")).marker(Marker.atY(0, ""));
        PlotSpec.Builder resolution = PlotSpec.builder("Energy estimator: resolution per primary", trueAxis,
                Axis.linear("Resolution σ(lg E_est − lg E_true)", ""));
        for (RatioEntry e : entries) {
            List<Point> b = new ArrayList<>(), r = new ArrayList<>();
            for (int i = 0; i < energies.bins(); i++) {
                WeightedMoments m = e.perEnergy[i];
                if (m.count() < settings.minEvents()) {
                    continue;
                }
                GaussianFit f = GaussianFit.of(m);
                bins.row(e.label, energies.edge(i), energies.edge(i + 1), m.count(), f.mu(), f.muError(), f.sigma(),
                        f.sigmaError());
                b.add(new Point(energies.centre(i), f.mu(), energies.width(i) / 2, f.muError(), f.muError()));
                r.add(new Point(energies.centre(i), f.sigma(), energies.width(i) / 2, f.sigmaError(), f.sigmaError()));
            }
            bias.add(new PointSeries(e.label, b));
            resolution.add(new PointSeries(e.label, r));
        }
        bias.annotate(est.describe());
        bias.annotate("error bars: standard error of the mean");
        resolution.annotate(est.describe());
        resolution.annotate("1 in lg E is a factor 10 in energy; 0.1 is about 26 %");
        context.artifacts().plot("energy_bias", bias.build());
        context.artifacts().plot("energy_resolution", resolution.build());
        context.artifacts().table("energy_estimator_bins", bins.build());

        PlotSpec.Builder scatter = PlotSpec.builder("Estimated versus true energy (all primaries)", trueAxis,
                new Axis("Estimated energy", "lg(E/eV)", false, energies.low(), energies.high()))
                .colour(Axis.log("Simulated events per cell", ""))
                .add(new Map2DSeries(sim.name(), plane.build(), false))
                .add(new LineSeries("E_est = E_true", List.of(Point.of(energies.low(), energies.low()),
                        Point.of(energies.high(), energies.high())), true));
        context.artifacts().plot("energy_estimated_vs_true", scatter.build());

        TableArtifact.Builder prim = TableArtifact.builder().column("primary", "").column("events", "")
                .column("bias", "lg(E/eV)").column("bias_error", "lg(E/eV)").column("resolution", "lg(E/eV)")
                .column("resolution_error", "lg(E/eV)");
        PlotSpec.Builder diff = PlotSpec.builder("Energy estimator: lg E_est − lg E_true per primary",
                new Axis("lg E_est − lg E_true", "", false, diffs.low(), diffs.high()),
                Axis.linear("Probability density", "")).marker(Marker.atX(0, ""));
        Map<String, Object> perPrimary = new LinkedHashMap<>();
        for (RatioEntry e : entries) {
            GaussianFit f = GaussianFit.of(e.all);
            prim.row(e.label, e.all.count(), f.mu(), f.muError(), f.sigma(), f.sigmaError());
            Histogram h = e.histogram.build();
            diff.add(HistogramSeries.step(e.label, h.scaled(1 / (f.sumW() * diffs.width(0)))));
            diff.annotate(String.format(Locale.ROOT, "%s: bias %s, resolution %s", e.label,
                    Uncertainty.format(f.mu(), f.muError()), Uncertainty.format(f.sigma(), f.sigmaError())));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("events", e.all.count());
            m.put("bias", f.mu());
            m.put("bias_error", f.muError());
            m.put("resolution", f.sigma());
            m.put("resolution_error", f.sigmaError());
            perPrimary.put(e.label, m);
        }
        diff.annotate("all energies, simulated spectrum (" + sim.name() + ")");
        context.artifacts().plot("energy_difference", diff.build());
        context.artifacts().table("energy_estimator_primaries", prim.build());

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("relation", est.describe());
        summary.put("simulation", sim.name());
        summary.put("primaries", perPrimary);
        if (data != null) {
            summary.put("data_check", dataCheck(context, data, est));
        }
        context.artifacts().summary("energy_estimator", summary);
    }

    /** Compares the data's energy column with the relation applied to its sizes and zenith. */
    private static Map<String, Object> dataCheck(StepContext context, ShowerSample data, KcdcEnergyEstimator est) {
        double[] lgE = data.values(ShowerQuantity.LG_E), ne = data.values(ShowerQuantity.LG_NE);
        double[] nmu = data.values(ShowerQuantity.LG_NMU), ze = data.values(ShowerQuantity.ZENITH);
        WeightedMoments m = new WeightedMoments();
        double maxAbs = 0;
        for (int i = 0; i < data.rows(); i++) {
            double d = lgE[i] - est.lgEnergy(ne[i], nmu[i], ze[i]);
            if (Double.isFinite(d)) {
                m.add(d, 1.0);
                maxAbs = Math.max(maxAbs, Math.abs(d));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sample", data.name());
        out.put("column", data.column(ShowerQuantity.LG_E));
        out.put("events", m.count());
        out.put("mean_difference", m.mean());
        out.put("rms_difference", Math.sqrt(m.variance()));
        out.put("max_abs_difference", maxAbs);
        out.put("note", maxAbs < 1e-3 ? "the data's energy column is this relation (to the written decimals)"
                : "the data's energy column differs from this relation: it is another estimate");
        if (maxAbs >= 1e-3) {
            context.warn(String.format(Locale.ROOT, "sample '%s', column '%s' differs from %s by up to %.3g in lg E",
                    data.name(), data.column(ShowerQuantity.LG_E), est.describe(), maxAbs));
        }
        return out;
    }
}
