package org.fluxion.histogram.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.workflow.ProgressMonitor;

/**
 * In-process timing harness for the histogram filling of the headline benchmark: 4.1 M rows of
 * KCDC-like columns {@code E Ne Nmu Ze}, two range cuts ({@code 0 <= Ze < 30}, {@code Nmu >= 3.6}),
 * one 1-D histogram (E, 50 bins) and one 2-D histogram (Ne × Nmu, 100 × 100), on 1 and 2 threads.
 *
 * <p>Not a unit test (the name does not end in {@code Test}, so surefire does not run it) and it
 * asserts nothing about time. Run after a build:
 *
 * <pre>
 * java -cp bundles/org.fluxion.histogram/target/classes:bundles/org.fluxion.histogram/target/test-classes:\
 *   bundles/org.fluxion.api/target/classes org.fluxion.histogram.internal.FillBenchmark [rows|kcdc_data.txt] [runs]
 * </pre>
 *
 * Given a path, reads the columns {@code E Ne Nmu Ze} of a KCDC-format text file (e.g. one written by
 * {@code org.fluxion.synth.KascadeSamples.writeData}) with a plain, slow parser. Otherwise the values
 * are synthetic (seeded), rounded to the decimals of the KCDC text file (5 for lg values, 3 for the
 * zenith angle), so that values on bin edges occur as in the real file. Prints the median of
 * {@code runs} timed runs after as many warm-up runs: wall-clock, process CPU time and the CPU time
 * of the calling thread (with 1 thread that is all the filling work; CPU times are less disturbed
 * by other processes on a shared machine than wall-clock times).
 */
public final class FillBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        EventTable table = args.length > 0 && !args[0].matches("\\d+") ? readKcdc(Path.of(args[0]))
                : kcdcLike(args.length > 0 ? Integer.parseInt(args[0]) : 4_102_999, 42);
        int rows = table.rowCount();
        Map<String, List<Double>> cuts = new LinkedHashMap<>();
        cuts.put("Ze", List.of(0.0, 30.0));
        cuts.put("Nmu", List.of(3.6));
        HistogramSettings settings = new HistogramSettings(List.of(),
                cuts,
                List.of(new Histogram1DSettings("energy", "E", 50, 14, 18, false, true, "", "", "", false)),
                List.of(new Histogram2DSettings("ne_nmu", "Ne", "Nmu", 100, 3.9, 7.5, 100, 3.4, 6.5, "", "", "", "",
                        true)));
        List<Histogram1DSettings> h1 = settings.histograms();
        List<Histogram2DSettings> h2 = settings.histograms_2d();
        time("cuts + 1-D + 2-D", new SampleFill(table, settings.cuts(), h1, h2, Map.of()), rows, runs);
        if (Boolean.getBoolean("fluxion.bench.parts")) {
            time("cuts only", new SampleFill(table, settings.cuts(), List.of(), List.of(), Map.of()), rows, runs);
            time("cuts + 1-D", new SampleFill(table, settings.cuts(), h1, List.of(), Map.of()), rows, runs);
            time("cuts + 2-D", new SampleFill(table, settings.cuts(), List.of(), h2, Map.of()), rows, runs);
            time("no cuts, 1-D + 2-D", new SampleFill(table, List.of(), h1, h2, Map.of()), rows, runs);
        }
    }

    private static void time(String what, SampleFill fill, int rows, int runs) throws InterruptedException {
        for (int threads : new int[] { 1, 2 }) {
            double[] ms = new double[runs];
            double[] cpuMs = new double[runs];
            double[] threadMs = new double[runs];
            long check = 0;
            for (int r = 0; r < 2 * runs; r++) {
                long c0 = processCpuNanos();
                long u0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                SampleFillResult result = fill.run(threads, ProgressMonitor.NONE);
                long t1 = System.nanoTime();
                long c1 = processCpuNanos();
                long u1 = THREADS.getCurrentThreadCpuTime();
                check += result.selected();
                if (r >= runs) {
                    ms[r - runs] = (t1 - t0) / 1e6;
                    cpuMs[r - runs] = (c1 - c0) / 1e6;
                    threadMs[r - runs] = (u1 - u0) / 1e6;
                }
            }
            Arrays.sort(ms);
            Arrays.sort(cpuMs);
            Arrays.sort(threadMs);
            System.out.printf("%-20s rows=%d threads=%d  wall median %6.1f ms (min %6.1f, max %6.1f)"
                    + "  process cpu median %6.1f ms  calling-thread cpu median %6.1f ms  [selected %d]%n", what,
                    rows, threads, ms[runs / 2], ms[0], ms[runs - 1], cpuMs[runs / 2], threadMs[runs / 2],
                    check / (2 * runs));
        }
    }

    /** @return CPU time of the whole process (all threads, including the JIT and GC), or 0 if unknown */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Reads a whitespace-separated text file with the header {@code E Ne Nmu Ze}. */
    static EventTable readKcdc(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int rows = lines.size() - 1;
        double[][] v = new double[4][rows];
        for (int i = 0; i < rows; i++) {
            String[] f = lines.get(i + 1).trim().split("\\s+");
            for (int c = 0; c < 4; c++) {
                v[c][i] = Double.parseDouble(f[c]);
            }
        }
        return EventTable.builder("data").add(Column.adoptDoubles("E", "", v[0]))
                .add(Column.adoptDoubles("Ne", "", v[1])).add(Column.adoptDoubles("Nmu", "", v[2]))
                .add(Column.adoptDoubles("Ze", "deg", v[3])).build();
    }

    /** Seeded columns shaped like the KCDC data file (lg energies, lg sizes, zenith in degrees). */
    static EventTable kcdcLike(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] e = new double[rows], ne = new double[rows], nmu = new double[rows], ze = new double[rows];
        for (int i = 0; i < rows; i++) {
            double lgE = 14 + Math.min(4, -Math.log(1 - rnd.nextDouble()) / (1.7 * Math.log(10)));
            double theta = Math.toDegrees(Math.asin(Math.sqrt(rnd.nextDouble()) * Math.sin(Math.toRadians(45))));
            double sec = 1 / Math.cos(Math.toRadians(theta));
            double lgNe = 3.9 + Math.abs(1.0 * (lgE - 14) + 0.25 * gauss(rnd) - 0.8 * (sec - 1));
            double lgNmu = 3.4 + Math.abs(0.85 * (lgE - 14) + 0.2 * gauss(rnd));
            ne[i] = round(lgNe, 1e5);
            nmu[i] = round(lgNmu, 1e5);
            ze[i] = round(theta, 1e3);
            e[i] = round(10.83 + 0.347 * ne[i] + 0.609 * nmu[i] + 1.29 * (sec - 1), 1e5);
        }
        return EventTable.builder("data").add(Column.adoptDoubles("E", "", e)).add(Column.adoptDoubles("Ne", "", ne))
                .add(Column.adoptDoubles("Nmu", "", nmu)).add(Column.adoptDoubles("Ze", "deg", ze)).build();
    }

    private static double gauss(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double round(double v, double scale) {
        return Math.rint(v * scale) / scale;
    }
}
