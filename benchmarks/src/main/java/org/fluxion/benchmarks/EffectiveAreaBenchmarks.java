package org.fluxion.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.hist.Binning;
import org.fluxion.effarea.EffectiveAreaEstimator;
import org.fluxion.effarea.EffectiveAreaSpec;
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
 * The effective-area estimator of the stopping-muon analysis with its bootstrap: 5,000,000 L0 events and
 * 90,000 selected MC events (the default-size synthetic samples after the cuts), 10 log bins of the
 * propagation length on [1.5, 10] km with the per-bin zenith bands, 10 bootstrap replicas, on 1 and 2
 * threads. Time per estimate (all replicas).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class EffectiveAreaBenchmarks {
    @Param({ "1", "2" })
    public int threads;

    private EventTable l0;
    private EventTable mc;
    private EffectiveAreaSpec spec;

    @Setup
    public void setUp() {
        l0 = table("mc_l0", 5_000_000, new SplittableRandom(1));
        mc = table("mc", 90_000, new SplittableRandom(2));
        spec = EffectiveAreaSpec.propagationLength(Binning.log10(10, 1500, 10000), 85);
    }

    private static EventTable table(String name, int n, SplittableRandom rnd) {
        double[] length = new double[n], zenith = new double[n], weight = new double[n];
        double cosMin = Math.cos(Math.toRadians(85));
        for (int i = 0; i < n; i++) {
            length[i] = 1000 * Math.pow(15, rnd.nextDouble());
            zenith[i] = Math.acos(cosMin + (1 - cosMin) * rnd.nextDouble());
            weight[i] = 1e-3 * rnd.nextDouble();
        }
        return EventTable.builder(name).add(Column.adoptDoubles("true_length", "m", length))
                .add(Column.adoptDoubles("true_zenith", "rad", zenith)).add(Column.adoptDoubles("weight", "Hz", weight))
                .attribute("generation_area_m2", 2.0106e6).attribute("zenith_max_deg", 85.0).build();
    }

    @Benchmark
    public Object bootstrap10() {
        return EffectiveAreaEstimator.estimate(l0, mc, spec, 10, 5, threads);
    }
}
