package org.fluxion.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.testsupport.unfolding.ToyProblems;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code llh} unfolder on the 32 × 16 steeply falling problem of {@code LlhBenchmark} (a power law
 * falling 4 decades over 16 log-energy bins, Gaussian smearing onto 32 proxy bins, 10⁵ MC events per true
 * bin, Poisson observed counts with seed 42), log-mode Tikhonov with τ = 10⁻²:
 * MAP, Hessian covariance, then the affine-invariant ensemble sampler (stretch move) with 100 walkers ×
 * (1000 burn-in + 2000 used) steps, quantiles and autocorrelation time, walkers evaluated on
 * {@link #threads} threads (the chains are bit-identical for any thread count). Time per operation; the
 * result is returned so the work cannot be eliminated. The τ scan and MAP alone: {@link LlhMapBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LlhBenchmarks {
    /** Walker-evaluation threads of the MCMC. */
    @Param({ "1", "2" })
    public int threads;

    private UnfoldingProblem problem;
    private LikelihoodUnfolder sampler;
    private UnfoldingContext mcmcContext;

    @Setup
    public void setUp() throws UnfoldingException {
        problem = ToyProblems.benchmark(new SplittableRandom(42));
        LlhSettings settings = new LlhSettings(List.of(1e-2), true, 1.0, false, true, 100, 1000, 2000, 0.0, 200,
                1e-6);
        sampler = LikelihoodUnfolder.of(settings);
        mcmcContext = new UnfoldingContext(7, threads, ProgressMonitor.NONE);
        UnfoldingResult r = sampler.unfold(problem, mcmcContext);
        System.out.printf("%n[llh MCMC, %d thread(s)] acceptance %.3f, tau_int %.1f steps%n", threads,
                r.diagnostics().acceptanceFraction(), r.diagnostics().autocorrelationTime());
    }

    @Benchmark
    public UnfoldingResult mcmc() throws UnfoldingException {
        return sampler.unfold(problem, mcmcContext);
    }
}
