package org.fluxion.unfolding.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.BandSeries;
import org.fluxion.api.artifact.HistogramSeries;
import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.Marker;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.RatioPanel;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.unfolding.api.RegularisationScan;

/**
 * Every artifact and output of {@code unfold_flux}, made from a {@link SavedState} (computed now or
 * reloaded) and the current effective area. Stateless.
 */
final class FluxArtifacts {
    private static final String INV = "\u207b";

    private FluxArtifacts() {
    }

    static String fluxAxisUnit(UnfoldFluxSettings s) {
        return "m" + INV + "\u00b2 s" + INV + "\u00b9 sr" + INV + "\u00b9 " + s.unit() + INV + "\u00b9";
    }

    static void write(StepContext ctx, UnfoldFluxSettings s, Binning tb, Binning pb, SavedState st, EffectiveArea area)
            throws Exception {
        int n = tb.bins();
        ctx.artifacts().summary("inputs", st.map("inputs"));
        ctx.artifacts().table(SavedState.NAME, st.table());
        ResponseMatrix response = ResponseMatrix.of(pb, tb, st.matrix("response_sumw"), st.matrix("response_sumw2"));
        Spectrum est = Spectrum.of(tb, st.vector("result_estimate"), st.matrix("result_covariance"), "events");
        double[] lo = st.vector("result_lower"), hi = st.vector("result_upper"), truth = st.vector("truth");
        Map<String, Object> diag = st.map("diagnostics");
        String method = String.valueOf(diag.get("method"));
        UnfoldingArtifacts.writeResult(ctx, s.label(), s.unit(), method, response, est, lo, hi, null, diag, truth);
        writeObserved(ctx, pb, st.vector("observed"), st.vector("background"));
        if (st.matrix("scan") != null) {
            double[][] sc = st.matrix("scan");
            Map<String, Object> ch = st.map("scan_choice");
            RegularisationScan scan = new RegularisationScan(String.valueOf(ch.get("parameter")), sc[0], sc[1], sc[2],
                    sc[3], sc[4], (Integer) ch.get("by_global_correlation"), (Integer) ch.get("by_l_curve"),
                    (Integer) ch.get("by_truth"));
            UnfoldingArtifacts.writeScan(ctx, scan, (Integer) ch.get("used"), s.criterion().replace('_', ' '));
        }
        if (st.matrix("trace") != null) {
            writeTrace(ctx, s, tb, st.matrix("trace"));
        }
        if (s.plotSystematics()) {
            writeSystematics(ctx, s, tb, st, est, lo, hi, diag);
        }
        double livetime = ((Number) st.map("inputs").get("livetime_s")).doubleValue();
        ctx.output(UnfoldFluxStepProvider.UNFOLDED, est);
        if (area != null) {
            Spectrum flux = FluxNormalisation.flux(est, area, livetime, s.fluxUnit());
            Spectrum statOnly = FluxNormalisation.flux(est, withoutErrors(area), livetime, s.fluxUnit());
            Spectrum truthFlux = truth == null ? null
                    : FluxNormalisation.flux(Spectrum.of(tb, truth, new double[n][n], "events"), withoutErrors(area),
                            livetime, s.fluxUnit());
            writeFluxTables(ctx, s, tb, flux, statOnly, area, livetime, truthFlux);
            ctx.output(UnfoldFluxStepProvider.FLUX, flux);
            if (s.plotResults()) {
                TheoryTable theory = null;
                if (!s.mceqPath().isEmpty()) {
                    Path file = ctx.inputFile(s.mceqPath());
                    if (!java.nio.file.Files.isRegularFile(file)) {
                        throw new InvalidSettingsException("mceq_path", "theory table " + file + " does not exist");
                    }
                    theory = TheoryTable.read(file);
                }
                writeFluxPlots(ctx, s, tb, flux, truthFlux, area, theory, livetime);
            }
        } else if (s.plotResults()) {
            throw new InvalidSettingsException("plot_results", "the flux plot needs the effective_area input");
        }
        if (s.evaluate()) {
            writeEvaluation(ctx, s, tb, st, method);
        }
    }

    private static EffectiveArea withoutErrors(EffectiveArea a) {
        int n = a.binning().bins();
        return EffectiveArea.of(a.quantity(), a.unit(), a.binning(), a.areaM2(), new double[n], new double[n],
                a.cosZenithLow(), a.cosZenithHigh());
    }

    private static Axis trueAxis(UnfoldFluxSettings s, Binning tb) {
        return tb.kind() == Binning.Kind.LOG10 ? Axis.log(s.label(), s.unit()) : Axis.linear(s.label(), s.unit());
    }

    private static void writeObserved(StepContext ctx, Binning pb, double[] g, double[] b) {
        TableArtifact.Builder t = TableArtifact.builder().column("proxy_low", "").column("proxy_high", "")
                .column("observed", "events").column("expected_background", "events");
        for (int i = 0; i < pb.bins(); i++) {
            t.row(pb.edge(i), pb.edge(i + 1), g[i], b[i]);
        }
        ctx.artifacts().table("observed_bins", t.build());
    }

    /** The chain of walker 0 for up to five true bins, each relative to its median. */
    private static void writeTrace(StepContext ctx, UnfoldFluxSettings s, Binning tb, double[][] trace) {
        int n = tb.bins();
        TableArtifact.Builder t = TableArtifact.builder().column("step", "");
        for (int j = 0; j < n; j++) {
            t.column("f_" + j, "events");
        }
        for (double[] row : trace) {
            Object[] r = new Object[n + 1];
            r[0] = (long) row[0];
            for (int j = 0; j < n; j++) {
                r[j + 1] = row[j + 1];
            }
            t.row(r);
        }
        ctx.artifacts().table("mcmc_chain", t.build());
        PlotSpec.Builder p = PlotSpec.builder("MCMC trace (walker 0, kept steps)", Axis.linear("Step", ""),
                Axis.linear("f / median(f)", ""));
        int shown = Math.min(5, n);
        for (int q = 0; q < shown; q++) {
            int j = shown == 1 ? 0 : (int) Math.round(q * (n - 1.0) / (shown - 1));
            double[] v = new double[trace.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = trace[k][j + 1];
            }
            double med = quantile(v, 0.5);
            List<Point> pts = new ArrayList<>();
            for (int k = 0; k < v.length; k++) {
                pts.add(Point.of(trace[k][0], med > 0 ? v[k] / med : 0));
            }
            p.add(new LineSeries(String.format(Locale.ROOT, "true bin %d [%.4g, %.4g) %s", j, tb.edge(j), tb.edge(j + 1),
                    s.unit()), pts, false));
        }
        ctx.artifacts().plot("mcmc_trace", p.build());
    }

    static double quantile(double[] v, double q) {
        double[] c = v.clone();
        Arrays.sort(c);
        if (c.length == 0) {
            return Double.NaN;
        }
        double pos = q * (c.length - 1);
        int a = (int) Math.floor(pos);
        int b = Math.min(c.length - 1, a + 1);
        return c[a] + (pos - a) * (c[b] - c[a]);
    }

    private static void writeSystematics(StepContext ctx, UnfoldFluxSettings s, Binning tb, SavedState st, Spectrum est,
            double[] lo, double[] hi, Map<String, Object> diag) {
        double[][] post = st.matrix("posterior");
        int n = tb.bins();
        for (int j = 0; j < n; j++) {
            if (s.binIndex() != null && s.binIndex() != j) {
                continue;
            }
            int nb = post[j].length - 2;
            Binning hb = Binning.linear(nb, post[j][0], post[j][1]);
            double[] c = Arrays.copyOfRange(post[j], 2, nb + 2);
            double max = 0;
            for (double x : c) {
                max = Math.max(max, x);
            }
            PlotSpec.Builder p = PlotSpec.builder(String.format(Locale.ROOT, "Posterior of true bin %d: [%.4g, %.4g) %s",
                    j, tb.edge(j), tb.edge(j + 1), s.unit()), Axis.linear("Selected events f_" + j, ""),
                    Axis.linear("Posterior samples", "").withRange(0, 1.25 * Math.max(max, 1)))
                    .add(HistogramSeries.step("MCMC samples", Histogram.of(hb, c, c)))
                    .marker(Marker.atX(est.value(j), "median")).marker(Marker.atX(lo[j], "15.87 %"))
                    .marker(Marker.atX(hi[j], "84.13 %"));
            p.annotate(String.format(Locale.ROOT, "f = %.4g (+%.3g / \u2212%.3g)", est.value(j), hi[j] - est.value(j),
                    est.value(j) - lo[j]));
            ctx.artifacts().plot("posterior_bin_" + j, p.build());
        }
        // nuisance parameters: posterior relative to the prior, (θ − θ0)/σ_prior with the posterior width
        TableArtifact.Builder t = TableArtifact.builder().column("parameter", "").column("prior_mean", "")
                .column("prior_sigma", "").column("posterior_mean", "").column("posterior_sigma", "").column("pull", "")
                .column("constraint", "");
        List<Point> pts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (diag.get("epsilon") instanceof Double e && diag.get("epsilon_sigma") instanceof Double es) {
            names.add("epsilon");
            double pull = (e - 1) / s.epsilon();
            t.row("epsilon", 1.0, s.epsilon(), e, es, pull, es / s.epsilon());
            pts.add(new Point(names.size() - 1, pull, 0, es / s.epsilon(), es / s.epsilon()));
        }
        for (String k : diag.keySet()) {
            if (k.startsWith("theta_") && !k.endsWith("_sigma") && diag.get(k) instanceof Double th
                    && diag.get(k + "_sigma") instanceof Double ts) {
                String name = k.substring(6);
                names.add(name);
                t.row(name, 0.0, 1.0, th, ts, th, ts);
                pts.add(new Point(names.size() - 1, th, 0, ts, ts));
            }
        }
        if (!pts.isEmpty()) {
            ctx.artifacts().table("nuisances", t.build());
            List<Point> band = List.of(Point.of(-0.5, 0, 1), Point.of(names.size() - 0.5, 0, 1));
            PlotSpec.Builder p = PlotSpec.builder("Nuisance parameters: posterior relative to the prior",
                    Axis.linear("Parameter index", "").withRange(-0.5, names.size() - 0.5),
                    Axis.linear("(\u03b8 \u2212 \u03b8\u2080) / \u03c3_prior", "").withRange(-3, 3))
                    .add(new BandSeries("prior \u00b11\u03c3", band)).add(new PointSeries("posterior mean \u00b1 \u03c3", pts));
            for (int k = 0; k < names.size(); k++) {
                p.annotate(k + ": " + names.get(k));
            }
            ctx.artifacts().plot("nuisance_parameters", p.build());
        }
    }

    private static void writeFluxTables(StepContext ctx, UnfoldFluxSettings s, Binning tb, Spectrum flux,
            Spectrum statOnly, EffectiveArea area, double livetime, Spectrum truthFlux) {
        String u = s.fluxUnit();
        TableArtifact.Builder t = TableArtifact.builder().column("true_low", s.unit()).column("true_high", s.unit())
                .column("centre", s.unit()).column("flux", u).column("error_stat", u).column("error_total", u)
                .column("effective_area", "m2").column("solid_angle", "sr").column("cos_zenith_low", "")
                .column("cos_zenith_high", "").column("livetime", "s");
        if (truthFlux != null) {
            t.column("flux_truth", u);
        }
        for (int j = 0; j < tb.bins(); j++) {
            List<Object> row = new ArrayList<>(List.of(tb.edge(j), tb.edge(j + 1), tb.centre(j), flux.value(j),
                    statOnly.uncertainty(j), flux.uncertainty(j), area.areaM2(j), area.solidAngleSr(j),
                    area.cosZenithLow()[j], area.cosZenithHigh()[j], livetime));
            if (truthFlux != null) {
                row.add(truthFlux.value(j));
            }
            t.row(row.toArray());
        }
        ctx.artifacts().table("flux_bins", t.build());
        double[][] c = flux.covariance();
        TableArtifact.Builder ct = TableArtifact.builder().column("bin", "");
        for (int j = 0; j < tb.bins(); j++) {
            ct.column("cov_" + j, "(" + u + ")^2");
        }
        for (int i = 0; i < tb.bins(); i++) {
            Object[] row = new Object[tb.bins() + 1];
            row[0] = i;
            for (int j = 0; j < tb.bins(); j++) {
                row[j + 1] = c[i][j];
            }
            ct.row(row);
        }
        ctx.artifacts().table("flux_covariance", ct.build());
    }

    private static List<Point> points(Binning tb, double[] y, double[] err, double scalePower) {
        List<Point> pts = new ArrayList<>();
        for (int j = 0; j < tb.bins(); j++) {
            double f = Math.pow(tb.centre(j), scalePower);
            if (y[j] > 0) {
                pts.add(new Point(tb.centre(j), y[j] * f, 0.5 * tb.width(j), Math.min(err[j] * f, 0.999 * y[j] * f),
                        err[j] * f));
            }
        }
        return pts;
    }

    private static void writeFluxPlots(StepContext ctx, UnfoldFluxSettings s, Binning tb, Spectrum flux,
            Spectrum truthFlux, EffectiveArea area, TheoryTable theory, double livetime) {
        int n = tb.bins();
        double[] v = flux.values(), e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = flux.uncertainty(j);
        }
        String name = s.range() ? "d\u03a6/dL" : "d\u03a6/dE";
        Axis x = trueAxis(s, tb);
        PlotSpec.Builder p = PlotSpec.builder((s.range() ? "Stopping-muon flux vs propagation length"
                : "Stopping-muon flux vs surface energy") + " (T = " + fmt(livetime) + ")", x,
                Axis.log(name, fluxAxisUnit(s))).add(new PointSeries("Unfolded (stat. \u2295 A_eff)", points(tb, v, e, 0)));
        if (truthFlux != null) {
            p.add(new PointSeries("MC truth (injected, weighted)", points(tb, truthFlux.values(), new double[n], 0)));
            p.ratio(ratio(tb, v, e, truthFlux.values(), "Unfolded / truth"));
        }
        p.annotate("acceptance, livetime, \u03a9_i and bin width applied");
        ctx.artifacts().plot("flux", p.build());
        if (s.range()) {
            return;
        }
        PlotSpec.Builder q = PlotSpec.builder("E\u00b3-weighted surface muon flux", x,
                Axis.log("E\u00b3 d\u03a6/dE", "GeV\u00b2 m" + INV + "\u00b2 s" + INV + "\u00b9 sr" + INV + "\u00b9"))
                .add(new PointSeries("Unfolded (stat. \u2295 A_eff)", points(tb, v, e, 3)));
        if (truthFlux != null) {
            q.add(new PointSeries("MC truth (injected, weighted)", points(tb, truthFlux.values(), new double[n], 3)));
        }
        if (theory != null) {
            double[] cl = area.cosZenithLow(), ch = area.cosZenithHigh();
            double[] tot = new double[n], conv = new double[n];
            TableArtifact.Builder t = TableArtifact.builder().column("true_low", "GeV").column("true_high", "GeV")
                    .column("theory_total", s.fluxUnit()).column("theory_conventional", s.fluxUnit());
            List<Point> lt = new ArrayList<>(), lc = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                tot[j] = theory.binAverage(TheoryTable.Component.TOTAL, tb.edge(j), tb.edge(j + 1), cl[j], ch[j]);
                conv[j] = theory.binAverage(TheoryTable.Component.CONVENTIONAL, tb.edge(j), tb.edge(j + 1), cl[j], ch[j]);
                t.row(tb.edge(j), tb.edge(j + 1), tot[j], conv[j]);
                double c3 = Math.pow(tb.centre(j), 3);
                lt.add(Point.of(tb.centre(j), tot[j] * c3));
                lc.add(Point.of(tb.centre(j), conv[j] * c3));
            }
            ctx.artifacts().table("theory_bins", t.build());
            q.add(new LineSeries("Theory total (" + theory.source() + ", band-averaged)", lt, false));
            q.add(new LineSeries("Theory conventional", lc, true));
            q.ratio(ratio(tb, v, e, tot, "Unfolded / theory"));
        } else if (truthFlux != null) {
            q.ratio(ratio(tb, v, e, truthFlux.values(), "Unfolded / truth"));
        }
        ctx.artifacts().plot("flux_e3", q.build());
    }

    private static String fmt(double t) {
        return String.format(Locale.ROOT, "%.4g s", t);
    }

    private static RatioPanel ratio(Binning tb, double[] v, double[] e, double[] ref, String label) {
        List<Point> r = new ArrayList<>();
        for (int j = 0; j < tb.bins(); j++) {
            if (ref[j] > 0) {
                r.add(new Point(tb.centre(j), v[j] / ref[j], 0.5 * tb.width(j), e[j] / ref[j], e[j] / ref[j]));
            }
        }
        return new RatioPanel(Axis.linear(label, ""), List.of(new PointSeries("", r)), 1.0);
    }

    /** Unfolded test split vs truth, pulls of the pseudo-experiments, coverage. */
    private static void writeEvaluation(StepContext ctx, UnfoldFluxSettings s, Binning tb, SavedState st, String method) {
        int n = tb.bins();
        double[] f = st.vector("eval_estimate"), lo = st.vector("eval_lower"), hi = st.vector("eval_upper");
        double[] t = st.vector("eval_truth");
        double[][] cov = st.matrix("eval_covariance");
        List<Point> pts = new ArrayList<>(), ratio = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            pts.add(new Point(tb.centre(j), f[j], 0, Math.min(f[j] - lo[j], 0.999 * f[j]), hi[j] - f[j]));
            if (t[j] > 0) {
                ratio.add(new Point(tb.centre(j), f[j] / t[j], 0.5 * tb.width(j), (f[j] - lo[j]) / t[j],
                        (hi[j] - f[j]) / t[j]));
            }
        }
        double chi2 = Chi2.of(f, t, cov);
        ctx.artifacts().plot("evaluation_unfolded", PlotSpec.builder("Unfolded MC test split vs truth (" + method + ")",
                trueAxis(s, tb), Axis.log("Selected events per bin", ""))
                .add(HistogramSeries.step("Truth (weighted test split \u00d7 T)", Histogram.of(tb, t, new double[n])))
                .add(new PointSeries("Unfolded, 68 % interval", pts))
                .ratio(new RatioPanel(Axis.linear("Unfolded / truth", ""), List.of(new PointSeries("", ratio)), 1.0))
                .annotate(String.format(Locale.ROOT, "\u03c7\u00b2 (full covariance) = %.1f / %d bins", chi2, n)).build());

        double[][] toys = st.matrix("toys");
        int nt = toys.length;
        double[] mean = new double[n], width = new double[n], cover = new double[n];
        List<Double> all = new ArrayList<>();
        TableArtifact.Builder tab = TableArtifact.builder().column("true_low", s.unit()).column("true_high", s.unit())
                .column("truth", "events").column("mean_estimate", "events").column("pull_mean", "")
                .column("pull_mean_error", "").column("pull_width", "").column("pull_width_error", "")
                .column("coverage_68", "").column("coverage_68_error", "");
        for (int j = 0; j < n; j++) {
            double sp = 0, sp2 = 0, sf = 0;
            int m = 0, inside = 0;
            for (double[] toy : toys) {
                double sig = toy[n + j];
                sf += toy[j];
                if (t[j] >= toy[2 * n + j] && t[j] <= toy[3 * n + j]) {
                    inside++;
                }
                if (sig > 1e-6) {
                    double pull = (toy[j] - t[j]) / sig;
                    sp += pull;
                    sp2 += pull * pull;
                    all.add(pull);
                    m++;
                }
            }
            mean[j] = m > 0 ? sp / m : Double.NaN;
            width[j] = m > 1 ? Math.sqrt(Math.max(0, (sp2 - m * mean[j] * mean[j]) / (m - 1))) : Double.NaN;
            cover[j] = (double) inside / nt;
            tab.row(tb.edge(j), tb.edge(j + 1), t[j], sf / nt, mean[j], width[j] / Math.sqrt(Math.max(m, 1)), width[j],
                    width[j] / Math.sqrt(2.0 * Math.max(m - 1, 1)), cover[j], Math.sqrt(cover[j] * (1 - cover[j]) / nt));
        }
        ctx.artifacts().table("evaluation_bins", tab.build());
        double am = 0, aw = 0;
        for (double p : all) {
            am += p;
        }
        am /= Math.max(1, all.size());
        for (double p : all) {
            aw += (p - am) * (p - am);
        }
        aw = Math.sqrt(aw / Math.max(1, all.size() - 1));
        double cov68 = 0;
        for (double c : cover) {
            cov68 += c / n;
        }
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("pseudo_experiments", nt);
        sm.put("pull_mean", am);
        sm.put("pull_width", aw);
        sm.put("coverage_68_mean", cov68);
        sm.put("chi2_test_split_full_covariance", chi2);
        sm.put("true_bins", n);
        sm.put("toy_unfolding", method.equals("llh") ? "llh MAP with inverse-Hessian errors" : method);
        ctx.artifacts().summary("evaluation", sm);

        Binning pbins = Binning.linear(24, -6, 6);
        Histogram.Builder hb = Histogram.builder(pbins);
        for (double p : all) {
            hb.fill(Math.max(-5.999, Math.min(5.999, p)));
        }
        Histogram h = hb.build();
        List<Point> gauss = new ArrayList<>();
        double norm = all.size() * pbins.width(0);
        for (int k = 0; k <= 120; k++) {
            double z = -6 + 0.1 * k;
            gauss.add(Point.of(z, norm * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI)));
        }
        ctx.artifacts().plot("evaluation_pulls", PlotSpec.builder("Pulls of " + nt + " pseudo-experiments, all true bins",
                Axis.linear("(unfolded \u2212 truth) / \u03c3", ""), Axis.linear("Entries", ""))
                .add(HistogramSeries.points("pseudo-experiments", h)).add(new LineSeries("N(0, 1)", gauss, false))
                .annotate(String.format(Locale.ROOT, "mean %.3f, width %.3f", am, aw))
                .annotate(String.format(Locale.ROOT, "68 %% coverage %.3f", cov68)).build());
        List<Point> pm = new ArrayList<>(), cv = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (Double.isFinite(mean[j])) {
                pm.add(new Point(tb.centre(j), mean[j], 0.5 * tb.width(j), width[j], width[j]));
            }
            cv.add(new Point(tb.centre(j), cover[j], 0.5 * tb.width(j), Math.sqrt(cover[j] * (1 - cover[j]) / nt),
                    Math.sqrt(cover[j] * (1 - cover[j]) / nt)));
        }
        List<Point> band = List.of(Point.of(tb.low(), 0, 1), Point.of(tb.high(), 0, 1));
        ctx.artifacts().plot("evaluation_pulls_per_bin", PlotSpec.builder("Pull mean and width per true bin",
                trueAxis(s, tb), Axis.linear("Pull (mean \u00b1 width)", "").withRange(-4, 4))
                .add(new BandSeries("N(0, 1): \u00b11", band)).add(new PointSeries("pseudo-experiments", pm)).build());
        ctx.artifacts().plot("evaluation_coverage", PlotSpec.builder("Coverage of the 68 % intervals",
                trueAxis(s, tb), Axis.linear("Fraction of toys with the truth inside", "").withRange(0, 1.05))
                .add(new PointSeries("pseudo-experiments", cv)).marker(Marker.atY(0.6827, "68.27 %")).build());
    }
}
