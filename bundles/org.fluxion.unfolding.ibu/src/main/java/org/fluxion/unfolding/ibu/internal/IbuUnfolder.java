package org.fluxion.unfolding.ibu.internal;

import org.fluxion.unfolding.api.numerics.SubtractedData;

import org.fluxion.unfolding.api.numerics.GlobalCorrelation;
import org.fluxion.unfolding.api.numerics.ConditionNumber;
import org.fluxion.unfolding.api.numerics.IterationScan;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.unfolding.api.Diagnostics;
import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingException;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;

/**
 * Iterative Bayesian unfolding (D'Agostini) with Adye's error propagation, configured by
 * {@link IbuSettings}. P = response probabilities × efficiency (1 without efficiencies); the data
 * are n = max(g − b, 0) with variance g (0 where clipped). The estimate is f_μ = φ_μ ε_μ
 * (selected events), the acceptance-corrected spectrum φ; both covariances are the data part
 * Dᵀ diag(g) D plus, if enabled, the response part from ∂φ/∂P and the multinomial MC covariance.
 * Single-threaded (the problems are small); immutable and thread-safe.
 */
final class IbuUnfolder implements Unfolder {
    static final String ID = "ibu";
    private final IbuSettings settings;

    IbuUnfolder(IbuSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Everything derived from the problem before iterating. */
    private record Setup(SubtractedData data, double[] prior, LogLogPolynomialSmoothing smoothing, double[] mcDiag,
            double[] mcOuter) {
    }

    private Setup setup(UnfoldingProblem problem) throws UnfoldingException {
        int nE = problem.proxyBins(), nC = problem.trueBins();
        double[] eff = problem.hasEfficiency() ? problem.efficiency() : null;
        SubtractedData d = SubtractedData.of(problem, "ibu");
        double[] prior = prior(problem.trueBinning());
        LogLogPolynomialSmoothing smoothing = settings.smoothPrior()
                ? new LogLogPolynomialSmoothing(problem.trueBinning(), settings.smoothingDegree())
                : null;
        double[] mcDiag = new double[nC], mcOuter = new double[nC];
        ResponseMatrix r = problem.response();
        double[] cols = r.columnSums();
        double[] thrown = problem.thrown();
        for (int c = 0; c < nC; c++) {
            if (thrown != null) {
                if (!(thrown[c] > 0)) {
                    throw new UnfoldingException("ibu: thrown MC events of true bin " + c + " must be > 0 but were "
                            + thrown[c]);
                }
                mcDiag[c] = 1 / thrown[c];
                mcOuter[c] = 1 / thrown[c];
            } else {
                double w2 = 0;
                for (int j = 0; j < nE; j++) {
                    w2 += r.countW2(j, c);
                }
                double nEff = w2 > 0 ? cols[c] * cols[c] / w2 : cols[c];
                double e = eff == null ? 1.0 : eff[c];
                mcDiag[c] = e / nEff;
                mcOuter[c] = 1 / nEff;
            }
        }
        return new Setup(d, prior, smoothing, mcDiag, mcOuter);
    }

    private double[] prior(Binning tb) throws UnfoldingException {
        int nC = tb.bins();
        double[] prior = new double[nC];
        switch (settings.prior()) {
        case UNIFORM -> java.util.Arrays.fill(prior, 1.0);
        case JEFFREYS -> {
            for (int c = 0; c < nC; c++) {
                double x = tb.centre(c);
                if (!(x > 0)) {
                    throw new UnfoldingException("ibu: prior 'jeffreys' needs positive true bin centres but bin " + c
                            + " [" + tb.edge(c) + ", " + tb.edge(c + 1) + ") has centre " + x);
                }
                prior[c] = 1 / x;
            }
        }
        case USER -> {
            if (settings.priorValues().size() != nC) {
                throw new UnfoldingException("ibu: 'prior_values' has " + settings.priorValues().size()
                        + " values but the true binning has " + nC + " bins");
            }
            for (int c = 0; c < nC; c++) {
                prior[c] = settings.priorValues().get(c);
            }
        }
        default -> throw new IllegalStateException("unknown prior " + settings.prior());
        }
        return prior;
    }

    @Override
    public UnfoldingResult unfold(UnfoldingProblem problem, UnfoldingContext context) throws UnfoldingException {
        Objects.requireNonNull(problem, "problem");
        ProgressMonitor progress = context.progress();
        Setup su = setup(problem);
        DagostiniIteration it = new DagostiniIteration(su.data.response(), su.data.signal(), su.prior, su.smoothing, settings.responseErrors());
        progress.begin("ibu: iterating (at most " + settings.maxIterations() + ")", settings.maxIterations());
        double stat = Double.NaN;
        boolean converged = false;
        StoppingTest test = settings.stoppingTest();
        while (it.iterations() < settings.maxIterations()) {
            progress.checkCancelled();
            double[] before = it.phi();
            it.advance();
            progress.worked(1);
            stat = test.statistic(before, it.phi());
            if (stat < settings.tolerance()) {
                converged = true;
                break;
            }
        }
        String name = test.name().toLowerCase(Locale.ROOT);
        String reason = converged
                ? String.format(Locale.ROOT, "%s statistic %.4g < tolerance %.4g after %d iterations", name, stat,
                        settings.tolerance(), it.iterations())
                : String.format(Locale.ROOT, "iteration limit %d reached (%s statistic %.4g >= tolerance %.4g)",
                        settings.maxIterations(), name, stat, settings.tolerance());
        return result(problem, su, it, converged, reason, stat);
    }

    private UnfoldingResult result(UnfoldingProblem problem, Setup su, DagostiniIteration it, boolean converged,
            String reason, double stat) {
        int nC = problem.trueBins();
        double[] phi = it.phi(), eff = it.efficiency(), ones = new double[nC], f = new double[nC];
        java.util.Arrays.fill(ones, 1.0);
        for (int c = 0; c < nC; c++) {
            f[c] = phi[c] * eff[c];
        }
        double[][] vf = it.dataCovariance(su.data.variance(), eff);
        double dataTrace = trace(vf), responseTrace = 0;
        if (settings.responseErrors()) {
            double[][] r = it.responseCovariance(su.mcDiag, su.mcOuter, true);
            responseTrace = trace(r);
            add(vf, r);
        }
        Spectrum corrected = null;
        if (problem.hasEfficiency()) {
            double[][] vphi = it.dataCovariance(su.data.variance(), ones);
            if (settings.responseErrors()) {
                add(vphi, it.responseCovariance(su.mcDiag, su.mcOuter, false));
            }
            corrected = Spectrum.of(problem.trueBinning(), phi, vphi, "events");
        }
        Spectrum estimate = Spectrum.of(problem.trueBinning(), f, vf, "events");
        double[] lo = new double[nC], hi = new double[nC];
        for (int c = 0; c < nC; c++) {
            double s = Math.sqrt(Math.max(vf[c][c], 0));
            lo[c] = f[c] - s;
            hi[c] = f[c] + s;
        }
        SubtractedData.Refold refold = su.data.refold(phi, problem.observed(), problem.background());
        Map<String, Double> extra = new LinkedHashMap<>();
        extra.put("test_statistic", stat);
        extra.put("tolerance", settings.tolerance());
        extra.put("chi2_refolded", refold.chi2());
        extra.put("clipped_proxy_bins", (double) su.data.clipped());
        extra.put("events_outside_response", su.data.outside());
        extra.put("response_variance_fraction", responseTrace / (dataTrace + responseTrace));
        if (su.smoothing != null) {
            extra.put("smoothing_degree", (double) settings.smoothingDegree());
        }
        Diagnostics d = new Diagnostics(ID, it.iterations(), it.iterations(), converged, reason, refold.logLikelihood(),
                Double.NaN,
                ConditionNumber.of(su.data.response()), Double.NaN, Double.NaN, extra);
        return new UnfoldingResult(estimate, lo, hi, corrected, new double[0][], d);
    }

    @Override
    public RegularisationScan scan(UnfoldingProblem problem, UnfoldingContext context, double min, double max,
            int steps) throws UnfoldingException {
        Objects.requireNonNull(problem, "problem");
        int[] values = IterationScan.iterationValues(min, max, steps);
        Setup su = setup(problem);
        int nC = problem.trueBins();
        double[] s = problem.regularisationFactors(), g = problem.observed();
        double[] truth = problem.hasTruth() ? problem.truth() : null;
        int m = values.length;
        double[] corr = new double[m], residual = new double[m], rough = new double[m];
        double[] chi2 = truth == null ? null : new double[m];
        DagostiniIteration it = new DagostiniIteration(su.data.response(), su.data.signal(), su.prior, su.smoothing, settings.responseErrors());
        ProgressMonitor progress = context.progress();
        progress.begin("ibu: iteration scan up to " + values[m - 1], values[m - 1]);
        for (int k = 0; k < m; k++) {
            while (it.iterations() < values[k]) {
                progress.checkCancelled();
                it.advance();
                progress.worked(1);
            }
            double[] phi = it.phi(), eff = it.efficiency(), f = new double[nC];
            for (int c = 0; c < nC; c++) {
                f[c] = phi[c] * eff[c];
            }
            double[][] v = it.dataCovariance(su.data.variance(), eff);
            if (settings.responseErrors()) {
                add(v, it.responseCovariance(su.mcDiag, su.mcOuter, true));
            }
            corr[k] = GlobalCorrelation.mean(v);
            residual[k] = su.data.refold(phi, g, problem.background()).chi2();
            rough[k] = IterationScan.roughness(f, s);
            if (truth != null) {
                chi2[k] = IterationScan.chi2ToTruth(f, truth);
            }
        }
        return IterationScan.of(values, corr, residual, rough, chi2);
    }

    private static double trace(double[][] v) {
        double t = 0;
        for (int k = 0; k < v.length; k++) {
            t += v[k][k];
        }
        return t;
    }

    private static void add(double[][] into, double[][] v) {
        for (int a = 0; a < into.length; a++) {
            for (int b = 0; b < into.length; b++) {
                into[a][b] += v[a][b];
            }
        }
    }
}
