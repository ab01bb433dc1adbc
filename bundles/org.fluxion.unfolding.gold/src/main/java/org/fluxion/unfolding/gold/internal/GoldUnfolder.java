package org.fluxion.unfolding.gold.internal;

import org.fluxion.unfolding.api.numerics.SubtractedData;

import org.fluxion.unfolding.api.numerics.PoissonSampler;

import org.fluxion.unfolding.api.numerics.GlobalCorrelation;
import org.fluxion.unfolding.api.numerics.ConditionNumber;
import org.fluxion.unfolding.api.numerics.IterationScan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.CancelledException;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.unfolding.api.Diagnostics;
import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingException;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;

/**
 * Gold's multiplicative unfolding as KASCADE used it, configured by {@link GoldSettings}.
 * R = response probabilities × efficiency (1 without efficiencies), y = max(g − b, 0) with
 * variance g (0 where clipped). x estimates the generated events per true bin (the
 * acceptance-corrected spectrum); the estimate is f_j = x_j ε_j (selected events). Errors by
 * linearisation or by Poisson toys (parallel over {@code context.parallelism()} threads, toy k
 * seeded from {@code context.random(k)}, summed in toy order: identical for any thread count).
 * Immutable and thread-safe.
 */
final class GoldUnfolder implements Unfolder {
    static final String ID = "gold";
    private final GoldSettings settings;

    GoldUnfolder(GoldSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public UnfoldingResult unfold(UnfoldingProblem problem, UnfoldingContext context) throws UnfoldingException {
        Objects.requireNonNull(problem, "problem");
        SubtractedData su = SubtractedData.of(problem, ID);
        ProgressMonitor progress = context.progress();
        boolean linear = settings.errors() == ErrorMethod.LINEARISATION;
        GoldIteration it = new GoldIteration(su.response(), su.signal(), settings.start(), linear);
        progress.begin("gold: iterating (at most " + settings.maxIterations() + ")", settings.maxIterations());
        boolean converged = false;
        while (it.iterations() < settings.maxIterations()) {
            if ((it.iterations() & 63) == 0) {
                progress.checkCancelled();
            }
            it.advance();
            progress.worked(1);
            if (it.lastChange() < settings.tolerance()) {
                converged = true;
                break;
            }
        }
        String reason = converged
                ? String.format(Locale.ROOT, "relative change %.4g < tolerance %.4g after %d iterations",
                        it.lastChange(), settings.tolerance(), it.iterations())
                : String.format(Locale.ROOT, "iteration limit %d reached (relative change %.4g)",
                        settings.maxIterations(), it.lastChange());
        int nC = problem.trueBins();
        double[] x = it.x(), ones = new double[nC];
        Arrays.fill(ones, 1.0);
        double[][] vx;
        if (linear) {
            vx = it.linearisedCovariance(su.variance(), ones);
        } else {
            vx = toyCovariance(problem, su, it.iterations(), context);
        }
        double[] f = new double[nC];
        double[][] vf = new double[nC][nC];
        for (int j = 0; j < nC; j++) {
            f[j] = x[j] * su.efficiency()[j];
            for (int l = 0; l < nC; l++) {
                // ε_j ε_l first: the product is the same for (j, l) and (l, j), so vf stays exactly symmetric
                // (Spectrum's symmetry check fails on 1-ulp differences of covariances near underflow)
                vf[j][l] = vx[j][l] * (su.efficiency()[j] * su.efficiency()[l]);
            }
        }
        double[] lo = new double[nC], hi = new double[nC];
        for (int j = 0; j < nC; j++) {
            double s = Math.sqrt(Math.max(vf[j][j], 0));
            lo[j] = f[j] - s;
            hi[j] = f[j] + s;
        }
        SubtractedData.Refold refold = su.refold(x, problem.observed(), problem.background());
        Map<String, Double> extra = new LinkedHashMap<>();
        extra.put("relative_change", it.lastChange());
        extra.put("tolerance", settings.tolerance());
        extra.put("chi2_refolded", refold.chi2());
        extra.put("clipped_proxy_bins", (double) su.clipped());
        extra.put("events_outside_response", su.outside());
        if (!linear) {
            extra.put("toys", (double) settings.toys());
        }
        Diagnostics d = new Diagnostics(ID, it.iterations(), it.iterations(), converged, reason, refold.logLikelihood(),
                Double.NaN,
                ConditionNumber.of(su.response()), Double.NaN, Double.NaN, extra);
        Spectrum estimate = Spectrum.of(problem.trueBinning(), f, vf, "events");
        Spectrum corrected = problem.hasEfficiency() ? Spectrum.of(problem.trueBinning(), x, vx, "events") : null;
        return new UnfoldingResult(estimate, lo, hi, corrected, new double[0][], d);
    }

    /** Sample covariance of x over Poisson toys of g, each iterated exactly {@code iterations} times. */
    private double[][] toyCovariance(UnfoldingProblem problem, SubtractedData su, int iterations, UnfoldingContext context)
            throws UnfoldingException {
        int toys = settings.toys(), threads = Math.min(context.parallelism(), toys);
        double[] g = problem.observed(), b = problem.background();
        double[][] results = new double[toys][];
        ProgressMonitor progress = context.progress();
        progress.begin("gold: " + toys + " Poisson toys", toys);
        Runnable[] work = new Runnable[threads];
        for (int t = 0; t < threads; t++) {
            int first = t;
            work[t] = () -> {
                for (int k = first; k < toys; k += threads) {
                    progress.checkCancelled();
                    SplittableRandom rng = context.random(k);
                    double[] y = new double[g.length];
                    for (int i = 0; i < g.length; i++) {
                        y[i] = Math.max(PoissonSampler.sample(rng, g[i]) - b[i], 0);
                    }
                    GoldIteration it = new GoldIteration(su.response(), y, settings.start(), false);
                    for (int n = 0; n < iterations; n++) {
                        it.advance();
                    }
                    results[k] = it.x();
                    progress.worked(1);
                }
            };
        }
        if (threads == 1) {
            work[0].run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (Runnable w : work) {
                    futures.add(pool.submit(w));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException("gold: interrupted while running toys");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new UnfoldingException("gold: a toy failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        int nC = problem.trueBins();
        double[] mean = new double[nC];
        for (double[] x : results) {
            for (int j = 0; j < nC; j++) {
                mean[j] += x[j] / toys;
            }
        }
        double[][] v = new double[nC][nC];
        for (double[] x : results) {
            for (int j = 0; j < nC; j++) {
                for (int l = 0; l <= j; l++) {
                    v[j][l] += (x[j] - mean[j]) * (x[l] - mean[l]) / (toys - 1);
                }
            }
        }
        for (int j = 0; j < nC; j++) {
            for (int l = 0; l < j; l++) {
                v[l][j] = v[j][l];
            }
        }
        return v;
    }

    @Override
    public RegularisationScan scan(UnfoldingProblem problem, UnfoldingContext context, double min, double max,
            int steps) throws UnfoldingException {
        Objects.requireNonNull(problem, "problem");
        int[] values = IterationScan.iterationValues(min, max, steps);
        SubtractedData su = SubtractedData.of(problem, ID);
        int nC = problem.trueBins(), m = values.length;
        double[] s = problem.regularisationFactors(), g = problem.observed();
        double[] truth = problem.hasTruth() ? problem.truth() : null;
        double[] corr = new double[m], residual = new double[m], rough = new double[m];
        double[] chi2 = truth == null ? null : new double[m];
        GoldIteration it = new GoldIteration(su.response(), su.signal(), settings.start(), true);
        ProgressMonitor progress = context.progress();
        progress.begin("gold: iteration scan up to " + values[m - 1], values[m - 1]);
        for (int k = 0; k < m; k++) {
            while (it.iterations() < values[k]) {
                if ((it.iterations() & 63) == 0) {
                    progress.checkCancelled();
                }
                it.advance();
                progress.worked(1);
            }
            double[] x = it.x(), f = new double[nC];
            for (int j = 0; j < nC; j++) {
                f[j] = x[j] * su.efficiency()[j];
            }
            corr[k] = GlobalCorrelation.mean(it.linearisedCovariance(su.variance(), su.efficiency()));
            residual[k] = su.refold(x, g, problem.background()).chi2();
            rough[k] = IterationScan.roughness(f, s);
            if (truth != null) {
                chi2[k] = IterationScan.chi2ToTruth(f, truth);
            }
        }
        return IterationScan.of(values, corr, residual, rough, chi2);
    }
}
