package org.fluxion.recocheck.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.Map2DSeries;
import org.fluxion.api.artifact.Marker;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram2D;
import org.fluxion.api.workflow.StepContext;

/**
 * The {@code plot_correlations} check, per truth/reco pair on the MC after the cuts, weighted with
 * the chosen flux model: the reconstruction vs the truth as a colour map (log colour, rate per cell)
 * with the 1:1 line and, per truth bin, the weighted median and central 68 % interval of the
 * reconstruction ({@code correlation_<reco>}); bias = median of the residual and resolution = half the
 * width of its central 68 % interval vs the truth ({@code resolution_<reco>}); the numbers in table
 * {@code correlation_<reco>}. Residual = reco − truth, or reco/truth − 1 for {@code log} pairs. The axis
 * range is the truth's central 99 % (unweighted), the same on both axes.
 */
final class CorrelationCheck {
    private static final double P16 = PoissonInterval.TAIL;
    private static final double P84 = 1 - PoissonInterval.TAIL;

    private CorrelationCheck() {
    }

    /** Per truth bin: weighted quantiles of the reconstruction and of the residual. */
    record BinStats(double low, double high, int events, double rateHz, double median, double q16, double q84,
            double bias, double resolution) {
    }

    static Map<String, Object> run(StepContext context, RecoChecksSettings s, Samples in, CorrelationPair pair) {
        double[] tRaw = Samples.values(in.mc(), pair.truth(), "correlations");
        double[] rRaw = Samples.values(in.mc(), pair.reco(), "correlations");
        int n = tRaw.length;
        double[] t = new double[n], r = new double[n];
        int bad = 0;
        for (int i = 0; i < n; i++) {
            t[i] = pair.truthValue(tRaw[i]);
            r[i] = pair.recoValue(rRaw[i]);
            if (!Double.isFinite(t[i]) || !Double.isFinite(r[i]) || (pair.log() && !(t[i] > 0 && r[i] > 0))) {
                t[i] = Double.NaN;
                r[i] = Double.NaN;
                bad++;
            }
        }
        double[] range = centralRange(t, 0.005, 0.995);
        if (range == null) {
            context.warn("correlation " + pair.truth() + " vs " + pair.reco() + ": no finite MC values, nothing plotted");
            return Map.of();
        }
        int nb = s.correlationBins();
        Binning b = pair.log() ? Binning.log10(nb, range[0], range[1]) : Binning.linear(nb, range[0], range[1]);
        double[] w = in.weight();
        Histogram2D.Builder hb = Histogram2D.builder(b, b);
        hb.fill(t, r, w, n);
        Histogram2D map = hb.build();

        List<BinStats> stats = binStats(b, t, r, w, pair.log(), s.minBinEvents());
        String unit = pair.unit();
        String what = pair.label();
        PlotSpec.Builder p = PlotSpec.builder(what + ": reconstruction vs truth (MC, " + in.stage() + ")",
                new Axis("True " + lower(what), unit, pair.log(), b.low(), b.high()),
                new Axis("Reconstructed " + lower(what), unit, pair.log(), b.low(), b.high()));
        p.colour(Axis.log("Rate per cell", "Hz"));
        p.add(new Map2DSeries("MC (" + in.model() + ")", map, false));
        List<Point> band = new ArrayList<>();
        for (BinStats st : stats) {
            if (!Double.isNaN(st.median())) {
                double x = pair.log() ? Math.sqrt(st.low() * st.high()) : 0.5 * (st.low() + st.high());
                double half = pair.log() ? 0 : 0.5 * (st.high() - st.low());
                band.add(new Point(x, st.median(), half, st.median() - st.q16(), st.q84() - st.median()));
            }
        }
        p.add(new PointSeries("Median, central 68 % per truth bin", band));
        p.add(new LineSeries("reconstructed = true", List.of(Point.of(b.low(), b.low()), Point.of(b.high(), b.high())),
                true));
        if (bad > 0) {
            p.annotate(bad + " events without a finite value left out");
        }
        context.artifacts().plot("correlation_" + pair.stem(), p.build());

        String resUnit = pair.log() ? "" : unit;
        List<Point> bias = new ArrayList<>(), res = new ArrayList<>();
        for (BinStats st : stats) {
            if (!Double.isNaN(st.bias())) {
                double x = pair.log() ? Math.sqrt(st.low() * st.high()) : 0.5 * (st.low() + st.high());
                double half = pair.log() ? 0 : 0.5 * (st.high() - st.low());
                bias.add(new Point(x, st.bias(), half, 0, 0));
                res.add(new Point(x, st.resolution(), half, 0, 0));
            }
        }
        String resLabel = pair.log() ? "Relative bias / resolution (reco/true − 1)" : "Bias / resolution (reco − true)";
        PlotSpec.Builder q = PlotSpec.builder(what + ": bias and resolution (MC, " + in.stage() + ")",
                new Axis("True " + lower(what), unit, pair.log(), b.low(), b.high()), Axis.linear(resLabel, resUnit));
        q.add(new PointSeries("Bias (median)", bias));
        q.add(new PointSeries("Resolution (68 % half width)", res));
        q.marker(Marker.atY(0, ""));
        q.annotate(">= " + s.minBinEvents() + " MC events per bin");
        q.annotate("weights: " + in.model());
        context.artifacts().plot("resolution_" + pair.stem(), q.build());

        TableArtifact.Builder tb = TableArtifact.builder().column("truth_low", unit).column("truth_high", unit)
                .column("events", "").column("rate", "Hz").column("reco_median", unit).column("reco_q16", unit)
                .column("reco_q84", unit).column("bias", resUnit).column("resolution", resUnit);
        for (BinStats st : stats) {
            tb.row(st.low(), st.high(), st.events(), st.rateHz(), st.median(), st.q16(), st.q84(), st.bias(),
                    st.resolution());
        }
        context.artifacts().table("correlation_" + pair.stem() + "_bins", tb.build());

        WeightedQuantiles all = new WeightedQuantiles(residuals(t, r, pair.log()), w, n);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("truth", pair.truth());
        summary.put("reco", pair.reco());
        summary.put("bias", all.quantile(0.5));
        summary.put("resolution", 0.5 * (all.quantile(P84) - all.quantile(P16)));
        summary.put("unit", resUnit);
        return summary;
    }

    static List<BinStats> binStats(Binning b, double[] t, double[] r, double[] w, boolean log, int minEvents) {
        int nb = b.bins();
        int[] count = new int[nb];
        int[] bin = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            int k = Double.isNaN(t[i]) ? -1 : b.findBin(t[i]);
            bin[i] = k >= 0 && k < nb ? k : -1;
            if (bin[i] >= 0) {
                count[bin[i]]++;
            }
        }
        double[][] rv = new double[nb][], dv = new double[nb][], wv = new double[nb][];
        for (int k = 0; k < nb; k++) {
            rv[k] = new double[count[k]];
            dv[k] = new double[count[k]];
            wv[k] = new double[count[k]];
        }
        int[] fill = new int[nb];
        for (int i = 0; i < t.length; i++) {
            int k = bin[i];
            if (k >= 0) {
                int j = fill[k]++;
                rv[k][j] = r[i];
                dv[k][j] = log ? r[i] / t[i] - 1 : r[i] - t[i];
                wv[k][j] = w[i];
            }
        }
        List<BinStats> out = new ArrayList<>();
        for (int k = 0; k < nb; k++) {
            WeightedQuantiles qr = new WeightedQuantiles(rv[k], wv[k], count[k]);
            double rate = qr.sumW();
            if (count[k] < minEvents || !(rate > 0)) {
                out.add(new BinStats(b.edge(k), b.edge(k + 1), count[k], rate, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN));
                continue;
            }
            WeightedQuantiles qd = new WeightedQuantiles(dv[k], wv[k], count[k]);
            out.add(new BinStats(b.edge(k), b.edge(k + 1), count[k], rate, qr.quantile(0.5), qr.quantile(P16),
                    qr.quantile(P84), qd.quantile(0.5), 0.5 * (qd.quantile(P84) - qd.quantile(P16))));
        }
        return out;
    }

    private static double[] residuals(double[] t, double[] r, boolean log) {
        double[] d = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            d[i] = log ? r[i] / t[i] - 1 : r[i] - t[i];
        }
        return d;
    }

    /** @return the [p, q] quantiles of the finite values (unweighted), widened if degenerate; null if none */
    static double[] centralRange(double[] v, double p, double q) {
        double[] f = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (f.length == 0) {
            return null;
        }
        double lo = f[(int) Math.floor(p * (f.length - 1))];
        double hi = f[(int) Math.ceil(q * (f.length - 1))];
        if (!(hi > lo)) {
            double pad = Math.max(0.5, Math.abs(lo) * 0.01);
            lo -= pad;
            hi += pad;
        }
        return new double[] { lo, hi };
    }

    private static String lower(String label) {
        if (label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1))) {
            return Character.toLowerCase(label.charAt(0)) + label.substring(1);
        }
        return label;
    }
}
