package org.fluxion.unfolding.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code unfold_flux} step (one quantity per instance; the seed's flat keys are
 * mapped by the preset, in brackets). τ in funfolding's convention: an <em>inverse</em> strength.
 *
 * @param quantity           {@code range} (true_length, m of ice) or {@code energy} (true_energy, GeV)
 * @param proxy              observed column; "" = reco_length (range) / reco_log_energy (energy)
 * @param truth              true column; "" = true_length / true_energy
 * @param mc                 MC sample (response, pseudo-data)
 * @param data               measured sample
 * @param min                lower true edge [range_min / energy_min]
 * @param max                upper true edge [range_max / energy_max]
 * @param bins               true bins [n_range_bins / n_energy_bins]
 * @param log                log10-spaced true edges [range_log / energy_log]
 * @param proxyBins          proxy bins [n_proxy_bins]
 * @param proxyMin           lower proxy edge; NaN = default (range: min; energy: log10(min))
 * @param proxyMax           upper proxy edge; NaN = default (range: max; energy: log10(max))
 * @param proxyLog           log10-spaced proxy edges; null = {@code log} for range, false for energy
 * @param isSim              unfold a test split of the MC instead of the data [is_sim]
 * @param trainSize          training events (≥ 1: a number of events; < 1: a fraction); NaN = default
 * @param testSize           test events (same convention); NaN = default
 * @param reg                τ, one value (total) or one per true bin [reg_range / reg_energy]
 * @param optimize           scan τ and use the chosen value [optimize_unfolding_*]
 * @param regMin             scan start [reg_min]
 * @param regMax             scan end [reg_max]
 * @param nSteps             scan points, log-spaced [n_steps]
 * @param criterion          scan choice: global_correlation, l_curve or truth
 * @param method             unfolder id
 * @param methodSettings     further settings of the unfolder
 * @param nWalkers           MCMC walkers [n_walkers]
 * @param nBurnSteps         MCMC burn-in steps [n_burn_steps]
 * @param nUsedSteps         MCMC kept steps; 0 = no MCMC [n_used_steps]
 * @param includeSystematics nuisance parameters ε and flux-model response variations [include_systematics]
 * @param epsilon            σ of the normalisation nuisance [epsilon]
 * @param systematicModels   weight columns of the response variations; empty = none (ε only)
 * @param plotSystematics    per-bin posterior and nuisance plots [plot_systematics]
 * @param binIndex           bin of the posterior plot; null = all [bin_index]
 * @param load               reload the previous run's result [load_unfolding_*_results]
 * @param plotResults        plot the flux [plot_results_*]
 * @param mceqPath           theory table for the energy flux plot; "" = none [mceq_path]
 * @param evaluate           evaluation on the MC test split [evaluate_unfolding_*]
 * @param nPseudoExperiments toys of the evaluation
 * @param responseReplicas   response replicas for the MC-statistics covariance; 0 = off
 * @param model              MC weight column (Hz per event); "" = the column {@code weight} [model]
 * @param simLivetimeS       livetime of the MC pseudo-data, s; NaN = the data sample's livetime_s
 */
public record UnfoldFluxSettings(
        @Setting(description = "unfolded quantity: range (true propagation length, m of ice) or energy (true surface "
                + "energy, GeV); chooses the default columns, units and labels") String quantity,
        @Setting(description = "observed (proxy) column; empty = reco_length (range) or reco_log_energy (energy)",
                defaultValue = "''") String proxy,
        @Setting(description = "true column of the mc sample; empty = true_length (range) or true_energy (energy)",
                defaultValue = "''") String truth,
        @Setting(description = "MC sample (response and pseudo-data)", defaultValue = "mc") String mc,
        @Setting(description = "measured sample", defaultValue = "data") String data,
        @Setting(description = "lower true bin edge (range_min / energy_min)", unit = "m or GeV") double min,
        @Setting(description = "upper true bin edge (range_max / energy_max)", unit = "m or GeV") double max,
        @Setting(description = "number of true bins (n_range_bins / n_energy_bins)", min = 1, max = 1000) int bins,
        @Setting(description = "log10-spaced true edges (range_log / energy_log)", defaultValue = "false") boolean log,
        @Setting(description = "number of proxy bins (n_proxy_bins)", defaultValue = "20", min = 1, max = 10000)
        int proxyBins,
        @Setting(description = "lower proxy edge; .nan = min (range) or log10(min) (energy)", defaultValue = ".nan")
        double proxyMin,
        @Setting(description = "upper proxy edge; .nan = max (range) or log10(max) (energy)", defaultValue = ".nan")
        double proxyMax,
        @Setting(description = "log10-spaced proxy edges; null = log for range, false for energy (log10 column)",
                defaultValue = "null") Boolean proxyLog,
        @Setting(description = "unfold Poisson pseudo-data from a test split of the MC instead of the data (is_sim)",
                defaultValue = "false") boolean isSim,
        @Setting(description = "training events: a number of events (>= 1) or a fraction (< 1) of the MC; .nan = "
                + "all MC, or half when a test split is needed", defaultValue = ".nan") double trainSize,
        @Setting(description = "test events: a number (>= 1) or a fraction (< 1) of the MC; .nan = the rest after "
                + "the training events when a test split is needed", defaultValue = ".nan") double testSize,
        @Setting(description = "tau (inverse strength, funfolding's convention): one value (total) or one per true "
                + "bin (bin-wise) (reg_range / reg_energy)", defaultValue = "[1.0]") List<Double> reg,
        @Setting(description = "scan tau on a log grid and use the chosen value (optimize_unfolding_*)",
                defaultValue = "false") boolean optimize,
        @Setting(description = "smallest tau of the scan", defaultValue = "1e-3", min = 0) double regMin,
        @Setting(description = "largest tau of the scan", defaultValue = "1e3", min = 0) double regMax,
        @Setting(description = "scan points (log-spaced)", defaultValue = "20", min = 2, max = 1000) int nSteps,
        @Setting(description = "scan choice: global_correlation (minimum mean global correlation), l_curve "
                + "(maximum curvature) or truth (minimum chi2 to the truth; needs is_sim)",
                defaultValue = "global_correlation") String criterion,
        @Setting(description = "unfolder id (llh, ibu, gold, ...)", defaultValue = "llh") String method,
        @Setting(description = "further settings of the unfolder (see its README); the keys this step maps "
                + "(tau, mcmc, n_walkers, n_burn_steps, n_used_steps, epsilon for llh) must not be repeated",
                defaultValue = "{}") Map<String, Object> methodSettings,
        @Setting(description = "MCMC walkers (llh)", defaultValue = "100", min = 2) int nWalkers,
        @Setting(description = "MCMC burn-in steps per walker (llh)", defaultValue = "500", min = 0) int nBurnSteps,
        @Setting(description = "MCMC kept steps per walker; 0 = no MCMC (MAP with the inverse Hessian) (llh)",
                defaultValue = "1000", min = 0) int nUsedSteps,
        @Setting(description = "nuisance parameters: the normalisation epsilon and one response variation per "
                + "systematic_models weight column (llh)", defaultValue = "false") boolean includeSystematics,
        @Setting(description = "sigma of the normalisation nuisance epsilon ~ N(1, sigma)", defaultValue = "0.05",
                min = 0, max = 1) double epsilon,
        @Setting(description = "weight columns whose response variations become nuisance parameters (e.g. "
                + "[GaisserH4aWeight, GlobalFitGSTWeight]); empty = none, only epsilon", defaultValue = "[]") List<String> systematicModels,
        @Setting(description = "per-bin posterior and nuisance plots (plot_systematics)", defaultValue = "false")
        boolean plotSystematics,
        @Setting(description = "true bin of the posterior plots; null = all bins (bin_index)", defaultValue = "null")
        Integer binIndex,
        @Setting(description = "reload the result of the previous run instead of unfolding "
                + "(load_unfolding_*_results); refused when inputs or settings changed", defaultValue = "false")
        boolean load,
        @Setting(description = "plot the flux (plot_results_*); needs the effective_area input",
                defaultValue = "false") boolean plotResults,
        @Setting(description = "theory table (stopping_muons_mceq.csv format) for the energy flux plot; empty = "
                + "none (mceq_path)", defaultValue = "''") String mceqPath,
        @Setting(description = "evaluate on the MC test split: unfolded vs truth, pulls and coverage from "
                + "pseudo-experiments (evaluate_unfolding_*)", defaultValue = "false") boolean evaluate,
        @Setting(description = "pseudo-experiments of the evaluation", defaultValue = "200", min = 2, max = 100000)
        int nPseudoExperiments,
        @Setting(description = "replicas of the response within its MC statistics (each element varied by a Gaussian "
                + "of variance sum w^2, clipped at 0), unfolded with the same data and tau (MAP); their covariance is "
                + "added to the unfolding's, so the errors include the finite training sample; 0 = off",
                defaultValue = "50", min = 0, max = 10000) int responseReplicas,
        @Setting(description = "MC weight column (flux model, Hz per event); empty = the column 'weight' (model)",
                defaultValue = "''") String model,
        @Setting(description = "livetime of the MC pseudo-data; .nan = the data sample's livetime_s", unit = "s",
                defaultValue = ".nan") double simLivetimeS) {

    /** Scan choice criteria. */
    static final List<String> CRITERIA = List.of("global_correlation", "l_curve", "truth");

    public UnfoldFluxSettings {
        quantity = quantity == null ? "" : quantity.strip().toLowerCase(Locale.ROOT);
        if (!quantity.equals("range") && !quantity.equals("energy")) {
            throw new InvalidSettingsException("quantity", "must be range or energy but was '" + quantity + "'");
        }
        proxy = proxy == null ? "" : proxy.strip();
        truth = truth == null ? "" : truth.strip();
        model = model == null ? "" : model.strip();
        require("mc", mc);
        require("data", data);
        if (!(Double.isFinite(min) && Double.isFinite(max) && max > min)) {
            throw new InvalidSettingsException("max", "must be finite and > min (" + min + ") but was " + max);
        }
        if ((log || quantity.equals("energy")) && !(min > 0)) {
            throw new InvalidSettingsException("min", "must be > 0 for " + (log ? "log: true" : "the energy")
                    + " but was " + min);
        }
        if (bins < 1) {
            throw new InvalidSettingsException("bins", "must be >= 1 but was " + bins);
        }
        if (proxyBins < 1) {
            throw new InvalidSettingsException("proxy_bins", "must be >= 1 but was " + proxyBins);
        }
        if (Double.isNaN(proxyMin) != Double.isNaN(proxyMax)) {
            throw new InvalidSettingsException("proxy_max", "give both proxy_min and proxy_max or neither, but they were "
                    + proxyMin + " and " + proxyMax);
        }
        checkSize("train_size", trainSize);
        checkSize("test_size", testSize);
        if (reg == null || reg.isEmpty()) {
            throw new InvalidSettingsException("reg", "must be one value (total) or one per true bin (" + bins
                    + ", bin-wise) but was empty");
        }
        if (reg.size() != 1 && reg.size() != bins) {
            throw new InvalidSettingsException("reg", "has " + reg.size() + " values but there are " + bins
                    + " true bins: give one value (total) or " + bins + " (bin-wise)");
        }
        for (int k = 0; k < reg.size(); k++) {
            Double t = reg.get(k);
            if (t == null || !(t > 0) || t.isInfinite()) {
                throw new InvalidSettingsException("reg", "entries must be finite and > 0 but entry " + k + " was " + t);
            }
        }
        reg = List.copyOf(reg);
        if (optimize && !(regMin > 0 && regMax > regMin && Double.isFinite(regMax))) {
            throw new InvalidSettingsException("reg_max", "the scan needs 0 < reg_min < reg_max < inf but reg_min was "
                    + regMin + " and reg_max " + regMax);
        }
        if (!CRITERIA.contains(criterion)) {
            throw new InvalidSettingsException("criterion", "must be one of " + CRITERIA + " but was '" + criterion + "'");
        }
        if (optimize && criterion.equals("truth") && !isSim) {
            throw new InvalidSettingsException("criterion", "'truth' needs the truth of the unfolded sample, i.e. "
                    + "is_sim: true, but is_sim is false");
        }
        require("method", method);
        methodSettings = Collections.unmodifiableMap(new LinkedHashMap<>(methodSettings == null ? Map.of()
                : methodSettings));
        if (binIndex != null && (binIndex < 0 || binIndex >= bins)) {
            throw new InvalidSettingsException("bin_index", "must be null (all bins) or in [0, " + (bins - 1)
                    + "] but was " + binIndex);
        }
        systematicModels = List.copyOf(systematicModels == null ? List.of() : systematicModels);
        mceqPath = mceqPath == null ? "" : mceqPath.strip();
        if (!Double.isNaN(simLivetimeS) && !(simLivetimeS > 0 && Double.isFinite(simLivetimeS))) {
            throw new InvalidSettingsException("sim_livetime_s", "must be finite and > 0 or .nan but was " + simLivetimeS);
        }
    }

    private static void require(String key, String v) {
        if (v == null || v.isBlank()) {
            throw new InvalidSettingsException(key, "must not be empty");
        }
    }

    private static void checkSize(String key, double v) {
        if (Double.isNaN(v)) {
            return;
        }
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new InvalidSettingsException(key, "must be a number of events (>= 1) or a fraction in (0, 1) but was "
                    + v);
        }
        if (v >= 1 && v != Math.rint(v)) {
            throw new InvalidSettingsException(key, "a number of events must be an integer but was " + v);
        }
    }

    /** @return whether this is the propagation-length unfolding */
    boolean range() {
        return quantity.equals("range");
    }

    /** @return the proxy column */
    String proxyColumn() {
        return !proxy.isEmpty() ? proxy : range() ? "reco_length" : "reco_log_energy";
    }

    /** @return the true column */
    String truthColumn() {
        return !truth.isEmpty() ? truth : range() ? "true_length" : "true_energy";
    }

    /** @return the MC weight column */
    String weightColumn() {
        return model.isEmpty() ? "weight" : model;
    }

    /** @return whether a test split of the MC is needed (pseudo-data or evaluation) */
    boolean needsTestSplit() {
        return isSim || evaluate;
    }

    /** @return the unit of the true quantity */
    String unit() {
        return range() ? "m" : "GeV";
    }

    /** @return the axis title of the true quantity */
    String label() {
        return range() ? "Propagation length" : "Surface energy";
    }

    /** @return the proxy axis title */
    String proxyLabel() {
        return range() ? "Reconstructed propagation length [m]" : "Reconstructed log10(E / GeV)";
    }

    /** @return the unit of the flux */
    String fluxUnit() {
        return range() ? "m-2 s-1 sr-1 m-1" : "m-2 s-1 sr-1 GeV-1";
    }

    /** @return lower proxy edge */
    double proxyLow() {
        return !Double.isNaN(proxyMin) ? proxyMin : range() ? min : Math.log10(min);
    }

    /** @return upper proxy edge */
    double proxyHigh() {
        return !Double.isNaN(proxyMax) ? proxyMax : range() ? max : Math.log10(max);
    }

    /** @return whether the proxy edges are log10-spaced */
    boolean proxyLogEdges() {
        return proxyLog != null ? proxyLog : range() && log;
    }

    /** @return the settings that determine the unfolding result, for the reload fingerprint (ordered) */
    Map<String, String> resultSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("quantity", quantity);
        m.put("proxy", proxyColumn());
        m.put("truth", truthColumn());
        m.put("mc", mc);
        m.put("data", data);
        m.put("min", Double.toString(min));
        m.put("max", Double.toString(max));
        m.put("bins", Integer.toString(bins));
        m.put("log", Boolean.toString(log));
        m.put("proxy_bins", Integer.toString(proxyBins));
        m.put("proxy_min", Double.toString(proxyLow()));
        m.put("proxy_max", Double.toString(proxyHigh()));
        m.put("proxy_log", Boolean.toString(proxyLogEdges()));
        m.put("is_sim", Boolean.toString(isSim));
        m.put("train_size", Double.toString(trainSize));
        m.put("test_size", Double.toString(testSize));
        m.put("reg", reg.toString());
        m.put("optimize", Boolean.toString(optimize));
        if (optimize) {
            m.put("reg_min", Double.toString(regMin));
            m.put("reg_max", Double.toString(regMax));
            m.put("n_steps", Integer.toString(nSteps));
            m.put("criterion", criterion);
        }
        m.put("method", method);
        m.put("method_settings", new java.util.TreeMap<>(methodSettings).toString());
        m.put("n_walkers", Integer.toString(nWalkers));
        m.put("n_burn_steps", Integer.toString(nBurnSteps));
        m.put("n_used_steps", Integer.toString(nUsedSteps));
        m.put("include_systematics", Boolean.toString(includeSystematics));
        if (includeSystematics) {
            m.put("epsilon", Double.toString(epsilon));
            m.put("systematic_models", systematicModels.toString());
        }
        m.put("evaluate", Boolean.toString(evaluate));
        if (evaluate) {
            m.put("n_pseudo_experiments", Integer.toString(nPseudoExperiments));
        }
        m.put("model", weightColumn());
        m.put("sim_livetime_s", Double.toString(simLivetimeS));
        m.put("response_replicas", Integer.toString(responseReplicas));
        return m;
    }
}
