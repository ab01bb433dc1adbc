package org.fluxion.recocheck.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.HistogramSeries;
import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.Map2DSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.RatioPanel;
import org.fluxion.api.artifact.Series;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.Histogram2D;
import org.fluxion.api.workflow.StepContext;

/**
 * The {@code plot_multiplicity} check on the samples after the cuts: the MC's true muons per bundle,
 * true stopping muons and reconstructed multiplicity ({@code multiplicity_mc}); reconstructed vs true
 * multiplicity ({@code multiplicity_truth_vs_reco}, log colour, 1:1 line); data vs MC reconstructed
 * multiplicity with ratio panel ({@code multiplicity_data_mc}, with a data sample). Integer bins
 * centred on 0 … max_multiplicity; larger values are counted in the tables' overflow rows.
 */
final class MultiplicityCheck {
    private MultiplicityCheck() {
    }

    static Map<String, Object> run(StepContext context, RecoChecksSettings s, Samples in) {
        double[] reco = Samples.values(in.mc(), s.multiplicity(), "multiplicity");
        double[] nMu = Samples.values(in.mc(), s.nMuons(), "n_muons");
        double[] nStop = Samples.values(in.mc(), s.nStopping(), "n_stopping");
        double[] w = in.expectedEvents();
        int max = s.maxMultiplicity();
        Binning b = Binning.linear(max + 1, -0.5, max + 0.5);
        Histogram hMu = DataPoints.fill(b, nMu, w);
        Histogram hStop = DataPoints.fill(b, nStop, w);
        Histogram hReco = DataPoints.fill(b, reco, w);

        PlotSpec.Builder p = PlotSpec.builder("Muon multiplicity (MC, " + in.stage() + ")",
                Axis.linear("Multiplicity", "").withRange(-0.5, max + 0.5), Axis.log(in.yLabel(), in.yUnit()));
        p.add(HistogramSeries.step("True muons in the bundle", hMu));
        p.add(HistogramSeries.step("True stopping muons", hStop));
        p.add(HistogramSeries.step("Reconstructed multiplicity", hReco));
        p.annotate(in.normalisation());
        p.annotate(String.format(Locale.ROOT, "mean: true %.3f, stopping %.3f, reconstructed %.3f", mean(nMu, w),
                mean(nStop, w), mean(reco, w)));
        context.artifacts().plot("multiplicity_mc", p.build());

        Histogram2D.Builder m = Histogram2D.builder(b, b);
        m.fill(nMu, reco, in.weight(), nMu.length);
        Histogram2D map = m.build();
        PlotSpec.Builder q = PlotSpec.builder("Reconstructed vs true multiplicity (MC, " + in.stage() + ")",
                Axis.linear("True muons in the bundle", "").withRange(-0.5, max + 0.5),
                Axis.linear("Reconstructed multiplicity", "").withRange(-0.5, max + 0.5));
        q.colour(Axis.log("Rate", "Hz"));
        q.add(new Map2DSeries("MC (" + in.model() + ")", map, false));
        q.add(new LineSeries("reconstructed = true", List.of(Point.of(-0.5, -0.5), Point.of(max + 0.5, max + 0.5)),
                true));
        double exact = 0, total = 0;
        for (int i = 0; i < nMu.length; i++) {
            total += in.weight()[i];
            if (reco[i] == nMu[i]) {
                exact += in.weight()[i];
            }
        }
        q.annotate(String.format(Locale.ROOT, "reconstructed = true for %.1f %% of the rate", 100 * exact / total));
        context.artifacts().plot("multiplicity_truth_vs_reco", q.build());

        Histogram data = null;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("fraction_reco_equals_true", exact / total);
        if (in.hasData()) {
            data = DataPoints.fill(b, Samples.values(in.data(), s.multiplicity(), "multiplicity"), null);
            PlotSpec.Builder d = PlotSpec.builder("Reconstructed multiplicity, data vs MC (" + in.stage() + ")",
                    Axis.linear("Reconstructed multiplicity", "").withRange(-0.5, max + 0.5),
                    Axis.log("Events per bin", ""));
            d.add(new HistogramSeries("MC (" + in.model() + ")", hReco, HistogramSeries.Style.FILLED, false, ""));
            d.add(DataPoints.counts("Data", data));
            List<Series> ratio = List.of(DataPoints.mcBand("MC stat. uncertainty", hReco),
                    DataPoints.ratio("Data / MC", data, hReco));
            d.ratio(new RatioPanel(new Axis("Data / MC", "", false, 0, 2), ratio, 1));
            d.annotate(in.normalisation());
            d.annotate(String.format(Locale.ROOT, "data / MC = %.3f", data.integral() / hReco.integral()));
            context.artifacts().plot("multiplicity_data_mc", d.build());
        }

        TableArtifact.Builder t = TableArtifact.builder().column("multiplicity", "")
                .column("mc_true_muons", in.yUnit()).column("mc_true_stopping", in.yUnit())
                .column("mc_reconstructed", in.yUnit()).column("mc_reconstructed_error", in.yUnit())
                .column("data_reconstructed", "events");
        for (int i = 0; i < b.bins(); i++) {
            t.row(i, hMu.sumW(i), hStop.sumW(i), hReco.sumW(i), hReco.error(i),
                    data == null ? Double.NaN : data.sumW(i));
        }
        t.row("> " + max, hMu.overflow(), hStop.overflow(), hReco.overflow(), Double.NaN,
                data == null ? Double.NaN : data.overflow());
        context.artifacts().table("multiplicity_bins", t.build());

        TableArtifact.Builder c = TableArtifact.builder().column("true_muons", "").column("reconstructed", "")
                .column("rate", "Hz");
        double[][] v = map.values();
        for (int i = 0; i < b.bins(); i++) {
            for (int j = 0; j < b.bins(); j++) {
                if (v[i][j] != 0) {
                    c.row(i, j, v[i][j]);
                }
            }
        }
        context.artifacts().table("multiplicity_truth_vs_reco_cells", c.build());
        return summary;
    }

    private static double mean(double[] v, double[] w) {
        double s = 0, sw = 0;
        for (int i = 0; i < v.length; i++) {
            if (Double.isFinite(v[i])) {
                s += w[i] * v[i];
                sw += w[i];
            }
        }
        return s / sw;
    }
}
