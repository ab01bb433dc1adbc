package org.fluxion.unfolding.llh.internal;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.testsupport.unfolding.ToyProblems;
import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.fluxion.unfolding.llh.LikelihoodUnfolder;
import org.fluxion.unfolding.llh.LlhSettings;

/**
 * In-process benchmark harness (not a unit test): the 32 × 16 steeply falling problem, log-mode
 * Tikhonov; (1) MCMC 100 walkers × (1000 burn + 2000 used) including MAP, quantiles, covariance and
 * autocorrelation time, on 1 and 2 threads; (2) a 50-point τ scan. Prints the median of 5 runs after
 * 3 warm-up runs. Run with
 * {@code java -cp target/classes:target/test-classes:<api jars> org.fluxion.unfolding.llh.internal.LlhBenchmark}.
 */
public final class LlhBenchmark {
    private LlhBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        UnfoldingProblem problem = ToyProblems.benchmark(new SplittableRandom(42));
        LlhSettings mcmc = new LlhSettings(List.of(1e-2), true, 1.0, false, true, 100, 1000, 2000, 0.0, 200, 1e-6);
        for (int threads : new int[] { 1, 2 }) {
            UnfoldingContext ctx = new UnfoldingContext(7, threads, ProgressMonitor.NONE);
            double[] t = time(() -> LikelihoodUnfolder.of(mcmc).unfold(problem, ctx));
            UnfoldingResult r = LikelihoodUnfolder.of(mcmc).unfold(problem, ctx);
            System.out.printf("MCMC 100 x (1000 + 2000), 32 x 16, %d thread(s): median %.3f s (runs %s); "
                    + "acceptance %.3f, tau_int %.1f steps%n", threads, median(t), Arrays.toString(t),
                    r.diagnostics().acceptanceFraction(), r.diagnostics().autocorrelationTime());
        }
        UnfoldingContext ctx = new UnfoldingContext(7, 1, ProgressMonitor.NONE);
        LikelihoodUnfolder map = LikelihoodUnfolder.of(mcmc.withMcmc(false));
        double[] t = time(() -> map.scan(problem, ctx, 1e-6, 1e2, 50));
        RegularisationScan s = map.scan(problem, ctx, 1e-6, 1e2, 50);
        System.out.printf("tau scan, 50 points, 32 x 16: median %.3f s (runs %s); chosen tau: global correlation "
                + "%.3g, L-curve %.3g, truth %.3g%n", median(t), Arrays.toString(t), s.values()[s.byGlobalCorrelation()],
                s.values()[s.byLCurve()], s.values()[s.byTruth()]);
        double[] m = time(() -> map.unfold(problem, ctx));
        System.out.printf("MAP + Hessian covariance, 32 x 16: median %.4f s%n", median(m));
    }

    interface Task {
        Object run() throws Exception;
    }

    private static double lastCpu;

    /** @return wall-clock seconds of 5 runs after 3 warm-ups; {@link #lastCpu} = median process CPU seconds */
    private static double[] time(Task task) throws Exception {
        for (int k = 0; k < 3; k++) {
            task.run();
        }
        double[] t = new double[5], cpu = new double[5];
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        for (int k = 0; k < 5; k++) {
            long c0 = os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
            long t0 = System.nanoTime();
            task.run();
            t[k] = Math.round((System.nanoTime() - t0) / 1e6) / 1e3;
            long c1 = os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
            cpu[k] = (c1 - c0) / 1e9;
        }
        lastCpu = median(cpu);
        System.out.printf("  (load average %.1f on %d cores; median process CPU %.3f s)%n", os.getSystemLoadAverage(),
                os.getAvailableProcessors(), lastCpu);
        return t;
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
