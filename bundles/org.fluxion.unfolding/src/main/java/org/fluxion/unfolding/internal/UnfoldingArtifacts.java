package org.fluxion.unfolding.internal;

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
import org.fluxion.api.workflow.StepContext;
import org.fluxion.unfolding.api.RegisteredUnfolder;
import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;

/**
 * The artifacts of an unfolding, shared by the {@code unfold_histograms} and {@code unfold} steps:
 * bin table with the 68 % intervals, covariance, diagnostics, the unfolded / correlation / response
 * plots and the regularisation scan. Stateless.
 */
final class UnfoldingArtifacts {
    private UnfoldingArtifacts() {
    }

    /**
     * Writes {@code unfolded_bins} (table), {@code covariance} (table), {@code diagnostics}
     * (summary) and the plots {@code unfolded}, {@code correlation} and {@code response}.
     *
     * @param quantity name of the true quantity (axis titles), not null
     * @param unit     its unit, "" if none
     * @param truth    true selected events per true bin (closure), or null
     */
    static void writeResult(StepContext ctx, String quantity, String unit, RegisteredUnfolder ru,
            UnfoldingProblem problem, UnfoldingResult r, double[] truth) {
        writeResult(ctx, quantity, unit, ru.id(), problem.response(), r.estimate(), r.lower(), r.upper(),
                r.acceptanceCorrected(), diagnostics(ru, r, truth), truth);
    }

    /**
     * @return the {@code diagnostics} summary of a result: the unfolder's diagnostics, its origin,
     *         the number of posterior samples and, with a truth, the diagonal χ² to it
     */
    static Map<String, Object> diagnostics(RegisteredUnfolder ru, UnfoldingResult r, double[] truth) {
        Spectrum est = r.estimate();
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
            for (int j = 0; j < est.binning().bins(); j++) {
                chi2 += v[j][j] > 0 ? Math.pow(est.value(j) - truth[j], 2) / v[j][j] : 0;
            }
            diag.put("chi2_diagonal_to_truth", chi2);
            diag.put("true_bins", est.binning().bins());
        }
        return diag;
    }

    /**
     * The same artifacts from their parts (used when a saved unfolding is reloaded).
     *
     * @param method   unfolder id, for the plot title
     * @param response the response the unfolding used
     * @param est      selected events per true bin with covariance
     * @param lo       lower 68 % interval edges
     * @param hi       upper 68 % interval edges
     * @param acc      acceptance-corrected estimate, or null
     * @param diag     the {@code diagnostics} summary, written as given
     * @param truth    true selected events per true bin, or null
     */
    static void writeResult(StepContext ctx, String quantity, String unit, String method, ResponseMatrix response,
            Spectrum est, double[] lo, double[] hi, Spectrum acc, Map<String, Object> diag, double[] truth) {
        Binning tb = est.binning();
        TableArtifact.Builder t = TableArtifact.builder().column("true_low", unit).column("true_high", unit)
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
        ctx.artifacts().summary("diagnostics", diag);

        Axis x = tb.kind() == Binning.Kind.LOG10 ? Axis.log(quantity, unit) : Axis.linear(quantity, unit);
        // log axis: bins below 1e-6 of the largest (e.g. pinned to 0 by the unfolder) stay in the table only
        double vmax = 0;
        for (int j = 0; j < tb.bins(); j++) {
            vmax = Math.max(vmax, Math.max(est.value(j), truth == null ? 0 : truth[j]));
        }
        List<Point> pts = new ArrayList<>();
        double ymin = Double.POSITIVE_INFINITY;
        for (int j = 0; j < tb.bins(); j++) {
            double v = est.value(j);
            if (v >= 1e-6 * vmax && v > 0) {
                pts.add(new Point(tb.centre(j), v, 0, Math.min(Math.max(0, v - lo[j]), 0.999 * v), Math.max(0, hi[j] - v)));
                ymin = Math.min(ymin, v);
            }
            if (truth != null && truth[j] >= 1e-6 * vmax && truth[j] > 0) {
                ymin = Math.min(ymin, truth[j]);
            }
        }
        Axis y = Axis.log("Selected events per bin", "");
        if (vmax > 0 && ymin < vmax) {
            y = y.withRange(ymin / 5, vmax * 5);
        }
        PlotSpec.Builder p = PlotSpec.builder("Unfolded (" + method + ")", x, y)
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

        ResponseMatrix resp = response;
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
                Axis.linear("Reconstructed quantity (proxy, in its own units)", ""), x).colour(Axis.log("Probability", ""))
                .add(new Map2DSeries("", rm.build(), false)).build());
    }

    /**
     * Writes {@code scan_points} (table), {@code scan_choice} (summary) and the plots {@code scan}
     * and {@code l_curve}.
     */
    private static void choiceLine(PlotSpec.Builder p, String what, double x, double lo, double hi) {
        if (lo < hi) {
            p.add(new LineSeries(what + ": " + String.format(java.util.Locale.ROOT, "%.3g", x),
                    List.of(Point.of(x, lo), Point.of(x, hi)), true));
        }
    }

    static void writeScan(StepContext ctx, RegularisationScan scan) {
        writeScan(ctx, scan, -1, "");
    }

    /**
     * As {@link #writeScan(StepContext, RegularisationScan)}, with the value used for the unfolding
     * marked: {@code used} is its index (-1 for none), {@code criterion} names how it was chosen.
     */
    static void writeScan(StepContext ctx, RegularisationScan scan, int used, String criterion) {
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
        if (used >= 0) {
            choice.put("used", v[used]);
            choice.put("used_criterion", criterion);
        }
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
        if (used >= 0) {
            p.annotate("used: " + scan.parameter() + " = " + String.format(java.util.Locale.ROOT, "%.3g", v[used]) + " ("
                    + criterion + ")");
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
