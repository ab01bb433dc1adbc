package org.fluxion.recocheck.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.BandSeries;
import org.fluxion.api.artifact.HistogramSeries;
import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.Marker;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.RatioPanel;
import org.fluxion.api.artifact.Series;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.workflow.StepContext;

/**
 * The {@code evaluate_score_distribution} check: the stopping-score distribution of the MC stacked by
 * true class (weighted with the chosen flux model and scaled to the data livetime), the data with
 * Poisson intervals, data/MC with the MC statistical band, the score cut; and the purity and
 * efficiency of single stoppers for every cut value. Artifacts: plots {@code score_distribution},
 * {@code score_purity_efficiency}; tables of the same names. Single-threaded (a few histogram passes).
 */
final class ScoreCheck {
    /** Cut values of the purity/efficiency curve. */
    static final int CUT_STEPS = 200;
    static final String[] CLASS_LABELS = { "MC single stopping", "MC multiple stopping", "MC not stopping" };

    private ScoreCheck() {
    }

    /** @return summary values (purity, efficiency at the cut, data/MC) */
    static Map<String, Object> run(StepContext context, RecoChecksSettings s, Samples in) {
        double[] score = Samples.values(in.mc(), s.score(), "score");
        int[] cls = in.trueClasses(s.trueClass());
        double[] w = in.expectedEvents();
        Binning b = Binning.linear(s.scoreBins(), 0, 1);
        Histogram[] byClass = new Histogram[3];
        for (int c = 0; c < 3; c++) {
            Histogram.Builder h = Histogram.builder(b);
            for (int i = 0; i < score.length; i++) {
                if (cls[i] == c) {
                    h.fill(score[i], w[i]);
                }
            }
            byClass[c] = h.build();
        }
        Histogram mcTotal = byClass[0].plus(byClass[1]).plus(byClass[2]);
        PlotSpec.Builder p = PlotSpec.builder("Stopping score, " + in.stage(), Axis.linear("Stopping score", "")
                .withRange(0, 1), Axis.log(in.yLabel(), in.yUnit()));
        for (int c = 0; c < 3; c++) {
            p.add(new HistogramSeries(CLASS_LABELS[c], byClass[c], HistogramSeries.Style.FILLED, false, "mc"));
        }
        Histogram data = null;
        Map<String, Object> summary = new LinkedHashMap<>();
        if (in.hasData()) {
            data = DataPoints.fill(b, Samples.values(in.data(), s.score(), "score"), null);
            p.add(DataPoints.counts("Data", data));
            List<Series> ratio = List.of(DataPoints.mcBand("MC stat. uncertainty", mcTotal),
                    DataPoints.ratio("Data / MC", data, mcTotal));
            p.ratio(new RatioPanel(new Axis("Data / MC", "", false, 0, 2), ratio, 1));
            double norm = data.integral() / mcTotal.integral();
            summary.put("data_over_mc", norm);
            p.annotate(String.format(Locale.ROOT, "data / MC = %.3f (all scores)", norm));
        }
        p.annotate(in.normalisation());
        p.marker(Marker.atX(s.scoreCut(), String.format(Locale.ROOT, "cut %.2f", s.scoreCut())));
        context.artifacts().plot("score_distribution", p.build());

        TableArtifact.Builder t = TableArtifact.builder().column("score_low", "").column("score_high", "")
                .column("mc_single", in.yUnit()).column("mc_multiple", in.yUnit()).column("mc_not_stopping", in.yUnit())
                .column("mc_total", in.yUnit()).column("mc_total_error", in.yUnit()).column("data", "events")
                .column("data_low", "events").column("data_high", "events").column("data_over_mc", "");
        for (int i = 0; i < b.bins(); i++) {
            long n = data == null ? 0 : Math.round(data.sumW(i));
            double[] ci = data == null ? new double[] { Double.NaN, Double.NaN } : PoissonInterval.garwood(n);
            t.row(b.edge(i), b.edge(i + 1), byClass[0].sumW(i), byClass[1].sumW(i), byClass[2].sumW(i), mcTotal.sumW(i),
                    mcTotal.error(i), data == null ? Double.NaN : (double) n, ci[0], ci[1],
                    data == null || !(mcTotal.sumW(i) > 0) ? Double.NaN : n / mcTotal.sumW(i));
        }
        context.artifacts().table("score_distribution_bins", t.build());
        summary.putAll(purityEfficiency(context, s, score, cls, in.weight(), in.stage()));
        return summary;
    }

    /** One cut value: efficiency and purity of single stoppers with their standard errors. */
    record CutPoint(double cut, double efficiency, double efficiencyError, double purity, double purityError,
            double selectedRateHz) {
    }

    /**
     * Efficiency ε(c) = S(≥c)/S and purity π(c) = S(≥c)/(S(≥c) + B(≥c)) of single stoppers (class 0)
     * for a cut score >= c, weighted. Errors: var ε = [(1−ε)² Σ_pass w² + ε² Σ_fail w²] / S², the
     * same for π with signal and background in the selected sample.
     */
    static List<CutPoint> curve(double[] score, int[] cls, double[] w, double[] cuts) {
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            if (!Double.isNaN(score[i])) {
                valid.add(i);
            }
        }
        Integer[] order = valid.toArray(new Integer[0]);
        int n = order.length;
        Arrays.sort(order, (a, c) -> Double.compare(score[c], score[a]) != 0 ? Double.compare(score[c], score[a])
                : Integer.compare(a, c));
        double sTot = 0, s2Tot = 0;
        for (int i : order) {
            if (cls[i] == 0) {
                sTot += w[i];
                s2Tot += w[i] * w[i];
            }
        }
        double[] sorted = cuts.clone();
        Arrays.sort(sorted);
        List<CutPoint> out = new ArrayList<>();
        // walk from the highest cut down, accumulating events with score >= cut
        double sPass = 0, s2Pass = 0, bPass = 0, b2Pass = 0;
        int k = 0;
        CutPoint[] points = new CutPoint[sorted.length];
        for (int j = sorted.length - 1; j >= 0; j--) {
            double c = sorted[j];
            while (k < n && (score[order[k]] >= c)) {
                int i = order[k++];
                if (cls[i] == 0) {
                    sPass += w[i];
                    s2Pass += w[i] * w[i];
                } else {
                    bPass += w[i];
                    b2Pass += w[i] * w[i];
                }
            }
            double eff = sTot > 0 ? sPass / sTot : Double.NaN;
            double effErr = sTot > 0 ? Math.sqrt((1 - eff) * (1 - eff) * s2Pass + eff * eff * (s2Tot - s2Pass)) / sTot
                    : Double.NaN;
            double sel = sPass + bPass;
            double pur = sel > 0 ? sPass / sel : Double.NaN;
            double purErr = sel > 0 ? Math.sqrt((1 - pur) * (1 - pur) * s2Pass + pur * pur * b2Pass) / sel : Double.NaN;
            points[j] = new CutPoint(c, eff, effErr, pur, purErr, sel);
        }
        out.addAll(Arrays.asList(points));
        return out;
    }

    private static Map<String, Object> purityEfficiency(StepContext context, RecoChecksSettings s, double[] score,
            int[] cls, double[] w, String stage) {
        TreeSet<Double> grid = new TreeSet<>();
        for (int j = 0; j <= CUT_STEPS; j++) {
            grid.add((double) j / CUT_STEPS);
        }
        grid.add(s.scoreCut());
        double[] cuts = grid.stream().mapToDouble(Double::doubleValue).toArray();
        List<CutPoint> curve = curve(score, cls, w, cuts);
        CutPoint atCut = null;
        List<Point> eff = new ArrayList<>(), pur = new ArrayList<>(), prod = new ArrayList<>();
        TableArtifact.Builder t = TableArtifact.builder().column("score_cut", "").column("efficiency", "")
                .column("efficiency_error", "").column("purity", "").column("purity_error", "")
                .column("selected_rate", "Hz");
        for (CutPoint c : curve) {
            if (c.cut() == s.scoreCut() && atCut == null) {
                atCut = c;
            }
            if (!Double.isNaN(c.efficiency())) {
                eff.add(new Point(c.cut(), c.efficiency(), 0, c.efficiencyError(), c.efficiencyError()));
            }
            if (!Double.isNaN(c.purity())) {
                pur.add(new Point(c.cut(), c.purity(), 0, c.purityError(), c.purityError()));
                prod.add(Point.of(c.cut(), c.purity() * c.efficiency()));
            }
            t.row(c.cut(), c.efficiency(), c.efficiencyError(), c.purity(), c.purityError(), c.selectedRateHz());
        }
        PlotSpec.Builder p = PlotSpec.builder("Single stoppers vs score cut (MC, " + stage + ")",
                Axis.linear("Cut on the stopping score (keep score ≥ cut)", "").withRange(0, 1),
                Axis.linear("Efficiency, purity", ""));
        p.add(new BandSeries("Efficiency ± 1σ", eff));
        p.add(new BandSeries("Purity ± 1σ", pur));
        p.add(new LineSeries("Purity × efficiency", prod, true));
        p.marker(Marker.atX(s.scoreCut(), String.format(Locale.ROOT, "cut %.2f", s.scoreCut())));
        Map<String, Object> summary = new LinkedHashMap<>();
        if (atCut != null) {
            p.annotate(String.format(Locale.ROOT, "at score ≥ %.2f: efficiency %.3f ± %.3f, purity %.3f ± %.3f",
                    s.scoreCut(), atCut.efficiency(), atCut.efficiencyError(), atCut.purity(), atCut.purityError()));
            summary.put("score_cut", s.scoreCut());
            summary.put("efficiency", atCut.efficiency());
            summary.put("efficiency_error", atCut.efficiencyError());
            summary.put("purity", atCut.purity());
            summary.put("purity_error", atCut.purityError());
        }
        p.annotate("signal: true class 0; weights: chosen flux model");
        context.artifacts().plot("score_purity_efficiency", p.build());
        context.artifacts().table("score_purity_efficiency_cuts", t.build());
        return summary;
    }
}
