package org.fluxion.unfolding.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.HistogramSeries;
import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.Map2DSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.RatioPanel;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.Histogram2D;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InputException;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Port;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.api.workflow.StepDescriptor;
import org.fluxion.api.workflow.StepProvider;
import org.fluxion.core.ConfigException;
import org.fluxion.core.SettingsBinder;
import org.fluxion.unfolding.api.RegisteredUnfolder;
import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.fluxion.unfolding.api.UnfolderProvider;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Step {@code unfold_histograms}: unfolds an observed histogram with a given response (CSV files)
 * using any installed unfolder; writes the estimate, covariance, diagnostics, plots and an
 * optional regularisation scan.
 */
@Component(service = StepProvider.class, property = { StepProvider.STEP_ID + "=unfold_histograms",
        StepProvider.STEP_TITLE + "=Unfold histograms (CSV)" })
public final class UnfoldHistogramsProvider implements StepProvider<UnfoldHistogramsSettings> {
    private final UnfolderCatalog catalog;

    @Activate
    public UnfoldHistogramsProvider(@Reference UnfolderCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public StepDescriptor<UnfoldHistogramsSettings> descriptor() {
        return new StepDescriptor<>("unfold_histograms", "Unfold histograms (CSV)",
                "Unfolds an observed histogram with a response matrix given as CSV files, with any installed unfolder.",
                List.of(), List.of(Port.of("result", UnfoldingResult.class, "the unfolding result")),
                UnfoldHistogramsSettings.class);
    }

    @Override
    public Step create(UnfoldHistogramsSettings s) {
        return ctx -> run(ctx, s);
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private void run(StepContext ctx, UnfoldHistogramsSettings s) throws Exception {
        RegisteredUnfolder ru = catalog.resolve(s.method());
        if (ru == null) {
            List<String> ids = catalog.all().stream().map(RegisteredUnfolder::id).distinct().toList();
            throw new InvalidSettingsException("method", "no unfolder '" + s.method() + "' is installed; installed: "
                    + (ids.isEmpty() ? "(none)" : String.join(", ", ids)));
        }
        UnfolderProvider provider = ru.provider();
        Record unfolderSettings;
        try {
            unfolderSettings = SettingsBinder.bindPlain(provider.descriptor().settingsType(), s.methodSettings(),
                    "method_settings", "unfolder '" + ru.id() + "'");
        } catch (ConfigException e) {
            throw new InvalidSettingsException("method_settings", e.getMessage());
        }
        Unfolder unfolder = provider.create(unfolderSettings);

        Path responseFile = ctx.inputFile(s.response()), observedFile = ctx.inputFile(s.observed());
        ResponseMatrix response = HistogramCsv.response(responseFile);
        HistogramCsv.Binned observed = HistogramCsv.binned(observedFile, "count", null);
        requireSame(observed.binning(), response.proxyBinning(), observedFile, responseFile, "proxy");
        UnfoldingProblem.Builder pb;
        try {
            pb = UnfoldingProblem.builder(response, observed.columns()[0]);
        } catch (IllegalArgumentException e) {
            throw new InputException(responseFile, -1, e.getMessage());
        }
        double[] truth = null;
        if (!s.truth().isEmpty()) {
            Path f = ctx.inputFile(s.truth());
            HistogramCsv.Binned t = HistogramCsv.binned(f, "count", null);
            requireSame(t.binning(), response.trueBinning(), f, responseFile, "true");
            truth = t.columns()[0];
            pb.truth(truth);
        }
        if (!s.efficiency().isEmpty()) {
            Path f = ctx.inputFile(s.efficiency());
            HistogramCsv.Binned e = HistogramCsv.binned(f, "efficiency", "thrown");
            requireSame(e.binning(), response.trueBinning(), f, responseFile, "true");
            try {
                pb.efficiency(e.columns()[0], e.columns().length > 1 ? e.columns()[1] : null);
            } catch (IllegalArgumentException x) {
                throw new InputException(f, -1, x.getMessage());
            }
        }
        if (!s.background().isEmpty()) {
            Path f = ctx.inputFile(s.background());
            HistogramCsv.Binned b = HistogramCsv.binned(f, "count", null);
            requireSame(b.binning(), response.proxyBinning(), f, responseFile, "proxy");
            pb.background(b.columns()[0]);
        }
        UnfoldingProblem problem = pb.build();
        UnfoldingContext uc = new UnfoldingContext(ctx.seed(), ctx.parallelism(), ctx.progress());

        if (s.scan().enabled()) {
            RegularisationScan scan = unfolder.scan(problem, uc, s.scan().min(), s.scan().max(), s.scan().steps());
            writeScan(ctx, scan);
        }
        UnfoldingResult result = unfolder.unfold(problem, uc);
        writeResult(ctx, s, ru, problem, result, truth);
        ctx.output("result", result);
    }

    private static void requireSame(Binning a, Binning b, Path fa, Path fb, String axis) throws InputException {
        if (!a.equals(b)) {
            throw new InputException(fa, -1, "its " + a.bins() + " bins [" + a.low() + ", " + a.high()
                    + "] do not match the " + axis + " binning of " + fb + " (" + b.bins() + " bins [" + b.low() + ", "
                    + b.high() + "]); the edges must be identical");
        }
    }

    private static void writeResult(StepContext ctx, UnfoldHistogramsSettings s, RegisteredUnfolder ru,
            UnfoldingProblem problem, UnfoldingResult r, double[] truth) {
        Spectrum est = r.estimate();
        Binning tb = est.binning();
        double[] lo = r.lower(), hi = r.upper();
        Spectrum acc = r.acceptanceCorrected();
        TableArtifact.Builder t = TableArtifact.builder().column("true_low", s.unit()).column("true_high", s.unit())
                .column("estimate", "").column("error", "").column("lower_68", "").column("upper_68", "");
        if (truth != null) {
            t.column("truth", "");
        }
        if (acc != null) {
            t.column("acceptance_corrected", "").column("acceptance_corrected_error", "");
        }
        for (int j = 0; j < tb.bins(); j++) {
            List<Object> row = new ArrayList<>(List.of(tb.edge(j), tb.edge(j + 1), est.value(j), est.uncertainty(j), lo[j],
                    hi[j]));
            if (truth != null) {
                row.add(truth[j]);
            }
            if (acc != null) {
                row.add(acc.value(j));
                row.add(acc.uncertainty(j));
            }
            t.row(row.toArray());
        }
        ctx.artifacts().table("unfolded_bins", t.build());

        double[][] cov = est.covariance();
        TableArtifact.Builder c = TableArtifact.builder().column("bin", "");
        for (int j = 0; j < tb.bins(); j++) {
            c.column("cov_" + j, "");
        }
        for (int i = 0; i < tb.bins(); i++) {
            Object[] row = new Object[tb.bins() + 1];
            row[0] = i;
            for (int j = 0; j < tb.bins(); j++) {
                row[j + 1] = cov[i][j];
            }
            c.row(row);
        }
        ctx.artifacts().table("covariance", c.build());

        var d = r.diagnostics();
        Map<String, Object> diag = new LinkedHashMap<>();
        diag.put("method", d.method());
        diag.put("provider", ru.origin());
        diag.put("regularisation", d.regularisation());
        diag.put("iterations", d.iterations());
        diag.put("converged", d.converged());
        diag.put("stop_reason", d.stopReason());
        diag.put("log_likelihood", d.logLikelihood());
        diag.put("gradient_norm", d.gradientNorm());
        diag.put("condition_number", d.conditionNumber());
        diag.put("autocorrelation_time", d.autocorrelationTime());
        diag.put("acceptance_fraction", d.acceptanceFraction());
        diag.put("posterior_samples", r.sampleCount());
        diag.putAll(new java.util.TreeMap<>(d.extra()));
        if (truth != null) {
            double chi2 = 0;
            double[][] v = est.covariance();
            for (int j = 0; j < tb.bins(); j++) {
                chi2 += v[j][j] > 0 ? Math.pow(est.value(j) - truth[j], 2) / v[j][j] : 0;
            }
            diag.put("chi2_diagonal_to_truth", chi2);
            diag.put("true_bins", tb.bins());
        }
        ctx.artifacts().summary("diagnostics", diag);

        Axis x = tb.kind() == Binning.Kind.LOG10 ? Axis.log(s.quantity(), s.unit()) : Axis.linear(s.quantity(), s.unit());
        List<Point> pts = new ArrayList<>();
        for (int j = 0; j < tb.bins(); j++) {
            double v = est.value(j);
            pts.add(new Point(tb.centre(j), v, 0, Math.max(0, v - lo[j]), Math.max(0, hi[j] - v)));
        }
        PlotSpec.Builder p = PlotSpec.builder("Unfolded (" + ru.id() + ")", x, Axis.log("Selected events per bin", ""))
                .add(new PointSeries("Unfolded, 68 % interval", pts));
        if (truth != null) {
            p.add(HistogramSeries.step("Truth", Histogram.of(tb, truth, truth)));
            List<Point> ratio = new ArrayList<>();
            for (int j = 0; j < tb.bins(); j++) {
                if (truth[j] > 0) {
                    double v = est.value(j);
                    ratio.add(new Point(tb.centre(j), v / truth[j], 0, Math.max(0, v - lo[j]) / truth[j],
                            Math.max(0, hi[j] - v) / truth[j]));
                }
            }
            p.ratio(new RatioPanel(Axis.linear("Unfolded / truth", ""), List.of(new PointSeries("", ratio)), 1.0));
        }
        ctx.artifacts().plot("unfolded", p.build());

        double[][] corr = est.correlation();
        Binning idx = Binning.linear(tb.bins(), 0, tb.bins());
        Histogram2D.Builder cm = Histogram2D.builder(idx, idx);
        for (int i = 0; i < tb.bins(); i++) {
            for (int j = 0; j < tb.bins(); j++) {
                cm.fill(i + 0.5, j + 0.5, corr[i][j]);
            }
        }
        ctx.artifacts().plot("correlation", PlotSpec.builder("Correlation of the unfolded bins",
                Axis.linear("True bin", ""), Axis.linear("True bin", "")).colour(new Axis("Correlation", "", false, -1, 1))
                .add(new Map2DSeries("", cm.build(), false)).build());

        ResponseMatrix resp = problem.response();
        double[][] a = resp.probabilities();
        Histogram2D.Builder rm = Histogram2D.builder(resp.proxyBinning(), tb);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < tb.bins(); j++) {
                if (a[i][j] > 0) {
                    rm.fill(resp.proxyBinning().centre(i), tb.centre(j), a[i][j]);
                }
            }
        }
        ctx.artifacts().plot("response", PlotSpec.builder("Response P(proxy bin | true bin)",
                Axis.linear("Proxy bin", ""), x).colour(Axis.log("Probability", ""))
                .add(new Map2DSeries("", rm.build(), false)).build());
    }

    private static void choiceLine(PlotSpec.Builder p, String what, double x, double lo, double hi) {
        if (lo < hi) {
            p.add(new LineSeries(what + ": " + String.format(java.util.Locale.ROOT, "%.3g", x),
                    List.of(Point.of(x, lo), Point.of(x, hi)), true));
        }
    }

    private static void writeScan(StepContext ctx, RegularisationScan scan) {
        double[] v = scan.values(), rho = scan.meanGlobalCorrelation(), rx = scan.residualNorm(),
                ry = scan.regularisationNorm(), chi2 = scan.chi2ToTruth();
        TableArtifact.Builder t = TableArtifact.builder().column(scan.parameter(), "").column("mean_global_correlation", "")
                .column("residual_norm", "").column("regularisation_norm", "").column("chi2_to_truth", "");
        for (int k = 0; k < v.length; k++) {
            t.row(v[k], rho[k], rx[k], ry[k], chi2[k]);
        }
        ctx.artifacts().table("scan_points", t.build());
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("parameter", scan.parameter());
        choice.put("by_global_correlation", v[scan.byGlobalCorrelation()]);
        choice.put("by_l_curve", v[scan.byLCurve()]);
        choice.put("by_truth", scan.byTruth() < 0 ? null : v[scan.byTruth()]);
        ctx.artifacts().summary("scan_choice", choice);

        boolean log = v[0] > 0 && v[v.length - 1] / v[0] > 20;
        List<Point> rp = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < v.length; k++) {
            if (Double.isFinite(rho[k])) {
                rp.add(Point.of(v[k], rho[k]));
                lo = Math.min(lo, rho[k]);
                hi = Math.max(hi, rho[k]);
            }
        }
        PlotSpec.Builder p = PlotSpec.builder("Regularisation scan",
                log ? Axis.log(scan.parameter(), "") : Axis.linear(scan.parameter(), ""),
                Axis.linear("Mean global correlation", "")).add(new LineSeries("Mean global correlation", rp, false));
        // the choices as labelled vertical lines, so that the legend tells them apart even when close
        choiceLine(p, "Min. global correlation", v[scan.byGlobalCorrelation()], lo, hi);
        choiceLine(p, "L-curve corner", v[scan.byLCurve()], lo, hi);
        if (scan.byTruth() >= 0) {
            choiceLine(p, "Min. \u03c7\u00b2 to truth", v[scan.byTruth()], lo, hi);
        }
        ctx.artifacts().plot("scan", p.build());

        List<Point> lc = new ArrayList<>();
        for (int k = 0; k < v.length; k++) {
            if (Double.isFinite(rx[k]) && Double.isFinite(ry[k])) {
                lc.add(Point.of(rx[k], ry[k]));
            }
        }
        if (lc.size() >= 2) {
            int c = scan.byLCurve();
            ctx.artifacts().plot("l_curve", PlotSpec.builder("L-curve", Axis.linear("Residual norm (log10)", ""),
                    Axis.linear("Regularisation norm (log10)", "")).add(new PointSeries("scan points", lc))
                    .add(new PointSeries("L-curve choice: " + scan.parameter() + " = " + String.format(java.util.Locale.ROOT, "%.3g", v[c]),
                            List.of(Point.of(rx[c], ry[c])))).build());
        }
    }
}
