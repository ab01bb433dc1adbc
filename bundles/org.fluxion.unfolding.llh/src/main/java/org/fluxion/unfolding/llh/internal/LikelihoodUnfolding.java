package org.fluxion.unfolding.llh.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Spectrum;
import org.fluxion.unfolding.api.Diagnostics;
import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingException;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.fluxion.unfolding.llh.LlhSettings;
import org.fluxion.unfolding.llh.SystematicVariation;

/**
 * One unfolding (or τ scan) of one problem with the {@code llh} method: checks, start point, MAP,
 * covariance, MCMC and the result. Not thread-safe; create one per call.
 */
public final class LikelihoodUnfolding {
    /** Unfolder id. */
    public static final String METHOD = "llh";
    /** Unit of the estimate. */
    static final String UNIT = "events";
    /** Relative size (in posterior σ) of the ball the walkers start in around the MAP. */
    static final double START_BALL = 0.1;

    private final LlhSettings settings;
    private final List<SystematicVariation> systematics;
    private final UnfoldingProblem problem;
    private final UnfoldingContext context;
    private final int n;

    /**
     * @param settings    the settings
     * @param systematics systematics (may be empty)
     * @param problem     the problem
     * @param context     seed, threads, progress
     */
    public LikelihoodUnfolding(LlhSettings settings, List<SystematicVariation> systematics, UnfoldingProblem problem,
            UnfoldingContext context) {
        this.settings = settings;
        this.systematics = systematics;
        this.problem = problem;
        this.context = context;
        this.n = problem.trueBins();
    }

    private String where() {
        return "unfolder '" + METHOD + "': ";
    }

    /** @return τ_k per true bin from the settings */
    private double[] tauPerBin() throws UnfoldingException {
        List<Double> t = settings.tau();
        double[] tau = new double[n];
        if (t.size() == 1) {
            java.util.Arrays.fill(tau, t.get(0));
        } else if (t.size() == n) {
            for (int j = 0; j < n; j++) {
                tau[j] = t.get(j);
            }
        } else {
            throw new UnfoldingException(where() + "'tau' has " + t.size() + " values but the problem has " + n
                    + " true bins; give one value (total) or " + n + " (bin-wise)");
        }
        return tau;
    }

    private void checkProblem() throws UnfoldingException {
        double[] g = problem.observed(), b = problem.background();
        double[][] a = problem.probabilities();
        for (int i = 0; i < g.length; i++) {
            double row = 0;
            for (double v : a[i]) {
                row += v;
            }
            if (g[i] > 0 && row == 0 && b[i] == 0) {
                throw new UnfoldingException(where() + "proxy bin " + i + " [" + problem.proxyBinning().edge(i) + ", "
                        + problem.proxyBinning().edge(i + 1) + ") has " + g[i] + " observed events but no response "
                        + "(no MC event) and no background: the likelihood is zero everywhere; drop or merge the bin");
            }
        }
    }

    private PoissonTikhonovPosterior posterior(double[] tau) throws UnfoldingException {
        try {
            return new PoissonTikhonovPosterior(problem, tau, settings.log(), settings.offset(),
                    settings.curvatureOnly(), settings.epsilon(), systematics);
        } catch (IllegalArgumentException e) {
            throw new UnfoldingException(where() + e.getMessage(), e);
        }
    }

    /** MAP with its covariance (inverse of the negative Hessian, including components at a bound). */
    private record Fit(MapEstimate map, double[][] covariance, int repairedCurvatures) {
    }

    private Fit fit(PoissonTikhonovPosterior post, double[] x0) throws UnfoldingException {
        double[] start = x0;
        if (post.logPosterior(start, post.workspace()) == Double.NEGATIVE_INFINITY) {
            throw new UnfoldingException(where() + "the start point has zero posterior density: the observed counts "
                    + "cannot be produced by the response and background");
        }
        MapEstimate map = ProjectedNewton.maximise(post, start, settings.maxIterations(), settings.tolerance(),
                context.progress());
        int d = post.dimension();
        double[][] h = new double[d][d];
        post.hessian(map.x(), h, post.workspace());
        for (double[] row : h) {
            for (int l = 0; l < d; l++) {
                row[l] = -row[l];
            }
        }
        Cholesky ch = Cholesky.of(h);
        if (ch != null) {
            return new Fit(map, ch.inverse(), 0);
        }
        // Not positive definite: typically bins at the bound f = 0 where the log-mode penalty curves the
        // wrong way. Invert with each negative curvature replaced by its magnitude and report how many
        // were replaced (result extra 'hessian_repaired'); a flat direction is an error.
        int[] clipped = new int[1];
        double[][] cov = RepairedInverse.of(h, 1e-10, clipped);
        for (int i = 0; cov == null || i < d; i++) {
            if (cov == null || !(cov[i][i] >= 0) || Double.isInfinite(cov[i][i])) {
                throw new UnfoldingException(where() + "the negative Hessian at the MAP is not positive definite and "
                        + "cannot be repaired: the posterior is flat in some direction (condition number of the "
                        + "response " + SingularValues.conditionNumber(post.nominalProbabilities(), post.proxyBins(), n)
                        + "); regularise more strongly (smaller 'tau')");
            }
        }
        return new Fit(map, cov, clipped[0]);
    }

    /** @return the result of the unfolding */
    public UnfoldingResult unfold() throws UnfoldingException {
        checkProblem();
        PoissonTikhonovPosterior post = posterior(tauPerBin());
        Fit fit = fit(post, RichardsonLucyStart.of(post, problem));
        MapEstimate map = fit.map();
        int d = post.dimension();
        Map<String, Double> extra = new LinkedHashMap<>();
        double[] estimateX;
        double[][] cov;
        double[] lower = new double[n], upper = new double[n];
        double[][] samples;
        double autocorr = Double.NaN, acceptance = Double.NaN;
        double[] sigma = new double[d];
        if (!settings.mcmc()) {
            estimateX = map.x();
            cov = fit.covariance();
            for (int k = 0; k < d; k++) {
                sigma[k] = Math.sqrt(cov[k][k]);
            }
            for (int j = 0; j < n; j++) {
                lower[j] = Math.max(0, estimateX[j] - sigma[j]);
                upper[j] = estimateX[j] + sigma[j];
            }
            samples = new double[0][];
        } else {
            if (settings.nWalkers() < 2 * d) {
                throw new UnfoldingException(where() + "'n_walkers' must be at least twice the number of parameters ("
                        + d + ": " + n + " true bins" + (post.systematics() > 0 ? ", " + post.systematics()
                                + " systematics" : "") + (post.hasEpsilon() ? ", epsilon" : "") + "), i.e. >= " + 2 * d
                        + ", but was " + settings.nWalkers());
            }
            McmcOutcome mc = sample(post, fit);
            PosteriorSummary sum = mc.summary();
            estimateX = sum.median;
            cov = sum.covariance;
            for (int k = 0; k < d; k++) {
                sigma[k] = Math.sqrt(cov[k][k]);
            }
            System.arraycopy(sum.lower, 0, lower, 0, n);
            System.arraycopy(sum.upper, 0, upper, 0, n);
            StretchMoveSampler.Chain chain = mc.chain();
            int total = chain.steps() * chain.walkers();
            samples = new double[total][n];
            double[] flat = chain.samples();
            for (int t = 0; t < total; t++) {
                System.arraycopy(flat, t * d, samples[t], 0, n);
            }
            double maxTau = 0, meanTau = 0;
            for (double t : mc.tau()) {
                maxTau = Math.max(maxTau, t);
                meanTau += t / d;
            }
            autocorr = maxTau;
            acceptance = chain.acceptance();
            extra.put("autocorrelation_time_mean", meanTau);
            extra.put("chain_length_over_tau", chain.steps() / maxTau);
            extra.put("effective_samples_min", total / maxTau);
            extra.put("walkers", (double) chain.walkers());
            extra.put("samples", (double) total);
            extra.put("map_x_median_shift_max", maxShift(map.x(), estimateX, sigma));
        }
        double[][] covF = new double[n][n];
        for (int j = 0; j < n; j++) {
            System.arraycopy(cov[j], 0, covF[j], 0, n);
        }
        double[] f = java.util.Arrays.copyOf(estimateX, n);
        Binning tb = problem.trueBinning();
        Spectrum estimate = Spectrum.of(tb, f, covF, UNIT);
        Spectrum corrected = null;
        if (problem.hasEfficiency()) {
            double[] e = problem.efficiency();
            double[] fc = new double[n];
            double[][] cc = new double[n][n];
            for (int j = 0; j < n; j++) {
                fc[j] = f[j] / e[j];
                for (int k = 0; k < n; k++) {
                    cc[j][k] = covF[j][k] / (e[j] * e[k]);
                }
            }
            corrected = Spectrum.of(tb, fc, cc, UNIT);
        }
        PoissonTikhonovPosterior.Workspace w = post.workspace();
        double logPost = post.logPosterior(estimateX, w);
        extra.put("map_log_posterior", map.logPosterior());
        extra.put("hessian_repaired", (double) fit.repairedCurvatures());
        extra.put("log_likelihood_data", post.dataLogLikelihood(estimateX, w));
        extra.put("regularisation_penalty", post.penalty(estimateX));
        extra.put("deviance", post.deviance(estimateX, w));
        extra.put("projected_gradient_scaled", map.scaledProjectedGradient());
        extra.put("active_bounds", (double) map.activeBounds());
        for (int k = 0; k < post.systematics(); k++) {
            extra.put("theta_" + post.systematicName(k), estimateX[n + k]);
            extra.put("theta_" + post.systematicName(k) + "_sigma", sigma[n + k]);
        }
        if (post.hasEpsilon()) {
            extra.put("epsilon", estimateX[post.epsilonIndex()]);
            extra.put("epsilon_sigma", sigma[post.epsilonIndex()]);
        }
        Diagnostics diag = new Diagnostics(METHOD, regularisationValue(), map.iterations(), map.converged(),
                map.stopReason(), logPost, map.projectedGradientNorm(),
                SingularValues.conditionNumber(post.nominalProbabilities(), post.proxyBins(), n), autocorr, acceptance,
                extra);
        return new UnfoldingResult(estimate, lower, upper, corrected, samples, diag);
    }

    private static double maxShift(double[] a, double[] b, double[] sigma) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            if (sigma[k] > 0) {
                s = Math.max(s, Math.abs(a[k] - b[k]) / sigma[k]);
            }
        }
        return s;
    }

    /** @return τ for the diagnostics: the total τ, or the geometric mean of bin-wise values */
    private double regularisationValue() {
        double s = 0;
        for (double t : settings.tau()) {
            s += Math.log(t);
        }
        return Math.exp(s / settings.tau().size());
    }

    private record McmcOutcome(StretchMoveSampler.Chain chain, PosteriorSummary summary, double[] tau) {
    }

    private McmcOutcome sample(PoissonTikhonovPosterior post, Fit fit) {
        int d = post.dimension(), nw = settings.nWalkers();
        double[] x = fit.map().x();
        SplittableRandom[] streams = new SplittableRandom[nw];
        double[][] start = new double[nw][d];
        PoissonTikhonovPosterior.Workspace w = post.workspace();
        for (int k = 0; k < nw; k++) {
            streams[k] = context.random(k);
            double scale = START_BALL;
            for (int attempt = 0;; attempt++) {
                for (int q = 0; q < d; q++) {
                    double v = x[q] + scale * Math.sqrt(fit.covariance()[q][q]) * streams[k].nextGaussian();
                    start[k][q] = post.bounded(q) ? Math.abs(v) : v;
                }
                if (post.logPosterior(start[k], w) > Double.NEGATIVE_INFINITY) {
                    break;
                }
                if (attempt % 10 == 9) {
                    scale *= 0.5;
                }
            }
        }
        LogDensity<PoissonTikhonovPosterior.Workspace> target = new LogDensity<>() {
            @Override
            public PoissonTikhonovPosterior.Workspace workspace() {
                return post.workspace();
            }

            @Override
            public double logDensity(double[] y, PoissonTikhonovPosterior.Workspace ws) {
                return post.logPosterior(y, ws);
            }
        };
        try (WalkerTeam team = new WalkerTeam(Math.max(1, Math.min(context.parallelism(), nw / 2)))) {
            StretchMoveSampler.Chain chain = StretchMoveSampler.run(target, start, streams, settings.nBurnSteps(),
                    settings.nUsedSteps(), team, context.progress());
            double[][] byParameter = chain.byParameter();
            PosteriorSummary summary = PosteriorSummary.of(byParameter, team);
            double[] tau = AutocorrelationTime.estimate(byParameter, chain.walkers(), chain.steps(), team);
            return new McmcOutcome(chain, summary, tau);
        }
    }

    /** @return the τ scan */
    public RegularisationScan scan(double min, double max, int steps) throws UnfoldingException {
        if (!(min > 0) || !(max > min) || Double.isInfinite(max)) {
            throw new UnfoldingException(where() + "scan range must satisfy 0 < reg_min < reg_max < inf but was ["
                    + min + ", " + max + "]");
        }
        if (steps < 2) {
            throw new UnfoldingException(where() + "scan needs n_steps >= 2 but was " + steps);
        }
        checkProblem();
        double[] shape = tauPerBin();
        double gm = 0;
        for (double t : shape) {
            gm += Math.log(t);
        }
        gm = Math.exp(gm / n);
        for (int j = 0; j < n; j++) {
            shape[j] /= gm;
        }
        double[] values = new double[steps], rho = new double[steps], res = new double[steps], reg = new double[steps],
                chi2 = new double[steps];
        double lmin = Math.log10(min), lmax = Math.log10(max);
        double[] truth = problem.truth();
        double[] x = null;
        context.progress().begin("tau scan (" + steps + " points)", steps);
        for (int p = 0; p < steps; p++) {
            values[p] = p == 0 ? min : p == steps - 1 ? max : Math.pow(10, lmin + (lmax - lmin) * p / (steps - 1));
            double[] tau = new double[n];
            for (int j = 0; j < n; j++) {
                tau[j] = values[p] * shape[j];
            }
            PoissonTikhonovPosterior post = posterior(tau);
            if (x == null) {
                x = RichardsonLucyStart.of(post, problem);
            }
            Fit fit = fit(post, x);
            x = fit.map().x();
            double[][] vf = new double[n][n];
            for (int j = 0; j < n; j++) {
                System.arraycopy(fit.covariance()[j], 0, vf[j], 0, n);
            }
            Cholesky ch = Cholesky.of(vf);
            double[][] vinv = ch == null ? null : ch.inverse();
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double prod = vinv == null ? Double.NaN : vf[j][j] * vinv[j][j];
                sum += prod >= 1 ? Math.sqrt(1 - 1 / prod) : 0.0;
            }
            rho[p] = sum / n;
            PoissonTikhonovPosterior.Workspace w = post.workspace();
            res[p] = Math.log10(post.deviance(x, w));
            reg[p] = Math.log10(post.penalty(x) * values[p]);
            if (truth != null && vinv != null) {
                double c = 0;
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < n; k++) {
                        c += (x[j] - truth[j]) * vinv[j][k] * (x[k] - truth[k]);
                    }
                }
                chi2[p] = c;
            } else {
                chi2[p] = Double.NaN;
            }
            context.progress().worked(1);
        }
        int byRho = argMin(rho);
        int byL = LCurve.corner(res, reg);
        int byTruth = truth == null ? -1 : argMin(chi2);
        return new RegularisationScan("tau", values, rho, res, reg, chi2, byRho < 0 ? 0 : byRho,
                byL < 0 ? (byRho < 0 ? 0 : byRho) : byL, byTruth);
    }

    private static int argMin(double[] v) {
        int best = -1;
        for (int k = 0; k < v.length; k++) {
            if (!Double.isNaN(v[k]) && (best < 0 || v[k] < v[best])) {
                best = k;
            }
        }
        return best;
    }
}
