package org.fluxion.unfolding.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.EffectiveArea;
import org.fluxion.api.hist.ResponseMatrix;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.ProgressMonitor;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.unfolding.api.RegularisationScan;
import org.fluxion.unfolding.api.Unfolder;
import org.fluxion.unfolding.api.UnfolderCatalog;
import org.fluxion.unfolding.api.UnfoldingContext;
import org.fluxion.unfolding.api.UnfoldingException;
import org.fluxion.unfolding.api.UnfoldingProblem;
import org.fluxion.unfolding.api.UnfoldingResult;
import org.fluxion.unfolding.api.numerics.PoissonSampler;
import org.fluxion.unfolding.llh.LikelihoodUnfolder;
import org.fluxion.unfolding.llh.SystematicVariation;

/**
 * One use of the {@code unfold_flux} step: fills the response from the training split of the MC in
 * one pass (also the background from events outside the true range, the test-split pseudo-data and
 * truth, and the response variations of other flux models), unfolds the data or the Poisson
 * pseudo-data, optionally scans τ, runs the evaluation pseudo-experiments, and writes everything
 * through {@link FluxArtifacts} from a {@link SavedState}, which a later run can reload.
 * Random streams derive from {@link StepContext#seed()} only, so results do not depend on the
 * thread count.
 */
final class FluxUnfoldStep implements Step {
    /** The standard flux-model weight columns (response variations). */
    private static final long SPLIT_STREAM = 1, PSEUDO_DATA_STREAM = 2, EVAL_DATA_STREAM = 3, TOY_STREAM = 1000,
            RESPONSE_STREAM = 1_000_000;
    private final UnfolderCatalog catalog;
    private final UnfoldFluxSettings s;

    FluxUnfoldStep(UnfolderCatalog catalog, UnfoldFluxSettings settings) {
        this.catalog = catalog;
        this.s = settings;
    }

    /** @return a 64-bit mix of the seed and a stream number (SplitMix64 finaliser) */
    static long mix(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private String where() {
        return "step 'unfold_flux' (" + s.quantity() + "): ";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        // configure: settings, unfolder and columns before any event is read
        boolean llh = s.method().equals("llh");
        if (!llh && (s.includeSystematics() || s.optimize())) {
            throw new InvalidSettingsException(s.includeSystematics() ? "include_systematics" : "optimize", where()
                    + "nuisance parameters and the tau choice are implemented for the llh unfolder, but method is '"
                    + s.method() + "'; use method_settings for its own regularisation");
        }
        if (s.plotSystematics() && !(llh && s.nUsedSteps() > 0)) {
            throw new InvalidSettingsException("plot_systematics", where() + "the per-bin posterior plots need MCMC "
                    + "samples (method llh with n_used_steps > 0) but method is '" + s.method() + "' and n_used_steps "
                    + s.nUsedSteps());
        }
        if (s.plotResults() && !ctx.hasInput(UnfoldFluxStepProvider.EFFECTIVE_AREA)) {
            throw new InvalidSettingsException("plot_results", where() + "the flux plot needs the effective area: "
                    + "connect the input '" + UnfoldFluxStepProvider.EFFECTIVE_AREA + "' (e.g. from effective_area_"
                    + s.quantity() + ") or set plot_results: false");
        }
        ConfiguredUnfolder cu = ConfiguredUnfolder.resolve(catalog, s.method(), methodSettings(s.reg()));
        SampleSet samples = ctx.input(UnfoldFluxStepProvider.SAMPLES, SampleSet.class);
        EventTable mc = sample(samples, "mc", s.mc());
        boolean needData = !s.isSim() || Double.isNaN(s.simLivetimeS());
        EventTable data = needData ? sample(samples, "data", s.data()) : null;
        String proxyCol = s.proxyColumn(), truthCol = s.truthColumn(), wCol = s.weightColumn();
        requireColumn(mc, "proxy", proxyCol);
        requireColumn(mc, "truth", truthCol);
        requireColumn(mc, "model", wCol);
        if (data != null && !s.isSim()) {
            requireColumn(data, "proxy", proxyCol);
        }
        List<String> systModels = s.includeSystematics() ? systematicModels(mc) : List.of();
        double livetime = livetime(data);
        Binning tb = s.log() ? Binning.log10(s.bins(), s.min(), s.max()) : Binning.linear(s.bins(), s.min(), s.max());
        Binning pb = s.proxyLogEdges() ? Binning.log10(s.proxyBins(), s.proxyLow(), s.proxyHigh())
                : Binning.linear(s.proxyBins(), s.proxyLow(), s.proxyHigh());
        EffectiveArea area = ctx.hasInput(UnfoldFluxStepProvider.EFFECTIVE_AREA)
                ? ctx.input(UnfoldFluxStepProvider.EFFECTIVE_AREA, EffectiveArea.class) : null;

        Map<String, Object> fingerprint = fingerprint(ctx, mc, data, systModels, livetime);
        SavedState state;
        if (s.load()) {
            state = reload(ctx, fingerprint);
        } else {
            state = compute(ctx, cu, mc, data, tb, pb, systModels, livetime);
            state.put("fingerprint", fingerprint);
        }
        FluxArtifacts.write(ctx, s, tb, pb, state, area);
    }

    /** @return the unfolder settings: method_settings plus, for llh, tau, the MCMC and epsilon */
    private Map<String, Object> methodSettings(List<Double> tau) {
        Map<String, Object> m = new LinkedHashMap<>(s.methodSettings());
        if (!s.method().equals("llh")) {
            return m;
        }
        Map<String, Object> mapped = new LinkedHashMap<>();
        mapped.put("tau", List.copyOf(tau));
        mapped.put("mcmc", s.nUsedSteps() > 0);
        mapped.put("n_walkers", (long) s.nWalkers());
        mapped.put("n_burn_steps", (long) s.nBurnSteps());
        if (s.nUsedSteps() > 0) {
            mapped.put("n_used_steps", (long) s.nUsedSteps());
        }
        if (s.includeSystematics()) {
            mapped.put("epsilon", s.epsilon());
        }
        for (String k : mapped.keySet()) {
            if (m.containsKey(k)) {
                throw new InvalidSettingsException("method_settings", where() + "'" + k + "' is set by this step (reg, "
                        + "n_walkers, n_burn_steps, n_used_steps, include_systematics/epsilon); remove it from "
                        + "method_settings (was " + m.get(k) + ")");
            }
        }
        m.putAll(mapped);
        return m;
    }

    private static EventTable sample(SampleSet samples, String key, String name) {
        try {
            return samples.get(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(key, e.getMessage());
        }
    }

    private void requireColumn(EventTable t, String key, String column) {
        if (!t.hasColumn(column)) {
            throw new InvalidSettingsException(key, where() + "sample '" + t.name() + "' has no column '" + column
                    + "'; available: " + t.columnNames());
        }
    }

    private List<String> systematicModels(EventTable mc) {
        for (String m : s.systematicModels()) {
            requireColumn(mc, "systematic_models", m);
        }
        return s.systematicModels();
    }

    private double livetime(EventTable data) {
        if (s.isSim() && !Double.isNaN(s.simLivetimeS())) {
            return s.simLivetimeS();
        }
        double t = data.numberAttribute("livetime_s", Double.NaN);
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new InvalidSettingsException(s.isSim() ? "sim_livetime_s" : "data", where() + "sample '" + data.name()
                    + "' has no valid livetime_s attribute (" + data.attributes().get("livetime_s") + ")"
                    + (s.isSim() ? "; give sim_livetime_s" : "; load it with read_livetime or give livetime_s"));
        }
        return t;
    }

    /** @return what the result depends on: the result settings, the seed, row counts and column hashes */
    private Map<String, Object> fingerprint(StepContext ctx, EventTable mc, EventTable data, List<String> systModels,
            double livetime) {
        Map<String, Object> f = new LinkedHashMap<>(s.resultSettings());
        f.put("seed", Long.toString(ctx.seed()));
        f.put("mc_rows", Integer.toString(mc.rowCount()));
        List<String> cols = new ArrayList<>(List.of(s.proxyColumn(), s.truthColumn(), s.weightColumn()));
        cols.addAll(systModels);
        for (String c : cols) {
            f.put("mc_column_" + c, hash(mc.column(c).toDoubleArray()));
        }
        if (data != null && !s.isSim()) {
            f.put("data_rows", Integer.toString(data.rowCount()));
            f.put("data_column_" + s.proxyColumn(), hash(data.column(s.proxyColumn()).toDoubleArray()));
        }
        f.put("livetime_s", Double.toString(livetime));
        return f;
    }

    /** @return a 64-bit hash of the values' bit patterns, as 16 hex digits */
    static String hash(double[] v) {
        long h = 0x243F6A8885A308D3L ^ v.length;
        for (double x : v) {
            h = mix(h, Double.doubleToLongBits(x));
        }
        return String.format("%016x", h);
    }

    private SavedState reload(StepContext ctx, Map<String, Object> fingerprint) throws Exception {
        Path dir = ctx.previousResults();
        Path file = dir == null ? null : dir.resolve(SavedState.NAME + ".csv");
        if (file == null || !Files.isRegularFile(file)) {
            throw new InvalidSettingsException("load", where() + "no saved unfolding to reload"
                    + (dir == null ? " (there is no earlier complete run of this configuration)" : " (" + file
                            + " does not exist)") + "; run once with load: false");
        }
        SavedState state;
        try {
            state = SavedState.read(file);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("load", where() + "cannot reload: " + e.getMessage());
        }
        Map<String, Object> old = state.map("fingerprint");
        List<String> changed = new ArrayList<>();
        if (old == null) {
            changed.add("(the saved state has no fingerprint)");
        } else {
            for (String k : fingerprint.keySet()) {
                Object a = old.get(k), b = fingerprint.get(k);
                if (!b.equals(a)) {
                    changed.add(k + ": " + (a == null ? "(absent)" : a) + " -> " + b);
                }
            }
            for (String k : old.keySet()) {
                if (!fingerprint.containsKey(k)) {
                    changed.add(k + ": " + old.get(k) + " -> (absent)");
                }
            }
        }
        if (!changed.isEmpty()) {
            throw new InvalidSettingsException("load", where() + "refusing to reload " + file + ": the inputs or "
                    + "settings changed since it was made: " + String.join("; ", changed) + ". Run with load: false");
        }
        ctx.progress().begin("reloaded " + file, 1);
        return state;
    }

    /** The sums of one pass over the MC. */
    private static final class Fill {
        double[][] sumw, sumw2;
        double[][][] sumwAlt;
        double[] backgroundW, testW, testTruthW;
        long truthOutside, proxyClamped, proxyNaN;
    }

    private SavedState compute(StepContext ctx, ConfiguredUnfolder cu, EventTable mc, EventTable data, Binning tb,
            Binning pb, List<String> systModels, double livetime) throws Exception {
        int n = mc.rowCount();
        int[] sizes = splitSizes(n);
        int nTrain = sizes[0], nTest = sizes[1];
        byte[] role = TrainTestSplit.roles(new SplittableRandom(mix(ctx.seed(), SPLIT_STREAM)), n, nTrain, nTest);
        Fill fill = fill(ctx, mc, tb, pb, role, systModels);
        int np = pb.bins(), nt = tb.bins();
        // MC weights are rates of the whole sample: a split of m of its n events carries m/n of it
        double trainScale = livetime * n / nTrain, testScale = nTest > 0 ? livetime * n / nTest : 0;
        double[] background = scaled(fill.backgroundW, trainScale);
        double[] expected = scaled(fill.testW, testScale), expectedTruth = scaled(fill.testTruthW, testScale);
        ResponseMatrix response = ResponseMatrix.of(pb, tb, fill.sumw, fill.sumw2);
        double[] cols = response.columnSums();
        for (int j = 0; j < nt; j++) {
            if (!(cols[j] > 0)) {
                throw new InvalidSettingsException("bins", where() + "true bin " + j + " [" + tb.edge(j) + ", "
                        + tb.edge(j + 1) + ") " + s.unit() + " of '" + s.truthColumn() + "' has no training MC event: "
                        + "use fewer bins, narrow min/max or train on more events");
            }
        }
        double[] observed;
        long dataOutside = 0;
        if (s.isSim()) {
            observed = poisson(expected, new SplittableRandom(mix(ctx.seed(), PSEUDO_DATA_STREAM)));
        } else {
            observed = new double[np];
            double[] dp = data.column(s.proxyColumn()).toDoubleArray();
            for (double x : dp) {
                int i = proxyBin(pb, x);
                if (i < 0) {
                    dataOutside++;
                } else {
                    observed[i] += 1;
                }
            }
        }
        List<SystematicVariation> variations = new ArrayList<>();
        for (int m = 0; m < systModels.size(); m++) {
            ResponseMatrix alt = ResponseMatrix.of(pb, tb, fill.sumwAlt[m], fill.sumwAlt[m]);
            variations.add(new SystematicVariation(systModels.get(m), 0.0, 1.0, new double[] { 1.0 }, List.of(alt), 1));
        }

        UnfoldingContext uc = new UnfoldingContext(ctx.seed(), ctx.parallelism(), ctx.progress());
        UnfoldingProblem problem = problem(response, observed, background, s.isSim() ? expectedTruth : null);
        SavedState st = new SavedState();
        List<Double> tau = s.reg();
        if (s.optimize()) {
            Unfolder scanner = withSystematics(cu.unfolder(), variations);
            RegularisationScan scan = scanner.scan(problem, uc, s.regMin(), s.regMax(), s.nSteps());
            int used = switch (s.criterion()) {
            case "l_curve" -> scan.byLCurve();
            case "truth" -> scan.byTruth();
            default -> scan.byGlobalCorrelation();
            };
            double chosen = scan.values()[used];
            tau = scaledTau(s.reg(), chosen);
            st.put("scan", new double[][] { scan.values(), scan.meanGlobalCorrelation(), scan.residualNorm(),
                    scan.regularisationNorm(), scan.chi2ToTruth() });
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("parameter", scan.parameter());
            choice.put("by_global_correlation", scan.byGlobalCorrelation());
            choice.put("by_l_curve", scan.byLCurve());
            choice.put("by_truth", scan.byTruth());
            choice.put("used", used);
            st.put("scan_choice", choice);
            cu = ConfiguredUnfolder.resolve(catalog, s.method(), methodSettings(tau));
        }
        Unfolder unfolder = withSystematics(cu.unfolder(), variations);
        UnfoldingResult result = unfolder.unfold(problem, uc);
        double[][] responseCov = responseCovariance(ctx, toyUnfolder(unfolder), pb, tb, fill, observed, background);
        st.put("response_sumw", fill.sumw);
        st.put("response_sumw2", fill.sumw2);
        st.put("observed", observed);
        st.put("background", background);
        st.put("truth", s.isSim() ? expectedTruth : null);
        putResult(st, "result", result);
        if (responseCov != null) {
            // the finite training sample: its covariance adds to the unfolding's; intervals widen in quadrature
            double[] est = result.estimate().values(), lo = result.lower(), hi = result.upper();
            double[][] cov = result.estimate().covariance();
            for (int j = 0; j < est.length; j++) {
                for (int k = 0; k < est.length; k++) {
                    cov[j][k] += responseCov[j][k];
                }
                lo[j] = Math.max(0, est[j] - Math.hypot(est[j] - lo[j], Math.sqrt(responseCov[j][j])));
                hi[j] = est[j] + Math.hypot(hi[j] - est[j], Math.sqrt(responseCov[j][j]));
            }
            st.put("result_covariance", cov);
            st.put("result_lower", lo);
            st.put("result_upper", hi);
            st.put("response_mc_covariance", responseCov);
        }
        st.put("diagnostics", UnfoldingArtifacts.diagnostics(cu.registration(), result, s.isSim() ? expectedTruth : null));
        st.put("tau", tau.stream().mapToDouble(Double::doubleValue).toArray());
        if (result.sampleCount() > 0) {
            putChain(st, result);
        }

        if (s.evaluate()) {
            UnfoldingResult testResult = result;
            UnfoldingProblem testProblem = problem;
            if (!s.isSim()) {
                double[] g = poisson(expected, new SplittableRandom(mix(ctx.seed(), EVAL_DATA_STREAM)));
                testProblem = problem(response, g, background, expectedTruth);
                testResult = unfolder.unfold(testProblem, uc);
            }
            st.put("eval_observed", testProblem.observed());
            st.put("eval_truth", expectedTruth);
            putResult(st, "eval", testResult);
            st.put("toys", toys(ctx, toyUnfolder(unfolder), response, background, expected));
        }

        Map<String, Object> in = new LinkedHashMap<>();
        in.put("mc", mc.name());
        in.put("data", s.isSim() ? "(pseudo-data from the mc test split)" : data.name());
        in.put("is_sim", s.isSim());
        in.put("mc_events", n);
        in.put("train_events", nTrain);
        in.put("test_events", nTest);
        in.put("livetime_s", livetime);
        in.put("weight_column", s.weightColumn());
        in.put("mc_truth_outside_true_range", fill.truthOutside);
        in.put("mc_proxy_in_outer_bins", fill.proxyClamped);
        in.put("mc_proxy_nan", fill.proxyNaN);
        in.put("observed_events", sum(observed));
        in.put("data_proxy_nan", dataOutside);
        in.put("expected_background", sum(background));
        in.put("expected_test_events", sum(expected));
        in.put("systematic_models", String.join(", ", systModels));
        st.put("inputs", in);
        return st;
    }

    /**
     * The covariance of the unfolded counts from the response's MC statistics: {@code response_replicas}
     * replicas of the response, each element N_ij varied by a Gaussian of variance Σw² (clipped at 0),
     * unfolded with the same data, background and τ (MAP), each from its own seed; null when off.
     */
    private double[][] responseCovariance(StepContext ctx, Unfolder u, Binning pb, Binning tb, Fill fill,
            double[] observed, double[] background) throws Exception {
        int k = s.responseReplicas(), nt = tb.bins(), np = pb.bins();
        if (k < 2) {
            return null;
        }
        ProgressMonitor pm = ctx.progress();
        pm.begin("response replicas (" + k + ")", k);
        List<double[]> replicas = new ArrayList<>();
        int failed = 0;
        for (int r = 0; r < k; r++) {
            pm.checkCancelled();
            SplittableRandom rng = new SplittableRandom(mix(ctx.seed(), RESPONSE_STREAM + r));
            double[][] w = new double[np][nt];
            for (int i = 0; i < np; i++) {
                for (int j = 0; j < nt; j++) {
                    double m = fill.sumw[i][j];
                    w[i][j] = m > 0 ? Math.max(0, m + Math.sqrt(fill.sumw2[i][j]) * gaussian(rng)) : 0;
                }
            }
            try {
                ResponseMatrix rep = ResponseMatrix.of(pb, tb, w, fill.sumw2);
                UnfoldingResult rr = u.unfold(problem(rep, observed, background, null),
                        new UnfoldingContext(mix(ctx.seed(), RESPONSE_STREAM + r), 1, ProgressMonitor.NONE));
                replicas.add(rr.estimate().values());
            } catch (UnfoldingException | IllegalArgumentException e) {
                failed++;
            }
            pm.worked(1);
        }
        if (failed > 0) {
            ctx.warn(where() + failed + " of " + k + " response replicas could not be unfolded (a true bin without "
                    + "MC after the variation, or a degenerate posterior); the MC-statistics covariance uses the other "
                    + replicas.size());
        }
        if (replicas.size() < 2) {
            throw new UnfoldingException(where() + "only " + replicas.size() + " of " + k + " response replicas could be "
                    + "unfolded; set response_replicas: 0 or train on more MC events");
        }
        double[] mean = new double[nt];
        for (double[] f : replicas) {
            for (int j = 0; j < nt; j++) {
                mean[j] += f[j] / replicas.size();
            }
        }
        double[][] cov = new double[nt][nt];
        for (double[] f : replicas) {
            for (int j = 0; j < nt; j++) {
                for (int l = 0; l <= j; l++) {
                    cov[j][l] += (f[j] - mean[j]) * (f[l] - mean[l]) / (replicas.size() - 1);
                }
            }
        }
        for (int j = 0; j < nt; j++) {
            for (int l = 0; l < j; l++) {
                cov[l][j] = cov[j][l];
            }
        }
        return cov;
    }

    private static UnfoldingProblem problem(ResponseMatrix r, double[] g, double[] b, double[] truth) {
        UnfoldingProblem.Builder pb = UnfoldingProblem.builder(r, g).background(b);
        if (truth != null) {
            pb.truth(truth);
        }
        return pb.build();
    }

    private static Unfolder withSystematics(Unfolder u, List<SystematicVariation> v) {
        if (v.isEmpty()) {
            return u;
        }
        return ((LikelihoodUnfolder) u).withSystematics(v);
    }

    /** @return the unfolder of the pseudo-experiments: llh without MCMC (MAP + inverse Hessian), others as given */
    private static Unfolder toyUnfolder(Unfolder u) {
        if (u instanceof LikelihoodUnfolder lu && lu.settings().mcmc()) {
            return LikelihoodUnfolder.of(lu.settings().withMcmc(false)).withSystematics(lu.systematics());
        }
        return u;
    }

    /** @return the bin-wise τ with the scanned value replacing their geometric mean (shape kept) */
    static List<Double> scaledTau(List<Double> reg, double chosen) {
        double gm = 0;
        for (double t : reg) {
            gm += Math.log(t);
        }
        gm = Math.exp(gm / reg.size());
        List<Double> out = new ArrayList<>();
        for (double t : reg) {
            out.add(reg.size() == 1 ? chosen : t / gm * chosen);
        }
        return out;
    }

    /** @return {train, test} event counts */
    private int[] splitSizes(int n) {
        double tr = s.trainSize(), te = s.testSize();
        int nTrain, nTest;
        if (!s.needsTestSplit()) {
            nTrain = Double.isNaN(tr) ? n : count(tr, n, "train_size");
            nTest = 0;
        } else if (Double.isNaN(tr) && Double.isNaN(te)) {
            nTrain = n / 2;
            nTest = n - nTrain;
        } else if (Double.isNaN(te)) {
            nTrain = count(tr, n, "train_size");
            nTest = n - nTrain;
        } else if (Double.isNaN(tr)) {
            nTest = count(te, n, "test_size");
            nTrain = n - nTest;
        } else {
            nTrain = count(tr, n, "train_size");
            nTest = count(te, n, "test_size");
        }
        if (nTrain < 1 || (s.needsTestSplit() && nTest < 1) || (long) nTrain + nTest > n) {
            throw new InvalidSettingsException("train_size", where() + "the MC sample '" + s.mc() + "' has " + n
                    + " events but train_size " + tr + " and test_size " + te + " ask for " + nTrain + " training and "
                    + nTest + " test events; they must be >= 1 each" + " and add up to at most " + n);
        }
        return new int[] { nTrain, nTest };
    }

    private static int count(double size, int n, String key) {
        long c = size < 1 ? Math.round(size * n) : (long) size;
        if (c > n) {
            throw new InvalidSettingsException(key, "asks for " + c + " events but the MC sample has only " + n);
        }
        return (int) c;
    }

    /** @return the proxy bin with the under- and overflow in the outer bins, -1 for NaN */
    static int proxyBin(Binning pb, double x) {
        int i = pb.findBin(x);
        if (i == Binning.NAN) {
            return -1;
        }
        return Math.max(0, Math.min(pb.bins() - 1, i));
    }

    private Fill fill(StepContext ctx, EventTable mc, Binning tb, Binning pb, byte[] role, List<String> systModels) {
        int n = mc.rowCount(), np = pb.bins(), nt = tb.bins(), ns = systModels.size();
        double[] proxy = mc.column(s.proxyColumn()).toDoubleArray();
        double[] truth = mc.column(s.truthColumn()).toDoubleArray();
        double[] w = mc.column(s.weightColumn()).toDoubleArray();
        double[][] wAlt = new double[ns][];
        for (int m = 0; m < ns; m++) {
            wAlt[m] = mc.column(systModels.get(m)).toDoubleArray();
        }
        Fill f = new Fill();
        f.sumw = new double[np][nt];
        f.sumw2 = new double[np][nt];
        f.sumwAlt = new double[ns][np][nt];
        f.backgroundW = new double[np];
        f.testW = new double[np];
        f.testTruthW = new double[nt];
        ProgressMonitor pm = ctx.progress();
        pm.begin("filling the " + s.quantity() + " response from '" + mc.name() + "'", n);
        for (int k = 0; k < n; k++) {
            if ((k & 0xFFFF) == 0) {
                pm.checkCancelled();
                pm.worked(Math.min(0x10000, n - k));
            }
            if (role[k] == TrainTestSplit.UNUSED) {
                continue;
            }
            double wk = w[k];
            if (!(wk >= 0) || Double.isInfinite(wk)) {
                throw new InvalidSettingsException("model", where() + "event " + k + " of sample '" + mc.name()
                        + "' has the weight " + wk + " in column '" + s.weightColumn() + "'; expected finite >= 0 (Hz)");
            }
            int i = proxyBin(pb, proxy[k]);
            if (i < 0) {
                f.proxyNaN++;
                continue;
            }
            if (pb.findBin(proxy[k]) != i) {
                f.proxyClamped++;
            }
            int j = tb.findBin(truth[k]);
            boolean inside = j >= 0 && j < nt;
            if (role[k] == TrainTestSplit.TRAIN) {
                if (inside) {
                    f.sumw[i][j] += wk;
                    f.sumw2[i][j] += wk * wk;
                    for (int m = 0; m < ns; m++) {
                        f.sumwAlt[m][i][j] += wAlt[m][k];
                    }
                } else {
                    f.truthOutside++;
                    f.backgroundW[i] += wk;
                }
            } else {
                f.testW[i] += wk;
                if (inside) {
                    f.testTruthW[j] += wk;
                }
            }
        }
        return f;
    }

    private static double[] poisson(double[] mean, SplittableRandom rng) {
        double[] g = new double[mean.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = PoissonSampler.sample(rng, mean[i]);
        }
        return g;
    }

    private static double[] scaled(double[] v, double f) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] * f;
        }
        return r;
    }

    static double sum(double[] v) {
        double t = 0;
        for (double x : v) {
            t += x;
        }
        return t;
    }

    /** Stores estimate, covariance and 68 % intervals under {@code prefix_*}. */
    private static void putResult(SavedState st, String prefix, UnfoldingResult r) {
        st.put(prefix + "_estimate", r.estimate().values());
        st.put(prefix + "_covariance", r.estimate().covariance());
        st.put(prefix + "_lower", r.lower());
        st.put(prefix + "_upper", r.upper());
    }

    /**
     * Stores the chain of walker 0 (every kept step, at most 1000, thinned evenly) and per true bin a
     * 40-bin histogram of all posterior samples ({@code posterior}: row j = [low, high, counts...]).
     */
    private static void putChain(SavedState st, UnfoldingResult r) {
        int total = r.sampleCount(), n = r.estimate().binning().bins();
        Double walkersD = r.diagnostics().extra().get("walkers");
        int walkers = walkersD == null ? 1 : (int) Math.round(walkersD);
        int steps = total / walkers, stride = Math.max(1, (steps + 999) / 1000);
        List<double[]> trace = new ArrayList<>();
        for (int t = 0; t < steps; t += stride) {
            double[] x = r.sample(t * walkers);
            double[] row = new double[n + 1];
            row[0] = t;
            System.arraycopy(x, 0, row, 1, n);
            trace.add(row);
        }
        st.put("trace", trace.toArray(new double[0][]));
        int nb = 40;
        double[][] post = new double[n][nb + 2];
        double[] lo = new double[n], hi = new double[n];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int t = 0; t < total; t++) {
            double[] x = r.sample(t);
            for (int j = 0; j < n; j++) {
                lo[j] = Math.min(lo[j], x[j]);
                hi[j] = Math.max(hi[j], x[j]);
            }
        }
        for (int j = 0; j < n; j++) {
            if (!(hi[j] > lo[j])) {
                hi[j] = lo[j] + 1;
            }
            post[j][0] = lo[j];
            post[j][1] = hi[j];
        }
        for (int t = 0; t < total; t++) {
            double[] x = r.sample(t);
            for (int j = 0; j < n; j++) {
                int b = (int) ((x[j] - lo[j]) / (hi[j] - lo[j]) * nb);
                post[j][2 + Math.min(nb - 1, Math.max(0, b))] += 1;
            }
        }
        st.put("posterior", post);
    }

    /** @return a standard normal deviate (Box–Muller, two uniforms of {@code rng}) */
    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble(), v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * Pseudo-experiments: Poisson-resampled expected test data (scaled by a normalisation drawn from
     * the ε prior when include_systematics), each unfolded with its own seed, on
     * up to {@code parallelism} threads; combined in toy order.
     *
     * @return [toy][4 n]: estimates, σ, lower and upper 68 % edges per true bin
     */
    private double[][] toys(StepContext ctx, Unfolder u, ResponseMatrix response, double[] background,
            double[] expected) throws Exception {
        int nToys = s.nPseudoExperiments(), threads = Math.max(1, Math.min(ctx.parallelism(), nToys));
        boolean epsilonToys = s.includeSystematics() && s.epsilon() > 0;
        double[][] out = new double[nToys][];
        ProgressMonitor pm = ctx.progress();
        pm.begin("pseudo-experiments (" + nToys + ")", nToys);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "unfold_flux-toys");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<double[]>> fut = new ArrayList<>();
            for (int k = 0; k < nToys; k++) {
                long seed = mix(ctx.seed(), TOY_STREAM + k);
                fut.add(pool.submit(() -> {
                    pm.checkCancelled();
                    SplittableRandom rng = new SplittableRandom(seed);
                    double[] mean = expected;
                    if (epsilonToys) {
                        // the normalisation nuisance's prior is part of the error model: vary it in the toys
                        double eps = Math.max(0.0, 1.0 + s.epsilon() * gaussian(rng));
                        mean = expected.clone();
                        for (int i = 0; i < mean.length; i++) {
                            mean[i] *= eps;
                        }
                    }
                    double[] g = poisson(mean, rng);
                    UnfoldingResult r;
                    try {
                        r = u.unfold(problem(response, g, background, null), new UnfoldingContext(seed, 1,
                                ProgressMonitor.NONE));
                    } catch (UnfoldingException e) {
                        throw new UnfoldingException(where() + "pseudo-experiment failed: " + e.getMessage(), e);
                    }
                    int n = r.estimate().binning().bins();
                    double[] row = new double[4 * n];
                    double[] lo = r.lower(), hi = r.upper();
                    for (int j = 0; j < n; j++) {
                        row[j] = r.estimate().value(j);
                        row[n + j] = r.estimate().uncertainty(j);
                        row[2 * n + j] = lo[j];
                        row[3 * n + j] = hi[j];
                    }
                    pm.worked(1);
                    return row;
                }));
            }
            for (int k = 0; k < nToys; k++) {
                try {
                    out[k] = fut.get(k).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Exception ex) {
                        throw ex;
                    }
                    throw e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }
}
