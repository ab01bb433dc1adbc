package org.fluxion.plot.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.BandSeries;
import org.fluxion.api.artifact.HistogramSeries;
import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.Map2DSeries;
import org.fluxion.api.artifact.Marker;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.RatioPanel;
import org.fluxion.api.artifact.Series;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.Histogram2D;

/** Representative plots of a cosmic-ray analysis, from seeded pseudo-random toy data (deterministic). */
final class GalleryPlots {
    private GalleryPlots() {
    }

    /** @return name -> plot, in a fixed order */
    static Map<String, PlotSpec> all() {
        Map<String, PlotSpec> m = new LinkedHashMap<>();
        m.put("score_stacked_ratio", scoreDistribution());
        m.put("flux_e3_ratio", unfoldedFlux());
        m.put("truth_vs_reco_logcolour", truthVsReco());
        m.put("ne_nmu_outlines", neNmuOutlines());
        m.put("multiplicity_density", multiplicity());
        m.put("aeff_band", effectiveArea());
        m.put("empty_bins_log", emptyBinsLog());
        return m;
    }

    /** Score distribution: log y, MC stacked by true class, data points, ratio panel, cut line. */
    static PlotSpec scoreDistribution() {
        SplittableRandom rnd = new SplittableRandom(1);
        Binning b = Binning.linear(40, 0, 1);
        Histogram.Builder protons = Histogram.builder(b), helium = Histogram.builder(b), iron = Histogram.builder(b),
                data = Histogram.builder(b);
        for (int i = 0; i < 60000; i++) {
            double s = beta(rnd, 2, 5);
            protons.fill(s);
            data.fill(beta(rnd, 2, 5));
        }
        for (int i = 0; i < 20000; i++) {
            helium.fill(beta(rnd, 3, 3));
            data.fill(beta(rnd, 3, 3));
        }
        for (int i = 0; i < 6000; i++) {
            iron.fill(beta(rnd, 6, 1.5));
            data.fill(beta(rnd, 6, 1.5));
        }
        Histogram p = protons.build(), he = helium.build(), fe = iron.build(), d = data.build();
        Histogram mc = p.plus(he).plus(fe);
        List<Point> ratio = new ArrayList<>();
        for (int i = 0; i < b.bins(); i++) {
            if (mc.sumW(i) > 0 && d.sumW(i) > 0) {
                double r = d.sumW(i) / mc.sumW(i);
                double e = r * Math.sqrt(1 / d.sumW(i));
                ratio.add(new Point(b.centre(i), r, b.width(i) / 2, e, e));
            }
        }
        return PlotSpec.builder("Classifier score", Axis.linear("Iron score", ""), Axis.log("Events", ""))
                .add(new HistogramSeries("MC proton", p, HistogramSeries.Style.FILLED, false, "mc"))
                .add(new HistogramSeries("MC helium", he, HistogramSeries.Style.FILLED, false, "mc"))
                .add(new HistogramSeries("MC iron", fe, HistogramSeries.Style.FILLED, false, "mc"))
                .add(HistogramSeries.points("Data", d))
                .ratio(new RatioPanel(new Axis("Data / MC", "", false, 0.8, 1.2),
                        List.of(new PointSeries("", ratio)), 1.0))
                .marker(Marker.atX(0.8, "cut 0.8"))
                .annotate("KASCADE toy, 86 000 events")
                .annotate("\u03c7\u00b2/ndf = 38.2 / 39")
                .build();
    }

    /** Unfolded flux E^3 Φ vs E with theory curves, a systematic band and a ratio panel. */
    static PlotSpec unfoldedFlux() {
        SplittableRandom rnd = new SplittableRandom(2);
        List<Point> data = new ArrayList<>(), sys = new ArrayList<>(), h3a = new ArrayList<>(), gst = new ArrayList<>(),
                ratio = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            double lgE = 5.05 + 0.125 * i;
            double e = Math.pow(10, lgE);
            double model = flux(lgE);
            double rel = 0.03 + 0.02 * i * i / 30.0;
            double v = model * (1 + rel * rnd.nextGaussian() * 0.7);
            double xe = e * (Math.pow(10, 0.0625) - 1);
            data.add(new Point(e, v, xe, v * rel * 0.9, v * rel * 1.2));
            sys.add(new Point(e, v, 0, v * (0.08 + 0.01 * i), v * (0.1 + 0.012 * i)));
            ratio.add(new Point(e, v / model, xe, rel * 0.9, rel * 1.2));
        }
        for (int i = 0; i <= 60; i++) {
            double lgE = 5 + 2 * i / 60.0;
            h3a.add(Point.of(Math.pow(10, lgE), flux(lgE)));
            gst.add(Point.of(Math.pow(10, lgE), flux(lgE) * (0.85 + 0.1 * (lgE - 5))));
        }
        return PlotSpec.builder("All-particle flux", Axis.log("Energy", "GeV"),
                Axis.linear("E\u00b3 \u03a6", "GeV\u00b2 m\u207b\u00b2 s\u207b\u00b9 sr\u207b\u00b9"))
                .add(new BandSeries("Systematic uncertainty", sys))
                .add(new LineSeries("H3a", h3a, false))
                .add(new LineSeries("GST", gst, true))
                .add(new PointSeries("Unfolded (this work)", data))
                .ratio(new RatioPanel(new Axis("Data / H3a", "", false, 0.7, 1.3), List.of(new PointSeries("", ratio)),
                        1.0))
                .build();
    }

    private static double flux(double lgE) {
        // E^3 Φ with a knee at 10^6.6 GeV
        double x = lgE - 6.6;
        return 4500 * Math.pow(10, 0.3 * x) / (1 + Math.pow(10, 0.9 * x)) * 1.8;
    }

    /** Truth vs reconstructed energy: log colour, 1:1 line, median and 68 % band. */
    static PlotSpec truthVsReco() {
        SplittableRandom rnd = new SplittableRandom(3);
        Binning bx = Binning.linear(60, 5, 8), by = Binning.linear(60, 5, 8);
        Histogram2D.Builder h = Histogram2D.builder(bx, by);
        for (int i = 0; i < 200000; i++) {
            double t = 5 + 3 * Math.pow(rnd.nextDouble(), 1.8);
            double r = t + 0.12 * rnd.nextGaussian() - 0.03;
            h.fill(t, r);
        }
        List<Point> median = new ArrayList<>();
        for (int i = 0; i <= 30; i++) {
            double t = 5.05 + 2.9 * i / 30.0;
            median.add(new Point(t, t - 0.03, 0, 0.12, 0.12));
        }
        return PlotSpec.builder("Energy reconstruction", Axis.linear("log\u2081\u2080(E_true / GeV)", ""),
                Axis.linear("log\u2081\u2080(E_reco / GeV)", ""))
                .colour(Axis.log("Events", ""))
                .add(new Map2DSeries("Simulation", h.build(), false))
                .add(new BandSeries("68 % interval", median))
                .add(new LineSeries("1:1", List.of(Point.of(5, 5), Point.of(8, 8)), true))
                .build();
    }

    /** Ne–Nμ plane: data as colour map, proton and iron as outlines. */
    static PlotSpec neNmuOutlines() {
        SplittableRandom rnd = new SplittableRandom(4);
        Binning bx = Binning.linear(50, 4, 7), by = Binning.linear(50, 3, 6);
        Histogram2D.Builder data = Histogram2D.builder(bx, by), p = Histogram2D.builder(bx, by),
                fe = Histogram2D.builder(bx, by);
        for (int i = 0; i < 100000; i++) {
            double lgNe = 4 + 3 * Math.pow(rnd.nextDouble(), 2.2);
            boolean heavy = rnd.nextDouble() < 0.4;
            double lgNmu = 0.78 * lgNe + (heavy ? 0.25 : 0) + 0.08 * rnd.nextGaussian();
            data.fill(lgNe, lgNmu);
            double lgNe2 = 4 + 3 * Math.pow(rnd.nextDouble(), 1.2); // simulated with a harder spectrum
            p.fill(lgNe2, 0.78 * lgNe2 + 0.08 * rnd.nextGaussian());
            fe.fill(lgNe2 - 0.3, 0.78 * lgNe2 + 0.06 * rnd.nextGaussian());
        }
        return PlotSpec.builder("Ne\u2013N\u03bc plane", Axis.linear("log\u2081\u2080 N_e", ""),
                Axis.linear("log\u2081\u2080 N_\u03bc", ""))
                .colour(Axis.log("Events", ""))
                .add(new Map2DSeries("Data", data.build(), false))
                .add(new Map2DSeries("Proton (MC)", p.build(), true))
                .add(new Map2DSeries("Iron (MC)", fe.build(), true))
                .build();
    }

    /** Multiplicity: normalised step histograms (density) on linear axes, one of them as points. */
    static PlotSpec multiplicity() {
        SplittableRandom rnd = new SplittableRandom(5);
        Binning b = Binning.ofEdges(0, 2, 4, 6, 8, 10, 12, 15, 18, 22, 27, 35, 50);
        Histogram.Builder a = Histogram.builder(b), c = Histogram.builder(b), d = Histogram.builder(b);
        for (int i = 0; i < 5000; i++) {
            a.fill(poissonLike(rnd, 8), 1.0 / 5000);
            c.fill(poissonLike(rnd, 12), 1.0 / 5000);
            d.fill(poissonLike(rnd, 9.5), 1.0 / 5000);
        }
        return PlotSpec.builder("Muon multiplicity", Axis.linear("N\u03bc", ""), Axis.linear("1/N dN/dN\u03bc", ""))
                .add(new HistogramSeries("Proton", a.build(), HistogramSeries.Style.STEP, true, ""))
                .add(new HistogramSeries("Iron", c.build(), HistogramSeries.Style.STEP, true, ""))
                .add(new HistogramSeries("Data", d.build(), HistogramSeries.Style.POINTS, true, ""))
                .marker(Marker.atY(0.05, "threshold"))
                .build();
    }

    /** Effective area vs energy, log–log, with a bootstrap band and a dashed fit. */
    static PlotSpec effectiveArea() {
        List<Point> band = new ArrayList<>(), fit = new ArrayList<>(), pts = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(6);
        for (int i = 0; i <= 24; i++) {
            double lgE = 4 + 4 * i / 24.0;
            double a = 1e5 / (1 + Math.pow(10, -2.2 * (lgE - 5.3)));
            band.add(new Point(Math.pow(10, lgE), a, 0, a * (0.4 - 0.04 * i / 2.4 * 0.1 * 2.4), a * 0.3));
            fit.add(Point.of(Math.pow(10, lgE), a * 1.05));
            if (i % 2 == 0) {
                pts.add(new Point(Math.pow(10, lgE), a * (1 + 0.1 * rnd.nextGaussian()), 0, a * 0.2, a * 0.2));
            }
        }
        return PlotSpec.builder("Effective area", Axis.log("Surface energy", "GeV"), Axis.log("A_eff", "m\u00b2"))
                .add(new BandSeries("Bootstrap 68 %", band))
                .add(new LineSeries("Fit", fit, true))
                .add(new PointSeries("MC", pts))
                .annotate("zenith < 18\u00b0")
                .build();
    }

    /** Steeply falling spectrum with empty bins on a log y axis: step and points. */
    static PlotSpec emptyBinsLog() {
        Binning b = Binning.log10(20, 1e5, 1e8);
        double[] v = new double[20], w2 = new double[20];
        for (int i = 0; i < 20; i++) {
            v[i] = i % 7 == 3 || i > 17 ? 0 : Math.round(1e5 * Math.pow(10, -0.28 * i));
            w2[i] = v[i];
        }
        Histogram h = Histogram.of(b, v, w2);
        return PlotSpec.builder("Energy spectrum with empty bins", Axis.log("Energy", "GeV"), Axis.log("Events", ""))
                .add(HistogramSeries.step("Simulation", h.scaled(1.1)))
                .add(HistogramSeries.points("Data", h))
                .build();
    }

    private static double beta(SplittableRandom rnd, double a, double b) {
        double x = gamma(rnd, a), y = gamma(rnd, b);
        return x / (x + y);
    }

    private static double gamma(SplittableRandom rnd, double k) {
        // Marsaglia–Tsang for k >= 1, boost for k < 1
        if (k < 1) {
            return gamma(rnd, k + 1) * Math.pow(rnd.nextDouble(), 1 / k);
        }
        double d = k - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rnd.nextGaussian(), v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rnd.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double poissonLike(SplittableRandom rnd, double mean) {
        return Math.max(0, mean + Math.sqrt(mean) * 1.4 * rnd.nextGaussian() + 0.5);
    }

    /** @return a list of the given series (test helper) */
    static List<Series> list(Series... s) {
        return List.of(s);
    }
}
