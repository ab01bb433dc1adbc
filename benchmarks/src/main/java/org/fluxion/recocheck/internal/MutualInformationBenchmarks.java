package org.fluxion.recocheck.internal;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The KSG mutual-information estimator of the reconstruction checks (k = 3, with the scaling and the
 * tie-breaking noise of {@code MutualInformation.of}) on a bivariate Gaussian with ρ = 0.8, for the
 * subsample sizes the step uses ({@code mi_max_events}, default 20 000). One thread, time per estimate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MutualInformationBenchmarks {
    @Param({ "5000", "20000", "100000" })
    public int events;

    private double[] x;
    private double[] y;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(7);
        x = new double[events];
        y = new double[events];
        for (int i = 0; i < events; i++) {
            double a = gaussian(rnd), b = gaussian(rnd);
            x[i] = a;
            y[i] = 0.8 * a + 0.6 * b;
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    @Benchmark
    public Object ksg() {
        return MutualInformation.of(x, y, 3, 11);
    }
}
