package org.fluxion.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.testsupport.unfolding.ToyProblems;
import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingException;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.fluxion.unfolding.llh.LikelihoodUnfolder;
import org.fluxion.unfolding.llh.LlhSettings;
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
 * The {@code llh} unfolder without sampling, on the problem of {@link LlhBenchmarks}, one thread:
 * <ul>
 * <li>{@link #tauScan}: a 50-point τ scan over [10⁻⁶, 10²] (a MAP fit with its Hessian covariance per
 * point, then the global-correlation, L-curve and truth criteria);</li>
 * <li>{@link #map}: one MAP fit (bound-constrained Newton) with its Hessian covariance, τ = 10⁻².</li>
 * </ul>
 * Time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LlhMapBenchmarks {
    private UnfoldingProblem problem;
    private LikelihoodUnfolder mapOnly;
    private final UnfoldingContext oneThread = new UnfoldingContext(7, 1, ProgressMonitor.NONE);

    @Setup
    public void setUp() throws UnfoldingException {
        problem = ToyProblems.benchmark(new SplittableRandom(42));
        mapOnly = LikelihoodUnfolder.of(
                new LlhSettings(List.of(1e-2), true, 1.0, false, false, 100, 1000, 2000, 0.0, 200, 1e-6));
        RegularisationScan s = mapOnly.scan(problem, oneThread, 1e-6, 1e2, 50);
        System.out.printf("%n[llh scan] chosen tau: global correlation %.3g, L-curve %.3g, truth %.3g%n",
                s.values()[s.byGlobalCorrelation()], s.values()[s.byLCurve()], s.values()[s.byTruth()]);
    }

    @Benchmark
    public RegularisationScan tauScan() throws UnfoldingException {
        return mapOnly.scan(problem, oneThread, 1e-6, 1e2, 50);
    }

    @Benchmark
    public UnfoldingResult map() throws UnfoldingException {
        return mapOnly.unfold(problem, oneThread);
    }
}
