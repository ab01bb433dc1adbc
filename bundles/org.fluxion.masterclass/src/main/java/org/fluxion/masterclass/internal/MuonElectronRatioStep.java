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
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.masterclass.internal.MuonElectronRatioSettings.RatioKind;

/**
 * One use of {@code muon_electron_ratio}. Per ratio (prefix {@code mu_e} for lgNμ/lgNe, {@code e_mu}
 * for lgNe/lgNμ) it writes: a plot per sample and primary with the histogram and the fitted Gaussian
 * ({@code <prefix>_data}, {@code <prefix>_sim_<primary>}), the normalised shapes together
 * ({@code <prefix>_compare}), the mean versus energy ({@code <prefix>_vs_lg_e}), the tables
 * {@code <prefix>_fits} and {@code <prefix>_vs_lg_e_bins}, and the summary {@code <prefix>_fit_summary}. Events whose
 * denominator is not positive or whose sizes are not finite are left out and counted.
 * Single-threaded, so results do not depend on the thread count.
 */
final class MuonElectronRatioStep implements Step {
    private static final int CHECK_EVERY = 1 << 16;
    private final MuonElectronRatioSettings settings;

    MuonElectronRatioStep(MuonElectronRatioSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void run(StepContext context) {
        SampleSet in = context.input(KcdcUnitsStepProvider.SAMPLES, SampleSet.class);
        ShowerSample data = settings.data().isEmpty() ? null
                : ShowerSample.read(in, settings.data(), "data", settings.dataColumns(), "data_columns",
                        EnumSet.of(ShowerQuantity.LG_E, ShowerQuantity.LG_NE, ShowerQuantity.LG_NMU));
        ShowerSample sim = settings.simulation().isEmpty() ? null
                : ShowerSample.read(in, settings.simulation(), "simulation", settings.simulationColumns(),
                        "simulation_columns", EnumSet.allOf(ShowerQuantity.class));
        SpectrumWeights weighting = settings.weights();
        double[] simWeights = sim == null ? null : weighting.weights(sim.values(ShowerQuantity.LG_E));
        for (RatioKind kind : settings.kinds()) {
            analyse(context, kind, data, sim, simWeights, weighting);
        }
    }

    private void analyse(StepContext context, RatioKind kind, ShowerSample data, ShowerSample sim, double[] simW,
            SpectrumWeights weighting) {
        boolean muOverE = kind == RatioKind.MU_OVER_E;
        String prefix = muOverE ? "mu_e" : "e_mu";
        String symbol = muOverE ? "lg Nμ / lg Ne" : "lg Ne / lg Nμ";
        Binning values = settings.binning(kind);
        Binning energies = settings.energyBinning();
        List<RatioEntry> entries = new ArrayList<>();
        if (data != null) {
            RatioEntry e = new RatioEntry(data.name(), "data", false, values, energies);
            entries.add(e);
            context.progress().begin(symbol + " of sample '" + data.name() + "'", data.rows());
            scan(context, data, null, null, i -> e, muOverE, energies);
        }
        RatioEntry[] byGroup = new RatioEntry[MassGroup.values().length];
        if (sim != null) {
            for (MassGroup g : sim.presentGroups()) {
                byGroup[g.ordinal()] = new RatioEntry(g.symbol(), "sim_" + g.symbol().toLowerCase(Locale.ROOT), true,
                        values, energies);
                entries.add(byGroup[g.ordinal()]);
            }
            int[] groups = sim.groups();
            context.progress().begin(symbol + " of sample '" + sim.name() + "'", sim.rows());
            scan(context, sim, simW, groups, i -> byGroup[groups[i]], muOverE, energies);
        }

        TableArtifact.Builder fits = TableArtifact.builder().column("sample", "").column("primary", "")
                .column("events", "").column("sum_w", "").column("n_eff", "").column("mu", "").column("mu_error", "")
                .column("sigma", "").column("sigma_error", "").column("chi2", "").column("ndf", "")
                .column("excluded", "");
        List<Map<String, Object>> fitSummary = new ArrayList<>();
        PlotSpec.Builder compare = PlotSpec.builder("Per-event ratio " + symbol + ", normalised",
                new Axis(symbol, "", false, values.low(), values.high()), Axis.linear("Probability density", ""));
        for (RatioEntry e : entries) {
            Histogram h = e.histogram.build();
            GaussianFit fit = GaussianFit.of(e.all);
            double[] chi2 = RatioEntry.chi2(h, fit);
            String sample = e.simulated ? sim.name() : data.name();
            String primary = e.simulated ? e.label : "";
            fits.row(sample, primary, e.all.count(), fit.sumW(), fit.nEff(), fit.mu(), fit.muError(), fit.sigma(),
                    fit.sigmaError(), chi2[0], (long) chi2[1], e.excluded);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("sample", sample);
            s.put("primary", primary);
            s.put("events", e.all.count());
            s.put("n_eff", fit.nEff());
            s.put("mu", fit.mu());
            s.put("mu_error", fit.muError());
            s.put("sigma", fit.sigma());
            s.put("sigma_error", fit.sigmaError());
            s.put("chi2", chi2[0]);
            s.put("ndf", (long) chi2[1]);
            s.put("excluded", e.excluded);
            fitSummary.add(s);
            if (e.all.count() > 0) {
                context.artifacts().plot(prefix + "_" + e.stem, fitPlot(symbol, e, h, fit, chi2, weighting));
                double norm = fit.sumW() * values.width(0);
                Histogram shape = h.scaled(1 / norm);
                compare.add(e.simulated ? HistogramSeries.step(e.label + " (simulation)", shape)
                        : HistogramSeries.points(e.label, shape));
                compare.annotate(String.format(Locale.ROOT, "%s: μ = %s, σ = %s", e.label,
                        Uncertainty.format(fit.mu(), fit.muError()), Uncertainty.format(fit.sigma(), fit.sigmaError())));
            }
        }
        if (sim != null && !weighting.unit()) {
            compare.annotate(weighting.describe());
        }
        context.artifacts().plot(prefix + "_compare", compare.build());
        context.artifacts().table(prefix + "_fits", fits.build());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("ratio", symbol);
        summary.put("method", "unbinned maximum likelihood: mu = weighted mean, sigma = sqrt(weighted variance, "
                + "divisor sum of weights); errors sigma/sqrt(n_eff), sigma/sqrt(2 n_eff); chi2 of the fitted "
                + "Gaussian against the histogram over bins expecting >= 5 events, ndf = bins - 2");
        summary.put("weighting", sim == null ? "" : weighting.describe());
        summary.put("fits", fitSummary);
        context.artifacts().summary(prefix + "_fit_summary", summary);
        writeVersusEnergy(context, prefix, symbol, entries, energies, data, sim, weighting);
    }

    /** Which entry row i belongs to. */
    @FunctionalInterface
    private interface EntryOf {
        RatioEntry of(int row);
    }

    private static void scan(StepContext context, ShowerSample s, double[] w, int[] groups, EntryOf entry,
            boolean muOverE, Binning energies) {
        double[] ne = s.values(ShowerQuantity.LG_NE);
        double[] nmu = s.values(ShowerQuantity.LG_NMU);
        double[] lgE = s.values(ShowerQuantity.LG_E);
        double[] num = muOverE ? nmu : ne;
        double[] den = muOverE ? ne : nmu;
        for (int i = 0; i < s.rows(); i++) {
            if ((i & (CHECK_EVERY - 1)) == 0 && i > 0) {
                context.progress().worked(CHECK_EVERY);
                context.progress().checkCancelled();
            }
            double r = den[i] > 0 ? num[i] / den[i] : Double.NaN;
            int eb = energies.findBin(lgE[i]);
            entry.of(i).add(r, w == null ? 1.0 : w[i], eb);
        }
    }

    private static PlotSpec fitPlot(String symbol, RatioEntry e, Histogram h, GaussianFit fit, double[] chi2,
            SpectrumWeights weighting) {
        Binning b = h.binning();
        String who = e.simulated ? e.label + " (simulation)" : e.label;
        String yLabel = e.simulated && !weighting.unit() ? "Weighted events per bin" : "Events per bin";
        PlotSpec.Builder p = PlotSpec.builder(symbol + ": " + who, new Axis(symbol, "", false, b.low(), b.high()),
                Axis.linear(yLabel, ""));
        p.add(HistogramSeries.points(who, h));
        List<Point> curve = new ArrayList<>();
        int n = 240;
        double scale = fit.sumW() * b.width(0);
        for (int k = 0; k <= n; k++) {
            double x = b.low() + (b.high() - b.low()) * k / n;
            curve.add(Point.of(x, scale * fit.density(x)));
        }
        p.add(new LineSeries("Gaussian fit", curve, false));
        p.annotate("μ = " + Uncertainty.format(fit.mu(), fit.muError()));
        p.annotate("σ = " + Uncertainty.format(fit.sigma(), fit.sigmaError()));
        p.annotate("events: " + e.all.count());
        if (chi2[1] > 0) {
            p.annotate(String.format(Locale.ROOT, "χ²/ndf = %.1f / %d", chi2[0], (long) chi2[1]));
        }
        p.annotate("unbinned maximum-likelihood fit");
        if (e.simulated && !weighting.unit()) {
            p.annotate(weighting.describe());
        }
        if (e.excluded > 0) {
            p.annotate("left out (size not positive or not finite): " + e.excluded);
        }
        return p.build();
    }

    private void writeVersusEnergy(StepContext context, String prefix, String symbol, List<RatioEntry> entries,
            Binning energies, ShowerSample data, ShowerSample sim, SpectrumWeights weighting) {
        TableArtifact.Builder t = TableArtifact.builder().column("sample", "").column("primary", "")
                .column("lg_e_low", "lg(E/eV)").column("lg_e_high", "lg(E/eV)").column("events", "")
                .column("mean", "").column("mean_error", "").column("sigma", "").column("sigma_error", "");
        PlotSpec.Builder p = PlotSpec.builder("Mean " + symbol + " versus energy",
                new Axis("Energy", "lg(E/eV)", false, energies.low(), energies.high()),
                Axis.linear("Mean " + symbol, ""));
        int plotted = 0;
        for (RatioEntry e : entries) {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < energies.bins(); i++) {
                WeightedMoments m = e.perEnergy[i];
                if (m.count() < settings.minEvents()) {
                    continue;
                }
                GaussianFit f = GaussianFit.of(m);
                t.row(e.simulated ? sim.name() : data.name(), e.simulated ? e.label : "", energies.edge(i),
                        energies.edge(i + 1), m.count(), f.mu(), f.muError(), f.sigma(), f.sigmaError());
                points.add(new Point(energies.centre(i), f.mu(), energies.width(i) / 2, f.muError(), f.muError()));
            }
            if (!points.isEmpty()) {
                p.add(new PointSeries(e.simulated ? e.label + " (simulation, true energy)"
                        : e.label + " (reconstructed energy)", points));
                plotted++;
            }
        }
        p.annotate("error bars: standard error of the mean");
        p.annotate("energy bins with at least " + settings.minEvents() + " events");
        if (sim != null && !weighting.unit()) {
            p.annotate(weighting.describe());
        }
        if (plotted > 0) {
            context.artifacts().plot(prefix + "_vs_lg_e", p.build());
        } else {
            context.warn("no energy bin of " + energies + " has " + settings.minEvents()
                    + " events: plot " + prefix + "_vs_lg_e not written");
        }
        context.artifacts().table(prefix + "_vs_lg_e_bins", t.build());
    }
}
