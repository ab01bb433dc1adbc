package org.fluxion.systematics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.BandSeries;
import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.RatioPanel;
import org.fluxion.api.artifact.Series;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.Selection;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.unfolding.api.RegisteredUnfolder;

/**
 * Tables, summaries and plots of the {@code systematics} step (names in the bundle README). Sector
 * points are drawn side by side within a bin (offset by a few per cent of the bin width) so that
 * their error bars do not hide each other. Not thread-safe.
 */
final class SystematicsArtifacts {
    private final StepContext ctx;
    private final SystematicsSettings s;
    private final Binning tb;

    SystematicsArtifacts(StepContext ctx, SystematicsSettings settings) {
        this.ctx = ctx;
        this.s = settings;
        this.tb = settings.trueBinning();
    }

    /** Table {@code sector_partition} and summary {@code partition}: events and fractions per sector and sample. */
    static void partition(StepContext ctx, SectorSelections mc, SectorSelections data, double[] w) {
        TableArtifact.Builder t = TableArtifact.builder().column("sample", "").column("sector", "").column("events", "")
                .column("fraction", "").column("rate_fraction", "");
        double total = 0;
        for (double x : w) {
            total += x;
        }
        Map<String, Object> sm = new LinkedHashMap<>();
        for (SectorSelections p : data == null ? List.of(mc) : List.of(mc, data)) {
            Map<String, Object> one = new LinkedHashMap<>();
            Map<String, Object> fractions = new LinkedHashMap<>();
            for (String name : p.names()) {
                Selection rows = p.rows(name);
                double frac = p.events() == 0 ? Double.NaN : (double) rows.size() / p.events();
                double rate = Double.NaN;
                if (p == mc) {
                    double sw = 0;
                    for (int k = 0; k < rows.size(); k++) {
                        sw += w[rows.row(k)];
                    }
                    rate = total > 0 ? sw / total : Double.NaN;
                }
                t.row(p.sample(), name, rows.size(), frac, rate);
                fractions.put(name, frac);
            }
            one.put("events", p.events());
            one.put("sector_fractions", fractions);
            one.put("events_in_no_sector", p.missed());
            one.put("fraction_in_no_sector", p.missedFraction());
            one.put("events_in_several_sectors", p.overlaps());
            one.put("fraction_in_several_sectors", p.overlapFraction());
            one.put("partition", p.missed() == 0 && p.overlaps() == 0);
            sm.put(p.sample(), one);
        }
        ctx.artifacts().table("sector_partition", t.build());
        ctx.artifacts().summary("partition", sm);
    }

    /** Table and plot {@code sector_effective_areas}: A_eff per sector with the ratio to the full detector. */
    void effectiveAreas(EffectiveArea full, List<SectorEffectiveArea> sectors) {
        TableArtifact.Builder t = TableArtifact.builder().column("low", s.unit()).column("high", s.unit())
                .column("A_eff_full", "m2").column("A_eff_full_stat", "m2");
        for (SectorEffectiveArea a : sectors) {
            t.column("A_eff_" + a.sector(), "m2").column("A_eff_" + a.sector() + "_stat", "m2")
                    .column("ratio_" + a.sector(), "").column("ratio_" + a.sector() + "_stat", "");
        }
        for (int i = 0; i < tb.bins(); i++) {
            List<Object> row = new ArrayList<>(List.of(tb.edge(i), tb.edge(i + 1), full.areaM2(i), full.statErrorM2()[i]));
            for (SectorEffectiveArea a : sectors) {
                row.add(a.area().areaM2(i));
                row.add(a.area().statErrorM2()[i]);
                row.add(a.ratio()[i]);
                row.add(a.ratioError()[i]);
            }
            t.row(row.toArray());
        }
        ctx.artifacts().table("sector_effective_area_bins", t.build());

        int n = sectors.size() + 1;
        List<Series> main = new ArrayList<>();
        main.add(points("full detector", full.areaM2(), full.statErrorM2(), 0, n));
        List<Series> ratio = new ArrayList<>();
        ratio.add(new PointSeries("", List.of())); // the full detector's colour, so that sectors keep theirs
        for (int k = 0; k < sectors.size(); k++) {
            SectorEffectiveArea a = sectors.get(k);
            main.add(points("sector " + a.sector(), a.area().areaM2(), a.area().statErrorM2(), k + 1, n));
            ratio.add(points(a.sector(), a.ratio(), a.ratioError(), k + 1, n));
        }
        PlotSpec.Builder p = PlotSpec.builder(title("Effective area per detector sector"), xAxis(),
                Axis.log("Effective area", "m\u00b2"));
        main.forEach(p::add);
        p.ratio(new RatioPanel(Axis.linear("Sector / full", ""), ratio, 1.0 / sectors.size()));
        p.annotate("A_sector = A_full \u00b7 \u03a3w(sector) / \u03a3w(all), same zenith band");
        p.annotate(String.format(Locale.ROOT, "dashed ratio line: equal split 1/%d", sectors.size()));
        ctx.artifacts().plot("sector_effective_areas", p.build());
    }

    /**
     * Table {@code sector_ratios}, plots {@code sector_fluxes} (fluxes with a ratio panel) and
     * {@code sector_flux_ratios} (ratios with statistical errors and the band).
     */
    void ratios(Spectrum reference, Spectrum referenceFlux, Spectrum fluxIn, List<Spectrum> unfolded,
            List<Spectrum> flux, List<SectorRatio> ratios, double[] band) {
        TableArtifact.Builder t = TableArtifact.builder().column("low", s.unit()).column("high", s.unit())
                .column("unfolded_full", "").column("unfolded_full_error", "")
                .column("flux_full", s.fluxUnit()).column("flux_full_error", s.fluxUnit())
                .column("flux_input", s.fluxUnit()).column("flux_input_error", s.fluxUnit());
        for (SectorRatio r : ratios) {
            String n = r.sector();
            t.column("unfolded_" + n, "").column("unfolded_" + n + "_error", "").column("flux_" + n, s.fluxUnit())
                    .column("flux_" + n + "_error", s.fluxUnit()).column("ratio_" + n, "").column("ratio_" + n + "_stat", "");
        }
        t.column("band", "");
        for (int i = 0; i < tb.bins(); i++) {
            List<Object> row = new ArrayList<>(List.of(tb.edge(i), tb.edge(i + 1), reference.value(i),
                    reference.uncertainty(i), referenceFlux.value(i), referenceFlux.uncertainty(i), fluxIn.value(i),
                    fluxIn.uncertainty(i)));
            for (int k = 0; k < ratios.size(); k++) {
                row.add(unfolded.get(k).value(i));
                row.add(unfolded.get(k).uncertainty(i));
                row.add(flux.get(k).value(i));
                row.add(flux.get(k).uncertainty(i));
                row.add(ratios.get(k).ratio()[i]);
                row.add(ratios.get(k).statError()[i]);
            }
            row.add(band[i]);
            t.row(row.toArray());
        }
        ctx.artifacts().table("sector_ratio_bins", t.build());

        int n = ratios.size() + 1;
        List<Series> ratioSeries = new ArrayList<>();
        ratioSeries.add(new PointSeries("", List.of())); // the full sample's colour, so that sectors keep theirs
        for (int k = 0; k < ratios.size(); k++) {
            ratioSeries.add(points("sector " + ratios.get(k).sector() + " (stat.)", ratios.get(k).ratio(),
                    ratios.get(k).statError(), k + 1, n));
        }
        ratioSeries.add(bandSeries(band));
        PlotSpec.Builder r = PlotSpec.builder(title("Sector flux / full-sample flux"), xAxis(),
                Axis.linear("\u03a6_sector / \u03a6_full", "").withRange(ratioMin(ratios, band), ratioMax(ratios, band)));
        ratioSeries.forEach(r::add);
        r.annotate("errors: statistical, nested samples");
        r.annotate("band: " + "max over sectors of |R \u2212 1| beyond statistics");
        for (SectorRatio sr : ratios) {
            r.annotate(String.format(Locale.ROOT, "%s: \u03c7\u00b2(R = 1) = %.1f / %d bins", sr.sector(), sr.chi2(),
                    sr.chi2Bins()));
        }
        ctx.artifacts().plot("sector_flux_ratios", r.build());

        PlotSpec.Builder f = PlotSpec.builder(title("Flux per detector sector"), xAxis(),
                Axis.log("\u03a6", axisUnit()));
        f.add(points("full sample", referenceFlux.values(), errors(referenceFlux), 0, n));
        for (int k = 0; k < ratios.size(); k++) {
            // only where the sector has a ratio (enough acceptance, see min_share)
            double[] v = flux.get(k).values();
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.isFinite(ratios.get(k).ratio()[i]) ? v[i] : Double.NaN;
            }
            f.add(points("sector " + ratios.get(k).sector(), v, errors(flux.get(k)), k + 1, n));
        }
        List<Series> panel = new ArrayList<>(ratioSeries);
        f.ratio(new RatioPanel(Axis.linear("Sector / full", "").withRange(ratioMin(ratios, band), ratioMax(ratios, band)),
                panel, 1.0));
        f.annotate(String.format(Locale.ROOT, "unfolded with %s, %s", s.method(), s.unfolderSettings()));
        ctx.artifacts().plot("sector_fluxes", f.build());
    }

    /** Table {@code systematics_bins} and plot {@code systematics_per_bin}: statistical vs systematic relative error. */
    void perBin(Spectrum fluxIn, double[] band) {
        TableArtifact.Builder t = TableArtifact.builder().column("low", s.unit()).column("high", s.unit())
                .column("flux", s.fluxUnit()).column("stat_relative", "").column("syst_relative", "")
                .column("total_relative", "");
        double[] stat = new double[tb.bins()], total = new double[tb.bins()];
        for (int i = 0; i < tb.bins(); i++) {
            double v = fluxIn.value(i);
            stat[i] = v > 0 ? fluxIn.uncertainty(i) / v : Double.NaN;
            total[i] = Math.hypot(stat[i], band[i]);
            t.row(tb.edge(i), tb.edge(i + 1), v, stat[i], band[i], total[i]);
        }
        ctx.artifacts().table("systematics_bins", t.build());
        double top = 0;
        for (int i = 0; i < tb.bins(); i++) {
            if (Double.isFinite(total[i])) {
                top = Math.max(top, total[i]);
            }
        }
        PlotSpec.Builder p = PlotSpec.builder(title("Relative uncertainties per bin"), xAxis(),
                Axis.linear("Relative uncertainty", "").withRange(0, Math.max(0.05, 1.3 * top)))
                .add(steps("statistical (flux step)", stat, false))
                .add(steps("systematic (detector sectors)", band, false))
                .add(steps("total (quadrature)", total, true));
        ctx.artifacts().plot("systematics_per_bin", p.build());
    }

    /** Summary {@code systematics}. */
    void summary(RegisteredUnfolder ru, double livetime, SectorSelections mc, SectorSelections data,
            List<SectorRatio> ratios, double[] band, Spectrum unfoldedIn, Spectrum reference) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quantity", s.quantity());
        m.put("sectors", new ArrayList<>(s.sectors().keySet()));
        m.put("unfolder", ru.id());
        m.put("unfolder_origin", ru.origin());
        m.put("unfolder_settings", plain(s.unfolderSettings()));
        m.put("livetime_s", livetime);
        m.put("band_definition", SystematicsStep.BAND_DEFINITION);
        m.put("ratio_error", "statistical, nested samples: (sigma_R/R)^2 = relvar(f_s) (1 - f_s/f) + relvar(N_s/N)");
        m.put("min_share", s.minShare());
        List<Double> b = new ArrayList<>();
        double max = 0, mean = 0;
        for (double x : band) {
            b.add(x);
            max = Math.max(max, x);
            mean += x / band.length;
        }
        m.put("band", b);
        m.put("band_max", max);
        m.put("band_mean", mean);
        Map<String, Object> chi = new LinkedHashMap<>();
        for (SectorRatio r : ratios) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("chi2_ratio_1", r.chi2());
            one.put("bins", r.chi2Bins());
            chi.put(r.sector(), one);
        }
        m.put("ratio_consistency", chi);
        double maxPull = 0;
        for (int i = 0; i < tb.bins(); i++) {
            double sig = unfoldedIn.uncertainty(i);
            if (sig > 0) {
                maxPull = Math.max(maxPull, Math.abs(reference.value(i) - unfoldedIn.value(i)) / sig);
            }
        }
        m.put("reference_vs_input_max_abs_pull", maxPull);
        m.put("mc_events", mc.events());
        m.put("data_events", data.events());
        ctx.artifacts().summary("systematics", m);
    }

    private static Object plain(Object o) {
        if (o instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(SystematicsArtifacts::plain).toList();
        }
        return o instanceof Number || o instanceof Boolean || o instanceof String ? o : String.valueOf(o);
    }

    private String title(String what) {
        return what + " (" + (SystematicsSettings.RANGE.equals(s.quantity()) ? "propagation length" : "surface energy")
                + ")";
    }

    private Axis xAxis() {
        Axis a = s.log() ? Axis.log(s.label(), s.unit()) : Axis.linear(s.label(), s.unit());
        return a.withRange(tb.low(), tb.high());
    }

    private String axisUnit() {
        return SystematicsSettings.RANGE.equals(s.quantity()) ? "m\u207b\u00b2 s\u207b\u00b9 sr\u207b\u00b9 m\u207b\u00b9"
                : "m\u207b\u00b2 s\u207b\u00b9 sr\u207b\u00b9 GeV\u207b\u00b9";
    }

    private static double[] errors(Spectrum sp) {
        double[] e = new double[sp.binning().bins()];
        for (int i = 0; i < e.length; i++) {
            e[i] = sp.uncertainty(i);
        }
        return e;
    }

    /** x of series k of n within bin i: side by side around the centre, over 40 % of the bin. */
    private double x(int i, int k, int n) {
        double f = n == 1 ? 0 : 0.4 * ((double) k / (n - 1) - 0.5);
        if (s.log()) {
            double lo = Math.log10(tb.edge(i)), hi = Math.log10(tb.edge(i + 1));
            return Math.pow(10, 0.5 * (lo + hi) + f * (hi - lo));
        }
        return tb.centre(i) + f * tb.width(i);
    }

    private PointSeries points(String label, double[] y, double[] err, int k, int n) {
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i]) && Double.isFinite(err[i])) {
                pts.add(new Point(x(i, k, n), y[i], 0, err[i], err[i]));
            }
        }
        return new PointSeries(label, pts);
    }

    private BandSeries bandSeries(double[] band) {
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i < band.length; i++) {
            pts.add(new Point(tb.edge(i), 1, 0, band[i], band[i]));
            pts.add(new Point(tb.edge(i + 1), 1, 0, band[i], band[i]));
        }
        return new BandSeries("systematic band", pts);
    }

    private LineSeries steps(String label, double[] v, boolean dashed) {
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (Double.isFinite(v[i])) {
                pts.add(Point.of(tb.edge(i), v[i]));
                pts.add(Point.of(tb.edge(i + 1), v[i]));
            }
        }
        return new LineSeries(label, pts, dashed);
    }

    private static double ratioMin(List<SectorRatio> ratios, double[] band) {
        return Math.max(0, 1 - ratioHalfRange(ratios, band));
    }

    private static double ratioMax(List<SectorRatio> ratios, double[] band) {
        return 1 + ratioHalfRange(ratios, band);
    }

    /** Half range of the ratio axis: covers every ratio with its error and the band, at least ±0.1, at most ±2. */
    private static double ratioHalfRange(List<SectorRatio> ratios, double[] band) {
        double h = 0.1;
        for (SectorRatio r : ratios) {
            for (int i = 0; i < r.ratio().length; i++) {
                double d = Math.abs(r.ratio()[i] - 1) + (Double.isFinite(r.statError()[i]) ? r.statError()[i] : 0);
                if (Double.isFinite(d)) {
                    h = Math.max(h, d);
                }
            }
        }
        for (double b : band) {
            h = Math.max(h, b);
        }
        return Math.min(2, 1.15 * h);
    }
}
