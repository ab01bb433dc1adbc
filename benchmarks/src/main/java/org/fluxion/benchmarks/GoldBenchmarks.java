package org.fluxion.benchmarks;

import java.util.concurrent.TimeUnit;

import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingException;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.fluxion.unfolding.gold.internal.GoldSettings;
import org.fluxion.unfolding.gold.internal.GoldUnfolderProvider;
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
 * The {@code gold} unfolder with its defaults, created through its DS provider as the engine does: Gold
 * iterations from a flat start until the largest relative change is below 10⁻⁴ (at most 1000), covariance
 * propagated by linearisation. Same fixtures as {@link IbuBenchmarks} ({@link #problem}). One thread. Time
 * per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GoldBenchmarks {
    /** Which 32 × 16 fixture: {@code steep} or {@code llh}. */
    @Param({ "steep", "llh" })
    public String problem;

    private UnfoldingProblem unfoldingProblem;
    private Unfolder gold;
    private final UnfoldingContext context = UnfoldingContext.of(1);

    @Setup
    public void setUp() throws UnfoldingException {
        unfoldingProblem = IbuBenchmarks.fixture(problem);
        gold = new GoldUnfolderProvider().create(GoldSettings.defaults());
        UnfoldingResult r = gold.unfold(unfoldingProblem, context);
        System.out.printf("%n[%s] gold: %d iterations, converged %s%n", problem, r.diagnostics().iterations(),
                r.diagnostics().converged());
    }

    @Benchmark
    public UnfoldingResult gold() throws UnfoldingException {
        return gold.unfold(unfoldingProblem, context);
    }
}
