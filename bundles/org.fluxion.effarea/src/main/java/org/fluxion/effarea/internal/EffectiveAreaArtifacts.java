package org.fluxion.effarea.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fluxion.api.artifact.ArtifactSink;
import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.BandSeries;
import org.fluxion.api.artifact.HistogramSeries;
import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.Histogram;
import org.fluxion.effarea.EffectiveAreaResult;

/**
 * The files of the {@code effective_area} step, made only from a {@link SavedEffectiveArea} so that
 * a reloaded result writes the same bytes: {@code effective_area.json}, the table
 * {@code effective_area_bins} (.csv/.json), the plot {@code effective_area_vs_length} or
 * {@code effective_area_vs_energy} (A_eff vs the quantity,
 * log–log, 68 % bootstrap band, systematic band) and for the propagation length the plot
 * {@code solid_angle} (Ω_i and the zenith band vs L). Stateless.
 */
final class EffectiveAreaArtifacts {
    private EffectiveAreaArtifacts() {
    }

    static void write(ArtifactSink sink, SavedEffectiveArea saved, boolean range) {
        sink.summary(SavedEffectiveArea.NAME, saved.toJson());
        sink.table(SavedEffectiveArea.NAME + "_bins", table(saved.result()));
        sink.plot(SavedEffectiveArea.NAME + (range ? "_vs_length" : "_vs_energy"), areaPlot(saved, range));
        if (range) {
            sink.plot("solid_angle", solidAnglePlot(saved.result().effectiveArea()));
        }
    }

    static TableArtifact table(EffectiveAreaResult r) {
        EffectiveArea a = r.effectiveArea();
        Binning b = a.binning();
        String u = a.unit();
        TableArtifact.Builder t = TableArtifact.builder().column("low", u).column("high", u).column("centre", u)
                .column("A_eff", "m2").column("stat_error", "m2").column("syst_error", "m2").column("band_low", "m2")
                .column("band_high", "m2").column("zenith_min", "deg").column("zenith_max", "deg")
                .column("solid_angle", "sr").column("selected_rate", "Hz").column("l0_rate", "Hz")
                .column("selected_events", "").column("l0_events", "");
        double[] area = a.areaM2(), stat = a.statErrorM2(), syst = a.systErrorM2(), lo = r.lowM2(), hi = r.highM2();
        double[] cl = a.cosZenithLow(), ch = a.cosZenithHigh(), sel = r.selectedRateHz(), l0 = r.l0RateHz();
        long[] ns = r.selectedEvents(), n0 = r.l0Events();
        for (int i = 0; i < b.bins(); i++) {
            t.row(b.edge(i), b.edge(i + 1), b.centre(i), area[i], stat[i], syst[i], lo[i], hi[i],
                    Math.toDegrees(Math.acos(ch[i])), Math.toDegrees(Math.acos(cl[i])), a.solidAngleSr(i), sel[i], l0[i],
                    ns[i], n0[i]);
        }
        return t.build();
    }

    static PlotSpec areaPlot(SavedEffectiveArea saved, boolean range) {
        EffectiveAreaResult r = saved.result();
        EffectiveArea a = r.effectiveArea();
        Binning b = a.binning();
        double[] area = a.areaM2(), stat = a.statErrorM2(), syst = a.systErrorM2(), lo = r.lowM2(), hi = r.highM2();
        boolean logX = b.kind() == Binning.Kind.LOG10;
        Axis x = new Axis(range ? "True propagation length L" : "True surface energy E_s", a.unit(), logX, b.low(),
                b.high());
        double minArea = Double.POSITIVE_INFINITY, maxArea = 0;
        for (int i = 0; i < b.bins(); i++) {
            if (area[i] > 0) {
                minArea = Math.min(minArea, area[i]);
                maxArea = Math.max(maxArea, Math.max(area[i], hi[i]));
            }
        }
        Axis y = maxArea > 0 ? Axis.log("Effective area A_eff", "m²").withRange(0.2 * minArea, 8 * maxArea)
                : Axis.log("Effective area A_eff", "m²");
        PlotSpec.Builder p = PlotSpec.builder(range ? "Effective area vs propagation length"
                : "Effective area vs surface energy", x, y);
        boolean anySyst = false;
        List<Point> band = new ArrayList<>(), total = new ArrayList<>();
        for (int i = 0; i < b.bins(); i++) {
            if (area[i] > 0) {
                band.add(new Point(b.centre(i), area[i], 0, Math.max(0, area[i] - lo[i]), Math.max(0, hi[i] - area[i])));
                double e = Math.hypot(stat[i], syst[i]);
                total.add(new Point(b.centre(i), area[i], 0, Math.min(e, 0.999 * area[i]), e));
                anySyst |= syst[i] > 0;
            }
        }
        if (anySyst) {
            p.add(new BandSeries("stat. ⊕ flux-model syst.", total));
        }
        if (!band.isEmpty()) {
            p.add(new BandSeries(r.replicas() > 0 ? "bootstrap 68 % (" + r.replicas() + " replicas)" : "±1σ (analytic)",
                    band));
        }
        double[] var = new double[b.bins()];
        for (int i = 0; i < var.length; i++) {
            var[i] = stat[i] * stat[i];
        }
        p.add(HistogramSeries.points("A_eff ± σ_stat", Histogram.of(b, area, var)));
        for (Map.Entry<String, double[]> e : saved.modelAreas().entrySet()) {
            List<Point> line = new ArrayList<>();
            for (int i = 0; i < b.bins(); i++) {
                if (e.getValue()[i] > 0) {
                    line.add(Point.of(b.centre(i), e.getValue()[i]));
                }
            }
            if (!line.isEmpty()) {
                p.add(new LineSeries("weights " + e.getKey(), line, true));
            }
        }
        p.annotate(String.format(Locale.ROOT, "A_gen = %.4g km² (generation disk)", r.generationAreaM2() / 1e6));
        int best = argmax(area);
        if (best >= 0) {
            p.annotate(String.format(Locale.ROOT, "max A_eff = %.3g km² at %.4g %s", area[best] / 1e6, b.centre(best),
                    a.unit()));
        }
        p.annotate(range ? "zenith band per bin: stop z inside the detector" : String.format(Locale.ROOT,
                "zenith band: θ ≤ %.1f°", Math.toDegrees(Math.acos(a.cosZenithLow()[0]))));
        return p.build();
    }

    static PlotSpec solidAnglePlot(EffectiveArea a) {
        Binning b = a.binning();
        double[] omega = a.solidAngleSr();
        double[] cl = a.cosZenithLow(), ch = a.cosZenithHigh();
        boolean logX = b.kind() == Binning.Kind.LOG10;
        Axis x = new Axis("True propagation length L", a.unit(), logX, b.low(), b.high());
        PlotSpec.Builder p = PlotSpec.builder("Solid angle Ω_i of the zenith band per bin", x,
                Axis.linear("Solid angle Ω_i", "sr").withRange(0, 2 * Math.PI * 1.3 * maxCosSpan(cl, ch)));
        p.add(HistogramSeries.step("Ω_i = 2π (cos θ_min − cos θ_max)", Histogram.of(b, omega, new double[b.bins()])));
        p.annotate("stop z inside the detector; θ_min, θ_max per bin");
        p.annotate("in effective_area_bins.csv");
        return p.build();
    }

    private static double maxCosSpan(double[] cl, double[] ch) {
        double m = 0;
        for (int i = 0; i < cl.length; i++) {
            m = Math.max(m, ch[i] - cl[i]);
        }
        return m;
    }

    private static int argmax(double[] v) {
        int best = -1;
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0 && (best < 0 || v[i] > v[best])) {
                best = i;
            }
        }
        return best;
    }
}
