package org.fluxion.unfolding.ibu.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.fluxion.testsupport.unfolding.SteepProblem;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;

/**
 * In-process benchmark (not a unit test): IBU to convergence with full error propagation (data
 * and response MC statistics) on the 32 × 16 steeply falling problem of PERFORMANCE.md. Prints
 * the first call in a fresh JVM and the median of 5 timed calls after a warm-up, for the default
 * stopping rule (ks 0.01) and a tight one (ks 1e-4). Run with the test classpath:
 * {@code java -cp target/classes:target/test-classes:<api classes> org.fluxion.unfolding.ibu.internal.IbuBenchmark}.
 */
public final class IbuBenchmark {
    private IbuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SteepProblem sp = SteepProblem.standard();
        UnfoldingProblem problem = sp.problem(sp.toy(new SplittableRandom(11)));
        UnfoldingContext ctx = UnfoldingContext.of(1);
        for (double tol : new double[] { 0.01, 1e-4 }) {
            IbuUnfolder u = new IbuUnfolder(
                    new IbuSettings(PriorShape.UNIFORM, List.of(), StoppingTest.KS, tol, 1000, true, false, 2));
            long t0 = System.nanoTime();
            UnfoldingResult r = u.unfold(problem, ctx);
            double first = (System.nanoTime() - t0) * 1e-9;
            for (int k = 0; k < 300; k++) {
                u.unfold(problem, ctx);
            }
            double[] times = new double[5];
            for (int k = 0; k < 5; k++) {
                long t = System.nanoTime();
                r = u.unfold(problem, ctx);
                times[k] = (System.nanoTime() - t) * 1e-9;
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT,
                    "ibu 32x16, ks tol %.0e: %d iterations, first call %.4f s, warm median of 5 %.6f s (min %.6f, max %.6f)%n",
                    tol, r.diagnostics().iterations(), first, times[2], times[0], times[4]);
        }
    }
}
