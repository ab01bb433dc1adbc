package org.fluxion.fits.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.RatioPanel;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.fits.FitResult;

/**
 * The range fit of {@code muon_fits}: a, b (+ the theory normalisation or the power-law index) of
 * flux.md's band- and bin-averaged dΦ/dL against the unfolded propagation-length flux with its
 * covariance; the dΦ/dL plot with the fit and a ratio panel, and the (a, b) profile-χ² contours with
 * the synthetic truth. One use.
 */
final class RangeFitRun {
    /** Δχ² of the 1σ and 2σ contours of two parameters. */
    static final double ONE_SIGMA = 2.30, TWO_SIGMA = 6.18;

    private final StepContext ctx;
    private final MuonFitsSettings s;
    private final TheoryTable table;
    private final RangeModel kind;
    private final double phi0;
    private final double normalisation;
    private final double normalisationError;

    RangeFitRun(StepContext ctx, MuonFitsSettings s, TheoryTable table, RangeModel kind, double phi0,
            double normalisation, double normalisationError) {
        this.normalisation = normalisation;
        this.normalisationError = normalisationError;
        this.ctx = ctx;
        this.s = s;
        this.table = table;
        this.kind = kind;
        this.phi0 = phi0;
    }

    /**
     * Start values: a, b from the settings; the theory normalisation from the linear least-squares
     * solution at the start (a, b); γ from gamma_start or fix_index.
     */
    static double[] start(RangeFit model, ChiSquareFit chi, double aStart, double bStart, double gammaStart) {
        double[] p = { aStart, bStart, 1 };
        if (!model.free()[2]) {
            p[2] = model.fixedThird();
        } else if (model.kind() == RangeModel.THEORY) {
            double[] m = chi.whiten(model.expectation(p)), y = chi.whitenedData();
            double my = 0, mm = 0;
            for (int i = 0; i < m.length; i++) {
                my += m[i] * y[i];
                mm += m[i] * m[i];
            }
            p[2] = my / mm;
        } else {
            p[2] = gammaStart;
        }
        return p;
    }

    /** @return (a, b) fitted with the theory normalisation fixed to {@code norm}, started at {@code p} */
    private double[] refit(RangeFluxModel geometry, ChiSquareFit chi, double norm, double[] p) {
        RangeFit m = new RangeFit(geometry, kind, table.column(s.theoryColumn()), phi0, s.referenceEnergyGev(), norm);
        double[] start = { p[0], p[1], norm };
        return fit(m, chi, start).parameters();
    }

    /** Fits the model; the third parameter's scale is its start magnitude. */
    static ChiSquareFit.Outcome fit(RangeFit model, ChiSquareFit chi, double[] start) {
        return chi.fit(model, start, new double[] { start[0], start[1], Math.max(Math.abs(start[2]), 1e-3) },
                model.free(), model.names());
    }

    FitResult run(Spectrum flux, EffectiveArea area) {
        if (!area.unit().equals("m")) {
            throw new IllegalArgumentException("input '" + MuonFitsStepProvider.RANGE_AREA + "' is binned in '" + area.unit()
                    + "' but the range fit needs the propagation length in m of ice");
        }
        int[] idx = MuonFitsStepProvider.usableBins(flux, area, MuonFitsStepProvider.RANGE_FLUX,
                MuonFitsStepProvider.RANGE_AREA);
        Binning bin = flux.binning();
        RangeFluxModel geometry = geometry(bin, area, idx, s.density(), s.straggling(), s.quadratureNodes());
        RangeFit model = new RangeFit(geometry, kind, table == null ? null : table.column(s.theoryColumn()), phi0,
                s.referenceEnergyGev(), kind == RangeModel.THEORY ? normalisation : s.fixIndex());
        int nFree = (int) java.util.stream.IntStream.range(0, 3).filter(k -> model.free()[k]).count();
        if (idx.length <= nFree) {
            throw new IllegalArgumentException("range_fit: only " + idx.length + " of " + bin.bins() + " bins of input '"
                    + MuonFitsStepProvider.RANGE_FLUX + "' have a positive flux and variance; " + nFree
                    + " free parameters need at least " + (nFree + 1));
        }
        if (idx.length < bin.bins()) {
            ctx.warn("range_fit: " + (bin.bins() - idx.length) + " bins with zero flux or variance left out");
        }
        double[] y = MuonFitsStepProvider.values(flux, idx);
        double[][] v = MuonFitsStepProvider.covariance(flux, idx);
        ChiSquareFit chi = new ChiSquareFit(y, v);
        ChiSquareFit.Outcome o = fit(model, chi, start(model, chi, s.aStart(), s.bStart(), s.gammaStart()));
        double[] p = o.parameters();
        List<String> names = new ArrayList<>(List.of("a", "b")), units = new ArrayList<>(List.of("GeV/mwe", "1/mwe"));
        double[] values;
        if (model.free()[2]) {
            names.add(model.names()[2]);
            units.add("");
            values = p.clone();
        } else {
            values = new double[] { p[0], p[1] };
        }
        String desc = "range: dPhi/dL = Phi_E(E_s(rho L)) rho a e^(b rho L), Phi_E = " + (kind == RangeModel.THEORY
                ? (model.free()[2] ? "normalisation" : normalisation) + " x theory table '" + s.theoryColumn() + "'"
                : "phi0 (E/E0)^-gamma, phi0 = " + phi0 + (model.free()[2] ? ", gamma free" : ", gamma = " + s.fixIndex()))
                + (s.straggling() ? ", folded with lognormal straggling" : "");
        FitResult r = new FitResult(desc, names, units, values, o.covariance(), o.chi2(), idx.length - nFree, true);
        MuonFitsStepProvider.tables(ctx, "range_fit", r);
        Map<String, Object> sm = MuonFitsStepProvider.summary(r);
        sm.put("density_mwe_per_m", s.density());
        sm.put("straggling", s.straggling());
        sm.put("bins_used", idx.length);
        sm.put("model_evaluations", o.evaluations());
        double errA = r.error("a"), errB = r.error("b");
        if (kind == RangeModel.THEORY && !model.free()[2] && normalisationError > 0) {
            // the fixed normalisation's own uncertainty: refit at normalisation ± its error
            double[] up = refit(geometry, chi, normalisation + normalisationError, p);
            double[] down = refit(geometry, chi, normalisation - normalisationError, p);
            double da = 0.5 * Math.abs(up[0] - down[0]), db = 0.5 * Math.abs(up[1] - down[1]);
            errA = Math.hypot(errA, da);
            errB = Math.hypot(errB, db);
            sm.put("normalisation_error", normalisationError);
            sm.put("a_error_normalisation", da);
            sm.put("b_error_normalisation", db);
            sm.put("a_error_total", errA);
            sm.put("b_error_total", errB);
        }
        double[] truthBins = null;
        if (s.syntheticTruth()) {
            sm.put("injected_a", SyntheticTruth.A);
            sm.put("injected_b", SyntheticTruth.B);
            sm.put("pull_a", (p[0] - SyntheticTruth.A) / errA);
            sm.put("pull_b", (p[1] - SyntheticTruth.B) / errB);
            // what the unfolded flux should be: the true sky with the generator's straggling
            truthBins = geometry.withStraggling(true).binAverages(SyntheticTruth.SKY, SyntheticTruth.A, SyntheticTruth.B);
            sm.put("truth_chi2", chi.chi2(truthBins));
            sm.put("truth_note", "truth = bin- and band-averaged 0.92 Gaisser (E/TeV)^-0.04 with the generator's "
                    + "lognormal straggling, a = 0.259 GeV/mwe, b = 3.63e-4 /mwe");
        }
        List<double[]> c1 = List.of(), c2 = List.of();
        if (s.contourRays() > 0) {
            ProfileContour pc = new ProfileContour(chi, model, o);
            c1 = pc.trace(ONE_SIGMA, s.contourRays());
            c2 = pc.trace(TWO_SIGMA, s.contourRays());
            TableArtifact.Builder ct = TableArtifact.builder().column("delta_chi2", "").column("a", "GeV/mwe")
                    .column("b", "1/mwe");
            for (double[] q : c1) {
                ct.row(ONE_SIGMA, q[0], q[1]);
            }
            for (double[] q : c2) {
                ct.row(TWO_SIGMA, q[0], q[1]);
            }
            ctx.artifacts().table("range_fit_contour_points", ct.build());
            ctx.artifacts().plot("range_fit_contour", contourPlot(r, o, c1, c2));
        }
        ctx.artifacts().summary("range_fit_summary", sm);

        double[] fitted = model.expectation(p);
        TableArtifact.Builder t = TableArtifact.builder().column("L_low", "m").column("L_high", "m")
                .column("cos_zenith_low", "").column("cos_zenith_high", "").column("flux", flux.unit())
                .column("flux_error", flux.unit()).column("fit_bin_average", flux.unit())
                .column("truth_bin_average", flux.unit());
        List<Point> data = new ArrayList<>(), ratio = new ArrayList<>(), fitLine = new ArrayList<>(),
                truthLine = new ArrayList<>(), truthRatio = new ArrayList<>();
        double[] cosLo = area.cosZenithLow(), cosHi = area.cosZenithHigh();
        for (int a = 0; a < idx.length; a++) {
            int j = idx[a];
            double lo = bin.edge(j), hi = bin.edge(j + 1), err = Math.sqrt(v[a][a]);
            t.row(lo, hi, cosLo[j], cosHi[j], y[a], err, fitted[a], truthBins == null ? Double.NaN : truthBins[a]);
            data.add(new Point(0.5 * (lo + hi), y[a], 0.5 * (hi - lo), err, err));
            ratio.add(new Point(0.5 * (lo + hi), y[a] / fitted[a], 0.5 * (hi - lo), err / fitted[a], err / fitted[a]));
            fitLine.add(Point.of(lo, fitted[a]));
            fitLine.add(Point.of(hi, fitted[a]));
            if (truthBins != null) {
                truthLine.add(Point.of(lo, truthBins[a]));
                truthLine.add(Point.of(hi, truthBins[a]));
                truthRatio.add(Point.of(lo, truthBins[a] / fitted[a]));
                truthRatio.add(Point.of(hi, truthBins[a] / fitted[a]));
            }
        }
        ctx.artifacts().table("range_fit_points", t.build());
        PlotSpec.Builder plot = PlotSpec.builder("Propagation-length flux and range fit",
                Axis.linear("Propagation length L", "m of ice"),
                Axis.log("d\u03a6/dL", "m\u207b\u00b2 s\u207b\u00b9 sr\u207b\u00b9 m\u207b\u00b9"))
                .add(new PointSeries("Unfolded flux", data))
                .add(new LineSeries("Fit (bin and zenith-band average)", fitLine, false));
        List<org.fluxion.api.artifact.Series> rs = new ArrayList<>();
        rs.add(new PointSeries("", ratio));
        if (truthBins != null) {
            plot.add(new LineSeries("Synthetic truth (with straggling)", truthLine, true));
            rs.add(new LineSeries("Truth / fit", truthRatio, true));
        }
        plot.ratio(new RatioPanel(Axis.linear("Data / fit", "").withRange(0.7, 1.3), rs, 1.0));
        plot.annotate(String.format(Locale.ROOT, "a = %.4f \u00b1 %.4f GeV/mwe", p[0], r.error("a")));
        plot.annotate(String.format(Locale.ROOT, "b = (%.3f \u00b1 %.3f)\u00b710\u207b\u2074 /mwe", p[1] * 1e4,
                r.error("b") * 1e4));
        if (model.free()[2]) {
            plot.annotate(String.format(Locale.ROOT, "%s = %.4g \u00b1 %.2g", kind == RangeModel.THEORY
                    ? "theory normalisation" : "\u03b3", p[2], r.error(model.names()[2])));
        }
        plot.annotate(String.format(Locale.ROOT, "\u03c1(a, b) = %.3f, \u03c7\u00b2/ndf = %.2f / %d", r.correlation("a", "b"),
                r.chi2(), r.ndf()));
        ctx.artifacts().plot("range_fit", plot.build());
        return r;
    }

    /** @return the model geometry of bins idx: their edges, the effective area's bands */
    static RangeFluxModel geometry(Binning bin, EffectiveArea area, int[] idx, double density, boolean straggling,
            int nodes) {
        double[] lo = new double[idx.length], hi = new double[idx.length], cl = new double[idx.length],
                ch = new double[idx.length];
        double[] cosLo = area.cosZenithLow(), cosHi = area.cosZenithHigh();
        for (int a = 0; a < idx.length; a++) {
            lo[a] = bin.edge(idx[a]);
            hi[a] = bin.edge(idx[a] + 1);
            cl[a] = cosLo[idx[a]];
            ch[a] = cosHi[idx[a]];
        }
        return new RangeFluxModel(lo, hi, cl, ch, density, straggling, nodes);
    }

    private PlotSpec contourPlot(FitResult r, ChiSquareFit.Outcome o, List<double[]> c1, List<double[]> c2) {
        double[] p = o.parameters();
        double[][] cov = o.covariance();
        PlotSpec.Builder plot = PlotSpec.builder("Range fit: (a, b) profile-\u03c7\u00b2 contours",
                Axis.linear("a", "GeV/mwe"), Axis.linear("b", "10\u207b\u2074 mwe\u207b\u00b9"));
        plot.add(new LineSeries("1\u03c3 (\u0394\u03c7\u00b2 = 2.30)", scaled(c1), false));
        plot.add(new LineSeries("2\u03c3 (\u0394\u03c7\u00b2 = 6.18)", scaled(c2), false));
        // the Gaussian 1σ ellipse of the fitted covariance, for comparison
        List<Point> ell = new ArrayList<>();
        double l00 = Math.sqrt(cov[0][0]), l10 = cov[0][1] / l00, l11 = Math.sqrt(Math.max(cov[1][1] - l10 * l10, 0));
        double rr = Math.sqrt(ONE_SIGMA);
        for (int k = 0; k <= 120; k++) {
            double phi = 2 * Math.PI * k / 120;
            ell.add(Point.of(p[0] + rr * l00 * Math.cos(phi),
                    1e4 * (p[1] + rr * (l10 * Math.cos(phi) + l11 * Math.sin(phi)))));
        }
        plot.add(new LineSeries("1\u03c3 ellipse of the covariance", ell, true));
        plot.add(new PointSeries("Best fit", List.of(new Point(p[0], 1e4 * p[1], r.error("a"), 1e4 * r.error("b"),
                1e4 * r.error("b")))));
        if (s.syntheticTruth()) {
            plot.add(new PointSeries("Synthetic truth", List.of(Point.of(SyntheticTruth.A, 1e4 * SyntheticTruth.B))));
        }
        plot.annotate(String.format(Locale.ROOT, "a = %.4f \u00b1 %.4f GeV/mwe", p[0], r.error("a")));
        plot.annotate(String.format(Locale.ROOT, "b = (%.3f \u00b1 %.3f)\u00b710\u207b\u2074 /mwe", 1e4 * p[1],
                1e4 * r.error("b")));
        plot.annotate(String.format(Locale.ROOT, "\u03c1(a, b) = %.3f", r.correlation("a", "b")));
        if (s.syntheticTruth()) {
            plot.annotate(String.format(Locale.ROOT, "synthetic truth: a = %.3f, b = %.2f\u00b710\u207b\u2074",
                    SyntheticTruth.A, 1e4 * SyntheticTruth.B));
        }
        return plot.build();
    }

    private static List<Point> scaled(List<double[]> c) {
        return c.stream().map(q -> Point.of(q[0], 1e4 * q[1])).toList();
    }
}
