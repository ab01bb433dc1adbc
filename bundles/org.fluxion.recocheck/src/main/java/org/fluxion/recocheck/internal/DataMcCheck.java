package org.fluxion.recocheck.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.HistogramSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.RatioPanel;
import org.fluxion.api.artifact.Series;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.workflow.StepContext;

/**
 * The {@code plot_data_mc_agreement} check on the samples after the cuts: per reconstruction, the
 * data (points, Poisson 68 % intervals) and the MC weighted with the chosen flux model (filled, with
 * its statistical band in the ratio panel) and with each other model (lines), all scaled to the data
 * livetime; the ratio panel shows data and the other models divided by the chosen model. Plots and tables {@code data_mc_<column>},
 * summary values data/MC per model. Columns in radians are shown in degrees; integer columns get
 * unit-wide bins; continuous ones {@code data_mc_bins} bins over the data's central 99 %.
 */
final class DataMcCheck {
    private DataMcCheck() {
    }

    /** Display names of the standard reconstruction columns. */
    private static final Map<String, String> LABELS = Map.of("reco_length", "Reconstructed propagation length",
            "reco_log_energy", "Reconstructed log10(E_s / GeV)", "reco_zenith", "Reconstructed zenith", "score",
            "Stopping score", "multiplicity", "Reconstructed multiplicity", "reco_stop_x", "Reconstructed stop x",
            "reco_stop_y", "Reconstructed stop y", "reco_stop_z", "Reconstructed stop z");

    static String label(String column) {
        return LABELS.getOrDefault(column, column);
    }

    /** @return per model: data / MC over all events */
    static Map<String, Object> normalisation(Samples in, List<String> models, List<String> warnings) {
        Map<String, Object> out = new LinkedHashMap<>();
        double n = in.data().rowCount();
        for (String m : presentModels(in, models, warnings)) {
            double sum = 0;
            double[] w = m == null ? in.weight() : Samples.values(in.mc(), m, "models");
            for (double v : w) {
                sum += v;
            }
            out.put(m == null ? in.model() : m, n / (sum * in.livetimeS()));
        }
        return out;
    }

    /** @return the model columns to draw: null for the chosen one first, then the others present */
    static List<String> presentModels(Samples in, List<String> models, List<String> warnings) {
        List<String> out = new ArrayList<>();
        out.add(null);
        for (String m : models) {
            if (m.equals(in.model()) || m.equals(Samples.WEIGHT)) {
                continue;
            }
            if (!in.mc().hasColumn(m)) {
                if (warnings != null) {
                    warnings.add("flux model '" + m + "' (setting 'models') is not a column of MC sample '"
                            + in.mc().name() + "': not drawn; columns: " + in.mc().columnNames());
                }
                continue;
            }
            out.add(m);
        }
        return out;
    }

    static void run(StepContext context, RecoChecksSettings s, Samples in, String column, List<String> models) {
        EventTable mc = in.mc(), data = in.data();
        double[] dv = Samples.values(data, column, "reconstructions");
        double[] mv = Samples.values(mc, column, "reconstructions");
        boolean deg = Samples.radians(data, column);
        String unit = deg ? "deg" : data.column(column).unit();
        if (deg) {
            toDegrees(dv);
            toDegrees(mv);
        }
        Binning b = binning(s, column, dv, mv, Samples.integral(data, column));
        Histogram hData = DataPoints.fill(b, dv, null);
        List<Histogram> hMc = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String m : models) {
            double[] w = m == null ? in.weight() : Samples.values(mc, m, "models");
            double[] e = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                e[i] = w[i] * in.livetimeS();
            }
            hMc.add(DataPoints.fill(b, mv, e));
            names.add(m == null ? in.model() : m);
        }
        String title = label(column);
        PlotSpec.Builder p = PlotSpec.builder(title + ": data vs MC (" + in.stage() + ")",
                new Axis(title, unit, false, b.low(), b.high()), Axis.log("Events per bin", ""));
        p.add(new HistogramSeries("MC " + names.get(0), hMc.get(0), HistogramSeries.Style.FILLED, false, ""));
        for (int k = 1; k < hMc.size(); k++) {
            p.add(HistogramSeries.step("MC " + names.get(k), hMc.get(k)));
        }
        p.add(DataPoints.counts("Data", hData));
        List<Series> ratio = new ArrayList<>();
        ratio.add(DataPoints.mcBand("MC stat. uncertainty", hMc.get(0)));
        for (int k = 1; k < hMc.size(); k++) {
            ratio.add(HistogramSeries.step("", DataPoints.divide(hMc.get(k), hMc.get(0))));
        }
        ratio.add(DataPoints.ratio("", hData, hMc.get(0)));
        p.ratio(new RatioPanel(new Axis("Ratio to MC " + names.get(0).replace("Weight", ""), "", false, 0, 2), ratio, 1));
        for (int k = 0; k < hMc.size(); k++) {
            p.annotate(String.format(Locale.ROOT, "data / %s = %.3f", names.get(k), hData.integral() / hMc.get(k).integral()));
        }
        p.annotate(String.format(Locale.ROOT, "MC scaled to the data livetime %.4g s", in.livetimeS()));
        String stem = "data_mc_" + column.replaceAll("[^A-Za-z0-9_.-]", "_");
        context.artifacts().plot(stem, p.build());

        TableArtifact.Builder t = TableArtifact.builder().column("low", unit).column("high", unit)
                .column("data", "events").column("data_low", "events").column("data_high", "events");
        for (String nme : names) {
            t.column("mc_" + nme, "events").column("mc_" + nme + "_error", "events");
        }
        for (int i = 0; i < b.bins(); i++) {
            long n = Math.round(hData.sumW(i));
            double[] ci = PoissonInterval.garwood(n);
            List<Object> row = new ArrayList<>(List.of(b.edge(i), b.edge(i + 1), (double) n, ci[0], ci[1]));
            for (Histogram h : hMc) {
                row.add(h.sumW(i));
                row.add(h.error(i));
            }
            t.row(row.toArray());
        }
        context.artifacts().table(stem + "_bins", t.build());
    }

    private static void toDegrees(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.toDegrees(v[i]);
        }
    }

    static Binning binning(RecoChecksSettings s, String column, double[] dv, double[] mv, boolean integral) {
        if (column.equals(s.score())) {
            return Binning.linear(s.dataMcBins(), 0, 1);
        }
        double[] source = dv.length > 0 ? dv : mv;
        if (integral) {
            double[] r = CorrelationCheck.centralRange(source, 0, 1);
            if (r == null) {
                return Binning.linear(1, -0.5, 0.5);
            }
            double lo = Math.floor(r[0]), hi = Math.ceil(r[1]);
            hi = Math.min(hi, lo + 200);
            return Binning.linear((int) (hi - lo) + 1, lo - 0.5, hi + 0.5);
        }
        double[] r = CorrelationCheck.centralRange(source, 0.005, 0.995);
        if (r == null) {
            return Binning.linear(s.dataMcBins(), 0, 1);
        }
        return Binning.linear(s.dataMcBins(), r[0], r[1]);
    }
}
