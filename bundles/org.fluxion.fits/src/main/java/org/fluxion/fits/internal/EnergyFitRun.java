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
import org.fluxion.api.artifact.Series;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.fits.FitResult;

/**
 * The energy fit of {@code muon_fits}: Φ0 (E/E0)^-γ, bin-averaged, against the unfolded energy flux
 * with its covariance; the E³Φ plot with the fit, the band-averaged theory curves and a data/theory
 * ratio panel; the injected effective index of the synthetic true sky for the same bins. One use.
 */
final class EnergyFitRun {
    private final StepContext ctx;
    private final MuonFitsSettings s;
    private final TheoryTable table;
    private double theoryNormalisation = Double.NaN, theoryNormalisationError = Double.NaN;

    EnergyFitRun(StepContext ctx, MuonFitsSettings s, TheoryTable table) {
        this.ctx = ctx;
        this.s = s;
        this.table = table;
    }

    /** Fits a power law to the bin averages y (bins given by edges) with covariance v; start γ = gammaStart. */
    static ChiSquareFit.Outcome fit(double[] edges, double[] y, double[][] v, double e0, double gammaStart) {
        return fitBins(Binning.ofEdges(edges), java.util.stream.IntStream.range(0, y.length).toArray(), y, v, e0,
                gammaStart);
    }

    FitResult run(Spectrum flux, EffectiveArea area) {
        int[] idx = MuonFitsStepProvider.usableBins(flux, area, MuonFitsStepProvider.ENERGY_FLUX,
                MuonFitsStepProvider.ENERGY_AREA);
        Binning b = flux.binning();
        if (idx.length < 3) {
            throw new IllegalArgumentException("energy_fit: only " + idx.length + " of " + b.bins() + " bins of input '"
                    + MuonFitsStepProvider.ENERGY_FLUX + "' have a positive flux and variance; a two-parameter fit needs 3");
        }
        if (idx.length < b.bins()) {
            ctx.warn("energy_fit: " + (b.bins() - idx.length) + " bins with zero flux or variance left out");
        }
        double[] edges = subEdges(b, idx);
        double[] y = MuonFitsStepProvider.values(flux, idx);
        double[][] v = MuonFitsStepProvider.covariance(flux, idx);
        double e0 = s.referenceEnergyGev();
        ChiSquareFit.Outcome o = fitBins(b, idx, y, v, e0, s.gammaStart());
        FitResult r = new FitResult("energy: power_law phi0 (E/E0)^-gamma, E0 = " + e0 + " GeV", List.of("phi0", "gamma"),
                List.of(flux.unit(), ""), o.parameters(), o.covariance(), o.chi2(), idx.length - 2, true);
        MuonFitsStepProvider.tables(ctx, "energy_fit", r);
        Map<String, Object> sm = MuonFitsStepProvider.summary(r);
        sm.put("reference_energy_gev", e0);
        sm.put("bins_used", idx.length);
        double[] cosLo = area.cosZenithLow(), cosHi = area.cosZenithHigh();
        SkyAverage avg = new SkyAverage(s.quadratureNodes());
        double[] truthBins = null;
        if (s.syntheticTruth()) {
            truthBins = new double[idx.length];
            for (int a = 0; a < idx.length; a++) {
                int j = idx[a];
                truthBins[a] = avg.binAndBand(SyntheticTruth.SKY, b.edge(j), b.edge(j + 1), cosLo[j], cosHi[j]);
            }
            ChiSquareFit.Outcome t = fitBins(b, idx, truthBins, v, e0, s.gammaStart());
            sm.put("injected_effective_phi0", t.parameters()[0]);
            sm.put("injected_effective_gamma", t.parameters()[1]);
            sm.put("pull_gamma", (o.parameters()[1] - t.parameters()[1]) / Math.sqrt(o.covariance()[1][1]));
            sm.put("pull_phi0", (o.parameters()[0] - t.parameters()[0]) / Math.sqrt(o.covariance()[0][0]));
            sm.put("injected_note", "power law fitted to the bin- and band-averaged synthetic true sky "
                    + "0.92 Gaisser (E/TeV)^-0.04 with the data's bins and covariance");
        }
        ctx.artifacts().summary("energy_fit_summary", sm);

        // bin table and plot
        double gamma = o.parameters()[1], phi0 = o.parameters()[0];
        double[] theoryBins = new double[idx.length];
        SurfaceFlux theory = table == null ? null : table.column(s.theoryColumn());
        TableArtifact.Builder t = TableArtifact.builder().column("E_low", "GeV").column("E_high", "GeV")
                .column("E_lafferty_wyatt", "GeV").column("flux", flux.unit()).column("flux_error", flux.unit())
                .column("fit_bin_average", flux.unit()).column("theory_bin_average", flux.unit())
                .column("truth_bin_average", flux.unit()).column("cos_zenith_low", "").column("cos_zenith_high", "");
        List<Point> data = new ArrayList<>(), ratio = new ArrayList<>();
        for (int a = 0; a < idx.length; a++) {
            int j = idx[a];
            double lo = b.edge(j), hi = b.edge(j + 1);
            double ex = EnergyFit.laffertyWyatt(gamma, lo, hi), w = ex * ex * ex;
            double fitAvg = EnergyFit.binAverage(phi0, gamma, e0, lo, hi);
            theoryBins[a] = theory == null ? Double.NaN : avg.binAndBand(theory, lo, hi, cosLo[j], cosHi[j]);
            t.row(lo, hi, ex, y[a], Math.sqrt(v[a][a]), fitAvg, theoryBins[a], truthBins == null ? Double.NaN : truthBins[a],
                    cosLo[j], cosHi[j]);
            data.add(Point.of(ex, w * y[a], w * Math.sqrt(v[a][a])));
            double ref = theory == null ? fitAvg : theoryBins[a];
            ratio.add(Point.of(ex, y[a] / ref, Math.sqrt(v[a][a]) / ref));
        }
        ctx.artifacts().table("energy_fit_points", t.build());
        if (theory != null) {
            // generalised least squares of y = k · theory with the flux covariance, in units of the theory
            // (ratios r = y/t with covariance V/(t t): entries of order 1e-3 rather than 1e-20)
            int m = theoryBins.length;
            double[][] w = new double[m][m];
            double[] ratios = new double[m];
            for (int a = 0; a < m; a++) {
                ratios[a] = y[a] / theoryBins[a];
                for (int c = 0; c < m; c++) {
                    w[a][c] = v[a][c] / (theoryBins[a] * theoryBins[c]);
                }
            }
            org.apache.commons.math3.linear.RealMatrix inv = new org.apache.commons.math3.linear.LUDecomposition(
                    org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(w)).getSolver().getInverse();
            double tvt = 0, tvy = 0;
            for (int a = 0; a < m; a++) {
                for (int c = 0; c < m; c++) {
                    tvt += inv.getEntry(a, c);
                    tvy += inv.getEntry(a, c) * ratios[c];
                }
            }
            theoryNormalisation = tvy / tvt;
            theoryNormalisationError = Math.sqrt(1 / tvt);
            Map<String, Object> norm = new java.util.LinkedHashMap<>();
            norm.put("theory_column", s.theoryColumn());
            norm.put("normalisation", theoryNormalisation);
            norm.put("normalisation_error", theoryNormalisationError);
            norm.put("note", "unfolded surface-energy flux = normalisation x band- and bin-averaged theory, "
                    + "weighted with the flux covariance");
            ctx.artifacts().summary("theory_normalisation", norm);
        }

        double eLo = edges[0], eHi = edges[edges.length - 1];
        // band of the whole energy range: the union of the bins' bands (usually one band)
        double cLo = 1, cHi = -1;
        for (int j : idx) {
            cLo = Math.min(cLo, cosLo[j]);
            cHi = Math.max(cHi, cosHi[j]);
        }
        List<Series> series = new ArrayList<>();
        series.add(new PointSeries("Unfolded flux (at the Lafferty\u2013Wyatt energy)", data));
        series.add(new LineSeries(String.format(Locale.ROOT, "Fit: \u03b3 = %.3f \u00b1 %.3f", gamma,
                Math.sqrt(o.covariance()[1][1])), curve(eLo, eHi, e -> phi0 * Math.pow(e / e0, -gamma)), false));
        List<Series> ratioSeries = new ArrayList<>();
        ratioSeries.add(new PointSeries("", ratio));
        if (table != null) {
            for (String col : List.of("conventional", "prompt", "total")) {
                if (table.columns().contains(col)) {
                    SurfaceFlux f = table.column(col);
                    final double l = cLo, h = cHi;
                    series.add(new LineSeries("Theory " + col + " (band average)", curve(eLo, eHi,
                            e -> avg.band(f, e, l, h)), true));
                }
            }
            SurfaceFlux f = theory;
            final double l = cLo, h = cHi;
            ratioSeries.add(new LineSeries("Fit / theory", curve(eLo, eHi,
                    e -> phi0 * Math.pow(e / e0, -gamma) / avg.band(f, e, l, h)).stream()
                    .map(p -> Point.of(p.x(), p.y() / (p.x() * p.x() * p.x()))).toList(), false));
        }
        if (s.syntheticTruth()) {
            final double l = cLo, h = cHi;
            series.add(new LineSeries("Synthetic true sky (band average)", curve(eLo, eHi,
                    e -> avg.band(SyntheticTruth.SKY, e, l, h)), true));
        }
        PlotSpec.Builder plot = PlotSpec.builder("Surface-energy flux and power-law fit",
                Axis.log("Surface energy E", "GeV"), Axis.log("E\u00b3 \u03a6", "GeV\u00b2 m\u207b\u00b2 s\u207b\u00b9 sr\u207b\u00b9"));
        series.forEach(plot::add);
        plot.ratio(new RatioPanel(Axis.linear(table == null ? "Data / fit" : "Data / theory (" + s.theoryColumn() + ")", "")
                .withRange(0.5, 1.5), ratioSeries, 1.0));
        plot.annotate(String.format(Locale.ROOT, "\u03a6\u2080(%.0f GeV) = %.4g \u00b1 %.2g", e0, phi0,
                Math.sqrt(o.covariance()[0][0])));
        plot.annotate(String.format(Locale.ROOT, "\u03b3 = %.3f \u00b1 %.3f, \u03c1 = %.2f", gamma,
                Math.sqrt(o.covariance()[1][1]), r.correlation("phi0", "gamma")));
        plot.annotate(String.format(Locale.ROOT, "\u03c7\u00b2/ndf = %.2f / %d (full covariance)", o.chi2(), r.ndf()));
        if (s.syntheticTruth()) {
            plot.annotate(String.format(Locale.ROOT, "injected effective \u03b3 = %.3f", (double) sm.get("injected_effective_gamma")));
        }
        ctx.artifacts().plot("energy_fit", plot.build());
        return r;
    }

    /** Fits bins idx of binning b (each bin with its own edges); start Φ0 from the bin nearest E0. */
    private static ChiSquareFit.Outcome fitBins(Binning b, int[] idx, double[] y, double[][] v, double e0,
            double gammaStart) {
        double[] lo = new double[idx.length], hi = new double[idx.length];
        for (int a = 0; a < idx.length; a++) {
            lo[a] = b.edge(idx[a]);
            hi[a] = b.edge(idx[a] + 1);
        }
        EnergyFit model = new EnergyFit(lo, hi, e0);
        int nearest = 0;
        for (int a = 0; a < idx.length; a++) {
            if (Math.abs(Math.log(b.centre(idx[a]) / e0)) < Math.abs(Math.log(b.centre(idx[nearest]) / e0))) {
                nearest = a;
            }
        }
        double phi0 = y[nearest] / EnergyFit.binAverage(1, gammaStart, e0, b.edge(idx[nearest]), b.edge(idx[nearest] + 1));
        return new ChiSquareFit(y, v).fit(model, new double[] { phi0, gammaStart },
                new double[] { Math.abs(phi0), Math.abs(gammaStart) }, new boolean[] { true, true },
                new String[] { "phi0", "gamma" });
    }

    private static double[] subEdges(Binning b, int[] idx) {
        return new double[] { b.edge(idx[0]), b.edge(idx[idx.length - 1] + 1) };
    }

    private static List<Point> curve(double lo, double hi, java.util.function.DoubleUnaryOperator f) {
        List<Point> c = new ArrayList<>();
        double a = Math.log10(lo), z = Math.log10(hi);
        for (int q = 0; q <= 200; q++) {
            double e = Math.pow(10, a + (z - a) * q / 200);
            c.add(Point.of(e, e * e * e * f.applyAsDouble(e)));
        }
        return c;
    }

    /** @return the energy flux's normalisation relative to the theory (after {@link #run}), NaN without a theory */
    double theoryNormalisation() {
        return theoryNormalisation;
    }

    /** @return its standard error */
    double theoryNormalisationError() {
        return theoryNormalisationError;
    }
}
