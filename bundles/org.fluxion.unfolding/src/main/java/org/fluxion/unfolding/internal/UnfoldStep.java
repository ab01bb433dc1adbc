package org.fluxion.unfolding.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.BandSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;

/**
 * One use of the {@code unfold} step: fills the response from the MC events, the observed
 * distribution from the data events (or from a test split of the MC), derives efficiencies from
 * the generation spectrum when it is known, unfolds with the configured unfolder and writes the
 * artifacts. Runs on the calling thread; the split is drawn from {@link StepContext#random()}.
 */
final class UnfoldStep implements Step {
    private static final int TRAIN = TrainTestSplit.TRAIN, TEST = TrainTestSplit.TEST;
    private final UnfolderCatalog catalog;
    private final UnfoldSettings s;

    UnfoldStep(UnfolderCatalog catalog, UnfoldSettings settings) {
        this.catalog = catalog;
        this.s = settings;
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        // configure: everything that can be checked before the events are read
        ConfiguredUnfolder cu = ConfiguredUnfolder.resolve(catalog, s.method(), s.methodSettings());
        SampleSet samples = ctx.input(UnfoldStepProvider.SAMPLES, SampleSet.class);
        EventTable mc = sample(samples, "mc", s.mc());
        EventTable data = s.closure() ? mc : sample(samples, "data", s.data());
        Binning pb = s.proxyLog() ? Binning.log10(s.proxyBins(), s.proxyMin(), s.proxyMax())
                : Binning.linear(s.proxyBins(), s.proxyMin(), s.proxyMax());
        Binning tb = s.trueLog() ? Binning.log10(s.trueBins(), s.trueMin(), s.trueMax())
                : Binning.linear(s.trueBins(), s.trueMin(), s.trueMax());
        if (!s.weight().isEmpty() && !mc.hasColumn(s.weight())) {
            throw new InvalidSettingsException("weight", "sample '" + mc.name() + "' has no column '" + s.weight()
                    + "'; available: " + mc.columnNames());
        }
        if (!mc.hasColumn(s.truth())) {
            throw new InvalidSettingsException("truth", "sample '" + mc.name() + "' has no column '" + s.truth()
                    + "'; available: " + mc.columnNames());
        }
        UnfoldSettings.GenerationSettings g = s.generation();
        GenerationSpectrum gen = g.known() ? new GenerationSpectrum(g.spectralIndex(), g.energyMin(), g.energyMax(),
                g.truthIsLg()) : null;
        double[] genFraction = gen == null ? null : gen.fractions(tb);
        if (genFraction != null) {
            for (int j = 0; j < tb.bins(); j++) {
                if (!(genFraction[j] > 0)) {
                    throw new InvalidSettingsException("true_min", "true bin " + j + " [" + tb.edge(j) + ", "
                            + tb.edge(j + 1) + ") lies outside the generation range [" + g.energyMin() + ", "
                            + g.energyMax() + "]: no efficiency can be derived there; narrow true_min/true_max");
                }
            }
        }

        // read the events
        double[] mcProxy = EventProxy.values(mc, s.mcProxy().isEmpty() ? "proxy" : "mc_proxy", s.mcProxyColumn());
        double[] mcTruth = mc.column(s.truth()).toDoubleArray();
        double[] w = s.weight().isEmpty() ? null : mc.column(s.weight()).toDoubleArray();
        boolean reweight = gen != null && !Double.isNaN(s.reweightIndex());
        boolean weighted = w != null || reweight;
        int n = mc.rowCount();
        RandomGenerator rng = ctx.random();
        byte[] role = split(rng, n);
        int nTrain = 0, nTest = 0;
        for (byte r : role) {
            nTrain += r == TRAIN ? 1 : 0;
            nTest += r == TEST ? 1 : 0;
        }

        int np = pb.bins(), nt = tb.bins();
        double[][] counts = new double[np][nt], counts2 = new double[np][nt];
        double[] selected = new double[nt]; // unweighted train events per true bin with proxy in range
        double[] observed = new double[np], testTruth = s.closure() ? new double[nt] : null;
        long truthOutside = 0, proxyOutside = 0, badWeight = 0;
        // weighted pseudo-data are made unweighted by keeping test event k with probability w_k / max w
        double wMaxTest = 0;
        if (s.closure() && weighted) {
            for (int k = 0; k < n; k++) {
                if (role[k] == TEST) {
                    double wk = (w == null ? 1.0 : w[k]) * (reweight ? gen.reweight(mcTruth[k], s.reweightIndex()) : 1.0);
                    if (wk > wMaxTest && Double.isFinite(wk)) {
                        wMaxTest = wk;
                    }
                }
            }
        }
        ctx.progress().begin("filling the response from '" + mc.name() + "'", n);
        for (int k = 0; k < n; k++) {
            if ((k & 0xFFFF) == 0) {
                ctx.progress().checkCancelled();
                ctx.progress().worked(Math.min(0x10000, n - k));
            }
            if (role[k] == 0) {
                continue;
            }
            int j = tb.findBin(mcTruth[k]);
            int i = pb.findBin(mcProxy[k]);
            if (j < 0 || j >= nt) {
                truthOutside++;
                continue;
            }
            if (i < 0 || i >= np) {
                proxyOutside++;
                continue;
            }
            double wk = w == null ? 1.0 : w[k];
            if (reweight) {
                wk *= gen.reweight(mcTruth[k], s.reweightIndex());
            }
            if (!(wk >= 0) || Double.isInfinite(wk)) {
                badWeight++;
                continue;
            }
            if (role[k] == TRAIN) {
                counts[i][j] += wk;
                counts2[i][j] += wk * wk;
                selected[j] += 1;
            } else if (!weighted || rng.nextDouble() * wMaxTest < wk) {
                observed[i] += 1;
                testTruth[j] += 1;
            }
        }
        if (badWeight > 0) {
            throw new InvalidSettingsException("weight", badWeight + " events of sample '" + mc.name()
                    + "' have a negative, infinite or NaN weight in column '" + s.weight() + "'; expected finite >= 0");
        }
        long dataOutside = 0;
        if (!s.closure()) {
            double[] dp = EventProxy.values(data, "proxy", s.proxy());
            for (double x : dp) {
                int i = pb.findBin(x);
                if (i >= 0 && i < np) {
                    observed[i] += 1;
                } else {
                    dataOutside++;
                }
            }
        }
        ResponseMatrix response = ResponseMatrix.of(pb, tb, counts, counts2);
        double[] cols = response.columnSums();
        for (int j = 0; j < nt; j++) {
            if (!(cols[j] > 0)) {
                throw new InvalidSettingsException("true_bins", "true bin " + j + " [" + tb.edge(j) + ", " + tb.edge(j + 1)
                        + ") of '" + s.truth() + "' has no " + (nTrain < n ? "training " : "") + "MC event with the proxy in ["
                        + s.proxyMin() + ", " + s.proxyMax() + "]: widen the proxy range, use fewer true bins or narrow "
                        + "true_min/true_max");
            }
        }

        UnfoldingProblem.Builder pbld = UnfoldingProblem.builder(response, observed);
        double[] eff = null, thrown = null;
        int capped = 0;
        double scale = Double.NaN;
        if (genFraction != null) {
            thrown = new double[nt];
            if (g.thrown() > 0) {
                scale = g.thrown() * ((double) nTrain / n);
            } else {
                double sel = 0, frac = 0;
                for (int j = 0; j < nt; j++) {
                    if (tb.edge(j) >= g.fullEfficiencyAbove()) {
                        sel += selected[j];
                        frac += genFraction[j];
                    }
                }
                if (!(frac > 0)) {
                    throw new InvalidSettingsException("full_efficiency_above", "no true bin starts at or above "
                            + g.fullEfficiencyAbove() + " (true range [" + s.trueMin() + ", " + s.trueMax()
                            + "]); lower it or give generation.thrown");
                }
                scale = sel / frac;
            }
            eff = new double[nt];
            for (int j = 0; j < nt; j++) {
                thrown[j] = scale * genFraction[j];
                boolean plateau = g.thrown() == 0 && tb.edge(j) >= g.fullEfficiencyAbove();
                eff[j] = plateau ? 1.0 : selected[j] / thrown[j];
                if (eff[j] > 1) {
                    // a binomial fluctuation above 1 is capped silently; beyond 3 sigma it is reported
                    if (selected[j] - thrown[j] > 3 * Math.sqrt(Math.max(selected[j], 1))) {
                        capped++;
                    }
                    eff[j] = 1;
                }
            }
            pbld.efficiency(eff, thrown);
        }
        if (testTruth != null) {
            pbld.truth(testTruth);
        }
        UnfoldingProblem problem = pbld.build();
        UnfoldingContext uc = new UnfoldingContext(ctx.seed(), ctx.parallelism(), ctx.progress());
        if (s.scan().enabled()) {
            RegularisationScan scan = cu.unfolder().scan(problem, uc, s.scan().min(), s.scan().max(), s.scan().steps());
            UnfoldingArtifacts.writeScan(ctx, scan);
        }
        UnfoldingResult result = cu.unfolder().unfold(problem, uc);
        UnfoldingArtifacts.writeResult(ctx, s.quantity(), s.unit(), cu.registration(), problem, result, testTruth);

        Map<String, Object> in = new LinkedHashMap<>();
        in.put("mc", mc.name());
        in.put("data", data.name());
        in.put("closure", s.closure());
        in.put("mc_events", n);
        in.put("train_events", nTrain);
        in.put("test_events", nTest);
        in.put("pseudo_data_events", s.closure() ? sum(observed) : 0);
        in.put("pseudo_data", !s.closure() ? "none" : weighted
                ? "test events kept with probability w / max w (unweighted, Poisson)" : "test events");
        in.put("mc_truth_outside_true_range", truthOutside);
        in.put("mc_proxy_outside_proxy_range", proxyOutside);
        in.put("data_events_in_proxy_range", sum(observed));
        in.put("data_events_outside_proxy_range", dataOutside);
        in.put("efficiency", eff == null ? "none" : g.thrown() > 0 ? "generation spectrum, thrown = " + g.thrown()
                : "generation spectrum, normalised to full efficiency above " + g.fullEfficiencyAbove());
        in.put("efficiency_bins_above_1_by_3_sigma", capped);
        ctx.artifacts().summary("inputs", in);
        if (eff != null) {
            writeEfficiency(ctx, tb, selected, thrown, eff);
            if (capped > 0) {
                ctx.warn("selected MC events exceed the thrown ones by more than 3 sigma in " + capped + " true bin(s) "
                        + "(efficiency set to 1): check the generation spectrum, thrown or full_efficiency_above");
            }
        }
        if (testTruth != null) {
            double[] thrownTest = null; // expected generated events behind the test pseudo-data
            if (thrown != null && w == null) {
                thrownTest = reweight ? scaled(gen.reweightedFractions(tb, s.reweightIndex()), scale / wMaxTest)
                        : thrown.clone();
                thrownTest = scaled(thrownTest, (double) nTest / nTrain);
            }
            writeClosure(ctx, result, testTruth, thrownTest);
        }
        ctx.output(UnfoldStepProvider.RESULT, result);
        ctx.output(UnfoldStepProvider.TRUE_BINNING, tb);
    }

    private static EventTable sample(SampleSet samples, String key, String name) {
        try {
            return samples.get(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(key, e.getMessage());
        }
    }

    /** @return per event UNUSED, TRAIN or TEST; a seeded shuffle unless all events train */
    private byte[] split(RandomGenerator rng, int n) {
        int nTrain = (int) Math.round(s.trainSize() * n);
        int nTest = s.closure() ? (int) Math.round(s.testSize() * n) : 0;
        if (nTrain + nTest > n) {
            nTest = n - nTrain;
        }
        return TrainTestSplit.roles(rng, n, nTrain, nTest);
    }

    private static double sum(double[] v) {
        double t = 0;
        for (double x : v) {
            t += x;
        }
        return t;
    }

    private static double[] scaled(double[] v, double f) {
        double[] r = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            r[j] = v[j] * f;
        }
        return r;
    }

    private void writeEfficiency(StepContext ctx, Binning tb, double[] selected, double[] thrown, double[] eff) {
        TableArtifact.Builder t = TableArtifact.builder().column("true_low", s.unit()).column("true_high", s.unit())
                .column("selected", "").column("thrown", "").column("efficiency", "").column("efficiency_error", "");
        List<Point> pts = new ArrayList<>();
        for (int j = 0; j < tb.bins(); j++) {
            double e = eff[j], err = Math.sqrt(Math.max(e * (1 - e), 0) / thrown[j]);
            t.row(tb.edge(j), tb.edge(j + 1), selected[j], thrown[j], e, err);
            pts.add(new Point(tb.centre(j), e, 0.5 * tb.width(j), err, err));
        }
        ctx.artifacts().table("efficiency_bins", t.build());
        ctx.artifacts().plot("efficiency", PlotSpec.builder("Selection efficiency (MC, training split)",
                axis(tb), Axis.log("Efficiency", "").withRange(Math.max(1e-3, 0.5 * min(eff)), 1.5))
                .add(new PointSeries("selected / thrown, binomial error", pts)).build());
    }

    private Axis axis(Binning tb) {
        return tb.kind() == Binning.Kind.LOG10 ? Axis.log(s.quantity(), s.unit()) : Axis.linear(s.quantity(), s.unit());
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    /**
     * Pulls of the unfolded test split against its truth: (f_j − t_j)/σ_j, and of the acceptance
     * corrected estimate against the thrown test events when efficiencies are known.
     */
    private void writeClosure(StepContext ctx, UnfoldingResult r, double[] truth, double[] thrownTest) {
        Spectrum est = r.estimate();
        Binning tb = est.binning();
        Spectrum acc = r.acceptanceCorrected();
        TableArtifact.Builder t = TableArtifact.builder().column("true_low", s.unit()).column("true_high", s.unit())
                .column("estimate", "").column("error", "").column("truth", "").column("pull", "");
        if (acc != null && thrownTest != null) {
            t.column("acceptance_corrected", "").column("thrown_expected", "").column("acceptance_corrected_pull", "");
        }
        List<Point> pulls = new ArrayList<>();
        double sum = 0, sum2 = 0;
        int m = 0;
        for (int j = 0; j < tb.bins(); j++) {
            double sig = est.uncertainty(j);
            // bins an unfolder pins to zero have a vanishing linearised error: no pull there
            double pull = sig > 1e-6 ? (est.value(j) - truth[j]) / sig : Double.NaN;
            List<Object> row = new ArrayList<>(List.of(tb.edge(j), tb.edge(j + 1), est.value(j), sig, truth[j], pull));
            if (acc != null && thrownTest != null) {
                double sa = acc.uncertainty(j);
                row.add(acc.value(j));
                row.add(thrownTest[j]);
                row.add(sa > 1e-6 ? (acc.value(j) - thrownTest[j]) / sa : Double.NaN);
            }
            t.row(row.toArray());
            if (Double.isFinite(pull)) {
                pulls.add(new Point(tb.centre(j), pull, 0.5 * tb.width(j), 1, 1));
                sum += pull;
                sum2 += pull * pull;
                m++;
            }
        }
        ctx.artifacts().table("closure_bins", t.build());
        double chi2 = Chi2.of(est.values(), truth, est.covariance());
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("bins", tb.bins());
        sm.put("pull_mean", m > 0 ? sum / m : Double.NaN);
        sm.put("pull_rms", m > 0 ? Math.sqrt(sum2 / m) : Double.NaN);
        sm.put("chi2_diagonal", sum2);
        sm.put("chi2_full_covariance", chi2);
        ctx.artifacts().summary("closure", sm);
        if (!pulls.isEmpty()) {
            List<Point> band = List.of(Point.of(tb.low(), 0, 1), Point.of(tb.high(), 0, 1));
            ctx.artifacts().plot("closure_pulls", PlotSpec.builder("Closure on the MC test split (" + r.diagnostics().method()
                    + ")", axis(tb), Axis.linear("(unfolded \u2212 truth) / \u03c3", "").withRange(-4, 4))
                    .add(new BandSeries("\u00b11\u03c3", band))
                    .add(new PointSeries("pull per true bin", pulls))
                    .annotate(String.format(java.util.Locale.ROOT, "mean pull %.2f, rms %.2f", sum / m, Math.sqrt(sum2 / m)))
                    .annotate(String.format(java.util.Locale.ROOT, "\u03c7\u00b2 (full covariance) = %.1f / %d bins", chi2,
                            tb.bins()))
                    .build());
        }
    }
}
