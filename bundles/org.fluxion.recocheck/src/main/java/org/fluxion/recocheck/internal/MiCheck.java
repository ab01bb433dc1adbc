package org.fluxion.recocheck.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.HistogramSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.workflow.StepContext;

/**
 * The {@code analyse_mi_scores} check: KSG mutual information ({@link MutualInformation#of}, k =
 * {@code mi_neighbours}) of every observable with every target on the MC after the cuts, unweighted
 * (the events as generated, as scikit-learn sees them). Events with a non-finite value in any
 * observable or target are left out; then at most {@code mi_max_events} events are drawn without
 * replacement from a stream of the step seed. Pairs run in parallel on {@code context.parallelism()}
 * threads, each with its own noise stream mix(seed, pair index): the result does not depend on the
 * thread count. Artifacts: plot and table {@code mutual_information}.
 */
final class MiCheck {
    private MiCheck() {
    }

    static List<MiScore> run(StepContext context, RecoChecksSettings s, EventTable mc) throws InterruptedException {
        List<String> obs = s.observables(), targets = s.miTargets();
        int nObs = obs.size(), nT = targets.size();
        double[][] ov = new double[nObs][];
        double[][] tv = new double[nT][];
        for (int j = 0; j < nObs; j++) {
            ov[j] = Samples.values(mc, obs.get(j), "observables");
        }
        for (int j = 0; j < nT; j++) {
            tv[j] = Samples.values(mc, targets.get(j), "mi_targets");
        }
        int[] rows = subsample(mc.rowCount(), ov, tv, s.miMaxEvents(), mix(context.seed(), 0x6d69L));
        if (rows.length <= s.miNeighbours()) {
            throw new IllegalArgumentException("step reco_checks: mutual information needs more than mi_neighbours = "
                    + s.miNeighbours() + " MC events with finite " + obs + " and " + targets + " but sample '"
                    + mc.name() + "' has " + rows.length);
        }
        double[][] os = pick(ov, rows), ts = pick(tv, rows);
        MiScore[] scores = new MiScore[nObs * nT];
        context.progress().begin("mutual information of " + nObs + " observables x " + nT + " targets", scores.length);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(context.parallelism(), scores.length)));
        try {
            List<Future<MiScore>> futures = new ArrayList<>();
            for (int a = 0; a < nObs; a++) {
                for (int b = 0; b < nT; b++) {
                    int index = a * nT + b, oa = a, tb = b;
                    futures.add(pool.submit(() -> {
                        context.progress().checkCancelled();
                        MutualInformation.Estimate e = MutualInformation.of(os[oa], ts[tb], s.miNeighbours(),
                                mix(context.seed(), index + 1));
                        context.progress().worked(1);
                        return new MiScore(obs.get(oa), targets.get(tb), e.nats(), e.raw(),
                                Math.sqrt(1 - Math.exp(-2 * e.nats())), e.n());
                    }));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    scores[i] = futures.get(i).get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException("mutual information failed", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<MiScore> out = List.of(scores);
        write(context, s, out, rows.length, mc.rowCount());
        return out;
    }

    private static void write(StepContext context, RecoChecksSettings s, List<MiScore> scores, int used, int total) {
        List<String> obs = s.observables(), targets = s.miTargets();
        int nT = targets.size();
        // bars: per observable a group of nT bars of width 0.8/nT around the observable's index 1..n
        double width = 0.8 / nT;
        List<Double> edges = new ArrayList<>();
        edges.add(0.5);
        for (int a = 0; a < obs.size(); a++) {
            double c = a + 1;
            for (int b = 0; b <= nT; b++) {
                edges.add(c - 0.4 + b * width);
            }
            edges.add(c + 0.5);
        }
        Binning bins = Binning.ofEdges(edges.stream().mapToDouble(Double::doubleValue).toArray());
        PlotSpec.Builder p = PlotSpec.builder("Mutual information of the observables with the targets (MC, after cuts)",
                Axis.linear("Observable", "").withRange(0.5, obs.size() + 0.5), Axis.linear("Mutual information",
                        "nats"));
        for (int b = 0; b < nT; b++) {
            double[] v = new double[bins.bins()];
            for (int a = 0; a < obs.size(); a++) {
                // bin index of bar b of observable a: 1 (gap) + a * (nT + 2) + b
                v[1 + a * (nT + 2) + b] = scores.get(a * nT + b).nats();
            }
            Histogram h = Histogram.of(bins, v, new double[v.length]);
            p.add(new HistogramSeries("target " + targets.get(b), h, HistogramSeries.Style.FILLED, false, ""));
        }
        for (int a = 0; a < obs.size(); a++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%d: %s", a + 1, obs.get(a)));
            for (int b = 0; b < nT; b++) {
                line.append(String.format(Locale.ROOT, "  %.3f", scores.get(a * nT + b).nats()));
            }
            p.annotate(line.toString());
        }
        p.annotate(String.format(Locale.ROOT, "KSG, k = %d, %d of %d MC events, unweighted", s.miNeighbours(), used,
                total));
        context.artifacts().plot("mutual_information", p.build());
        TableArtifact.Builder t = TableArtifact.builder().column("observable", "").column("target", "")
                .column("mutual_information", "nats").column("mutual_information_raw", "nats")
                .column("information_correlation", "").column("events", "");
        for (MiScore m : scores) {
            t.row(m.observable(), m.target(), m.nats(), m.rawNats(), m.correlation(), m.events());
        }
        context.artifacts().table("mutual_information_scores", t.build());
    }

    /** @return ascending row numbers: all rows with finite values, or a seeded subsample of max of them */
    static int[] subsample(int n, double[][] a, double[][] b, int max, long seed) {
        int[] ok = new int[n];
        int m = 0;
        outer:
        for (int i = 0; i < n; i++) {
            for (double[] v : a) {
                if (!Double.isFinite(v[i])) {
                    continue outer;
                }
            }
            for (double[] v : b) {
                if (!Double.isFinite(v[i])) {
                    continue outer;
                }
            }
            ok[m++] = i;
        }
        if (m > max) {
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < max; i++) { // partial Fisher-Yates
                int j = i + r.nextInt(m - i);
                int t = ok[i];
                ok[i] = ok[j];
                ok[j] = t;
            }
            m = max;
        }
        int[] out = Arrays.copyOf(ok, m);
        Arrays.sort(out);
        return out;
    }

    private static double[][] pick(double[][] cols, int[] rows) {
        double[][] out = new double[cols.length][rows.length];
        for (int j = 0; j < cols.length; j++) {
            for (int i = 0; i < rows.length; i++) {
                out[j][i] = cols[j][rows[i]];
            }
        }
        return out;
    }

    /** SplitMix64 finaliser of seed + index (independent streams per index). */
    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
