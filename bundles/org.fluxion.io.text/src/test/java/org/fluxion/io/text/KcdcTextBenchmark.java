package org.fluxion.io.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.Histogram2D;
import org.fluxion.api.workflow.ProgressMonitor;

/**
 * Benchmark harness (not a unit test): reads a KCDC {@code E Ne Nmu Ze} file, applies the cuts
 * Ze &lt; 30 and Nmu &gt; 3.6, fills a 1-D histogram of E (50 bins on [14, 18]) and a 2-D histogram
 * Ne × Nmu (100 × 100 on [3.9, 7.9] × [3.4, 6.4]). Rows are split into fixed blocks of 2^18, each
 * filled into its own builders on up to {@code threads} threads and merged in block order.
 * One warm-up run, then {@code runs} timed runs in the same JVM; prints each and the median.
 *
 * <pre>java -cp target/classes:target/test-classes:../org.fluxion.api/target/classes \
 *     org.fluxion.io.text.KcdcTextBenchmark kcdc_data.txt [threads=2] [runs=5]</pre>
 */
public final class KcdcTextBenchmark {
    private static final int BLOCK = 1 << 18;

    private KcdcTextBenchmark() {
    }

    record Result(Histogram e, Histogram2D neNmu, int selected) {
    }

    static Result analyse(Path file, int threads, ExecutorService pool) throws Exception {
        EventTable t = TextTableReader.read("data", List.of(file), TextSampleSettings.of(file.toString()), threads,
                ProgressMonitor.NONE, w -> System.err.println("warning: " + w));
        Column.Doubles e = (Column.Doubles) t.column("E"), ne = (Column.Doubles) t.column("Ne"),
                nmu = (Column.Doubles) t.column("Nmu"), ze = (Column.Doubles) t.column("Ze");
        Binning be = Binning.linear(50, 14, 18), bne = Binning.linear(100, 3.9, 7.9), bnmu = Binning.linear(100, 3.4, 6.4);
        int rows = t.rowCount();
        List<Future<Object[]>> parts = new ArrayList<>();
        for (int start = 0; start < rows; start += BLOCK) {
            final int from = start, to = Math.min(rows, start + BLOCK);
            parts.add(pool.submit(() -> {
                Histogram.Builder h1 = Histogram.builder(be);
                Histogram2D.Builder h2 = Histogram2D.builder(bne, bnmu);
                int n = 0;
                for (int i = from; i < to; i++) {
                    double m = nmu.get(i);
                    if (ze.get(i) < 30 && m > 3.6) {
                        h1.fill(e.get(i));
                        h2.fill(ne.get(i), m);
                        n++;
                    }
                }
                return new Object[] {h1.build(), h2.build(), n};
            }));
        }
        Histogram.Builder h1 = Histogram.builder(be);
        Histogram2D.Builder h2 = Histogram2D.builder(bne, bnmu);
        int selected = 0;
        for (Future<Object[]> f : parts) {
            Object[] r = f.get();
            h1.add((Histogram) r[0]);
            h2.add((Histogram2D) r[1]);
            selected += (Integer) r[2];
        }
        return new Result(h1.build(), h2.build(), selected);
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Result r = analyse(file, threads, pool); // warm-up
            System.out.printf("selected %d rows; E histogram integral %.0f; Ne-Nmu integral %.0f; E bins 0..4 %s%n",
                    r.selected(), r.e().integral(), r.neNmu().integral(),
                    Arrays.toString(Arrays.copyOf(r.e().values(), 5)));
            double[] times = new double[runs];
            for (int k = 0; k < runs; k++) {
                long t0 = System.nanoTime();
                analyse(file, threads, pool);
                times[k] = (System.nanoTime() - t0) * 1e-9;
                System.out.printf("run %d: %.3f s%n", k + 1, times[k]);
            }
            double[] sorted = times.clone();
            Arrays.sort(sorted);
            System.out.printf("median of %d runs on %d threads: %.3f s%n", runs, threads, sorted[runs / 2]);
        } finally {
            pool.shutdown();
        }
    }
}
