package org.fluxion.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.fluxion.testsupport.unfolding.SteepProblem;
import org.fluxion.testsupport.unfolding.ToyProblems;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingException;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.fluxion.unfolding.ibu.internal.IbuSettings;
import org.fluxion.unfolding.ibu.internal.IbuUnfolderProvider;
import org.fluxion.unfolding.ibu.internal.PriorShape;
import org.fluxion.unfolding.ibu.internal.StoppingTest;
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
 * The {@code ibu} unfolder on a 32 × 16 steeply falling problem, created through its DS provider as the
 * engine does: D'Agostini iterations from a uniform prior to convergence (KS test between successive
 * iterates below {@link #tolerance}, at most 1000 iterations) with full Adye error propagation: the data
 * and the response's MC statistics (multinomial per true bin with the thrown counts).
 * {@link #problem} selects the fixture: {@code steep} is {@code SteepProblem.standard()} of the IBU/Gold
 * tests (E^-2.7 over 10²–10⁴, σ = 0.12 decades, ε 0.2–0.8, 2·10⁵ events, Poisson toy with seed 11), as in
 * {@code IbuBenchmark}; {@code llh} is the problem of {@link LlhBenchmarks}. One thread. Time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IbuBenchmarks {
    /** Which 32 × 16 fixture: {@code steep} or {@code llh}. */
    @Param({ "steep", "llh" })
    public String problem;

    /** KS stopping tolerance of IBU (0.01 is the default). */
    @Param({ "0.01", "1e-4" })
    public double tolerance;

    private UnfoldingProblem unfoldingProblem;
    private Unfolder ibu;
    private final UnfoldingContext context = UnfoldingContext.of(1);

    @Setup
    public void setUp() throws UnfoldingException {
        unfoldingProblem = fixture(problem);
        ibu = new IbuUnfolderProvider().create(
                new IbuSettings(PriorShape.UNIFORM, List.of(), StoppingTest.KS, tolerance, 1000, true, false, 2));
        UnfoldingResult r = ibu.unfold(unfoldingProblem, context);
        System.out.printf("%n[%s] ibu (ks %s): %d iterations, converged %s%n", problem, tolerance,
                r.diagnostics().iterations(), r.diagnostics().converged());
    }

    /**
     * @param name {@code steep} or {@code llh}
     * @return that 32 × 16 fixture with its seeded Poisson observed counts
     */
    static UnfoldingProblem fixture(String name) {
        return switch (name) {
        case "steep" -> {
            SteepProblem sp = SteepProblem.standard();
            yield sp.problem(sp.toy(new SplittableRandom(11)));
        }
        case "llh" -> ToyProblems.benchmark(new SplittableRandom(42));
        default -> throw new IllegalArgumentException("problem must be steep or llh but was '" + name + "'");
        };
    }

    @Benchmark
    public UnfoldingResult ibu() throws UnfoldingException {
        return ibu.unfold(unfoldingProblem, context);
    }
}
