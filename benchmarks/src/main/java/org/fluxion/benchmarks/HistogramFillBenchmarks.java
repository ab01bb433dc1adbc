package org.fluxion.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.Histogram2D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Histogram filling of the headline text benchmark, without cuts: 4,102,999 rows of KCDC-like columns
 * (the seeded generator of {@code FillBenchmark}, values rounded to the text file's decimals so that
 * values on bin edges occur), one thread:
 * <ul>
 * <li>{@link #fill1dBulk}: {@code E} into 50 linear bins on [14, 18] with
 * {@code Histogram.Builder.fill(double[], int)};</li>
 * <li>{@link #fill2dBulk}: {@code Ne × Nmu} into 100 × 100 linear bins on [3.9, 7.9] × [3.4, 6.4] with
 * {@code Histogram2D.Builder.fill(double[], double[], int)};</li>
 * <li>{@link #fill1dPerValue} and {@link #fill2dPerValue}: the same through the one-value {@code fill},
 * for comparison.</li>
 * </ul>
 * Time per operation (all rows, including {@code build()}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class HistogramFillBenchmarks {
    /** Rows of the KCDC data sample ({@code KascadeSamples.Size.FULL}). */
    public static final int ROWS = 4_102_999;

    private final Binning energy = Binning.linear(50, 14, 18);
    private final Binning lgNe = Binning.linear(100, 3.9, 7.9);
    private final Binning lgNmu = Binning.linear(100, 3.4, 6.4);
    private double[] e;
    private double[] ne;
    private double[] nmu;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        e = new double[ROWS];
        ne = new double[ROWS];
        nmu = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            // FillBenchmark.kcdcLike: lg E, lg Ne, lg Nmu, zenith (degrees) shaped like the KCDC data file
            double lgE = 14 + Math.min(4, -Math.log(1 - rnd.nextDouble()) / (1.7 * Math.log(10)));
            double theta = Math.toDegrees(Math.asin(Math.sqrt(rnd.nextDouble()) * Math.sin(Math.toRadians(45))));
            double sec = 1 / Math.cos(Math.toRadians(theta));
            double lgNe = 3.9 + Math.abs(1.0 * (lgE - 14) + 0.25 * gauss(rnd) - 0.8 * (sec - 1));
            double lgNmu = 3.4 + Math.abs(0.85 * (lgE - 14) + 0.2 * gauss(rnd));
            ne[i] = round(lgNe, 1e5);
            nmu[i] = round(lgNmu, 1e5);
            e[i] = round(10.83 + 0.347 * ne[i] + 0.609 * nmu[i] + 1.29 * (sec - 1), 1e5);
        }
        // the bulk and per-value paths must agree before either is timed
        Histogram h = fill1dBulk();
        Histogram2D h2 = fill2dBulk();
        if (!h.equals(fill1dPerValue()) || !h2.equals(fill2dPerValue())) {
            throw new IllegalStateException("bulk and per-value fills of the same rows give different histograms");
        }
    }

    private static double gauss(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double round(double v, double scale) {
        return Math.rint(v * scale) / scale;
    }

    @Benchmark
    public Histogram fill1dBulk() {
        return Histogram.builder(energy).fill(e, ROWS).build();
    }

    @Benchmark
    public Histogram2D fill2dBulk() {
        return Histogram2D.builder(lgNe, lgNmu).fill(ne, nmu, ROWS).build();
    }

    @Benchmark
    public Histogram fill1dPerValue() {
        Histogram.Builder b = Histogram.builder(energy);
        for (int i = 0; i < ROWS; i++) {
            b.fill(e[i]);
        }
        return b.build();
    }

    @Benchmark
    public Histogram2D fill2dPerValue() {
        Histogram2D.Builder b = Histogram2D.builder(lgNe, lgNmu);
        for (int i = 0; i < ROWS; i++) {
            b.fill(ne[i], nmu[i]);
        }
        return b.build();
    }
}
