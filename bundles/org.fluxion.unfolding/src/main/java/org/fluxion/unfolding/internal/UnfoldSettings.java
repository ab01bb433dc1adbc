package org.fluxion.unfolding.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;
import org.fluxion.unfolding.internal.UnfoldHistogramsSettings.ScanSettings;

/**
 * Settings of the event-level {@code unfold} step. Column values are used as they are: a true
 * column holding lg(E/eV) is binned linearly in lg(E/eV) ({@code true_log: false}); {@code *_log}
 * means log10-spaced edges over a column in linear units (min, max > 0).
 *
 * @param mc             sample with the truth column (the response is filled from it)
 * @param data           sample to unfold; equal to {@code mc} for a closure test on a split of the MC
 * @param proxy          observed column of {@code data} (or {@value EventProxy#KCDC_ESTIMATOR})
 * @param mcProxy        observed column of {@code mc}; "" = same as {@code proxy}
 * @param truth          true column of {@code mc}
 * @param proxyBins      number of proxy bins
 * @param proxyMin       lower proxy edge, column units
 * @param proxyMax       upper proxy edge
 * @param proxyLog       log10-spaced proxy edges
 * @param trueBins       number of true bins
 * @param trueMin        lower true edge, column units
 * @param trueMax        upper true edge
 * @param trueLog        log10-spaced true edges
 * @param weight         MC weight column, "" for unit weights
 * @param reweightIndex  spectral index γ to reweight the MC to (w × (E/E_min)^(γ_gen − γ)), NaN for none
 * @param generation     how the MC was generated (for efficiencies and reweighting)
 * @param method         unfolder id
 * @param methodSettings the unfolder's settings
 * @param scan           regularisation scan
 * @param trainSize      fraction of the MC used for the response; NaN = 1 (0.5 when data == mc)
 * @param testSize       fraction of the MC used as pseudo-data when data == mc; NaN = 0.5
 * @param quantity       name of the true quantity, for axis titles
 * @param unit           its unit, for axis titles and tables
 */
public record UnfoldSettings(
        @Setting(description = "sample with the truth column (response)") String mc,
        @Setting(description = "sample to unfold; the mc sample itself for a closure test on a split") String data,
        @Setting(description = "observed column of the data sample, or kcdc_estimator") String proxy,
        @Setting(description = "observed column of the mc sample; empty = same as proxy", defaultValue = "''")
        String mcProxy,
        @Setting(description = "true column of the mc sample") String truth,
        @Setting(description = "number of proxy bins", min = 1, max = 10000) int proxyBins,
        @Setting(description = "lower proxy edge (column units)") double proxyMin,
        @Setting(description = "upper proxy edge (column units)") double proxyMax,
        @Setting(description = "log10-spaced proxy edges (column in linear units)", defaultValue = "false")
        boolean proxyLog,
        @Setting(description = "number of true bins", min = 1, max = 10000) int trueBins,
        @Setting(description = "lower true edge (column units)") double trueMin,
        @Setting(description = "upper true edge (column units)") double trueMax,
        @Setting(description = "log10-spaced true edges (column in linear units)", defaultValue = "false")
        boolean trueLog,
        @Setting(description = "mc weight column; empty for unit weights", defaultValue = "''") String weight,
        @Setting(description = "reweight the mc from the generation index to E^-reweight_index; .nan for none",
                defaultValue = ".nan") double reweightIndex,
        @Setting(description = "generation spectrum of the mc (efficiency, reweighting)", defaultValue = "{}")
        GenerationSettings generation,
        @Setting(description = "unfolder id (fluxion list shows the installed ones)", defaultValue = "llh")
        String method,
        @Setting(description = "settings of the chosen unfolder (see its README)", defaultValue = "{}")
        Map<String, Object> methodSettings,
        @Setting(description = "regularisation scan", defaultValue = "{}") ScanSettings scan,
        @Setting(description = "fraction of the mc for the response; .nan = 1, or 0.5 when data is the mc",
                defaultValue = ".nan") double trainSize,
        @Setting(description = "fraction of the mc used as pseudo-data when data is the mc; .nan = 0.5",
                defaultValue = ".nan") double testSize,
        @Setting(description = "name of the true quantity, for axis titles", defaultValue = "True quantity")
        String quantity,
        @Setting(description = "unit of the true column, for axis titles", defaultValue = "''") String unit) {

    /**
     * How the MC was generated. With {@code spectral_index} given, the thrown events per true bin are
     * N_thrown · ∫_bin E^-γ dE / ∫_gen E^-γ dE (E = 10^value when {@code truth_is_lg}), normalised
     * by {@code thrown} or, when the number thrown was not recorded, by requiring ε = 1 summed over
     * the true bins whose lower edge is ≥ {@code full_efficiency_above}.
     *
     * @param spectralIndex      generation index γ_gen (dN/dE ∝ E^-γ_gen), NaN if unknown
     * @param energyMin          lower generation limit, in truth-column units
     * @param energyMax          upper generation limit, in truth-column units
     * @param truthIsLg          the truth column holds lg E (else E itself)
     * @param thrown             number of generated events, 0 if not recorded
     * @param fullEfficiencyAbove truth value above which the selection is fully efficient, NaN for none
     */
    public record GenerationSettings(
            @Setting(description = "generation spectral index (dN/dE ~ E^-index); .nan if unknown",
                    defaultValue = ".nan") double spectralIndex,
            @Setting(description = "lower generation limit (truth-column units)", defaultValue = ".nan")
            double energyMin,
            @Setting(description = "upper generation limit (truth-column units)", defaultValue = ".nan")
            double energyMax,
            @Setting(description = "the truth column holds lg E rather than E", defaultValue = "true")
            boolean truthIsLg,
            @Setting(description = "number of generated (thrown) events; 0 if not recorded", defaultValue = "0",
                    min = 0) long thrown,
            @Setting(description = "truth value above which the selection is fully efficient (normalises the "
                    + "thrown spectrum when thrown is 0); .nan for none", defaultValue = ".nan")
            double fullEfficiencyAbove) {
        public GenerationSettings {
            if (!Double.isNaN(spectralIndex)) {
                if (!Double.isFinite(spectralIndex)) {
                    throw new InvalidSettingsException("spectral_index", "must be finite or .nan but was " + spectralIndex);
                }
                if (!(Double.isFinite(energyMin) && Double.isFinite(energyMax) && energyMax > energyMin)) {
                    throw new InvalidSettingsException("energy_max", "with spectral_index " + spectralIndex
                            + " give finite energy_min < energy_max but they were " + energyMin + " and " + energyMax);
                }
                if (!truthIsLg && !(energyMin > 0)) {
                    throw new InvalidSettingsException("energy_min", "must be > 0 for a truth column in linear units but was "
                            + energyMin);
                }
                if (thrown == 0 && Double.isNaN(fullEfficiencyAbove)) {
                    throw new InvalidSettingsException("thrown", "with spectral_index given, either thrown (> 0) or "
                            + "full_efficiency_above must normalise the generated spectrum, but neither was given");
                }
            } else if (thrown != 0 || !Double.isNaN(fullEfficiencyAbove)) {
                throw new InvalidSettingsException("spectral_index", "thrown (" + thrown + ") and full_efficiency_above ("
                        + fullEfficiencyAbove + ") need the generation spectral_index, which is not given");
            }
            if (thrown < 0) {
                throw new InvalidSettingsException("thrown", "must be >= 0 but was " + thrown);
            }
        }

        /** @return whether a generation spectrum was given */
        public boolean known() {
            return !Double.isNaN(spectralIndex);
        }
    }

    public UnfoldSettings {
        requireName("mc", mc);
        requireName("data", data);
        requireName("proxy", proxy);
        requireName("truth", truth);
        checkRange("proxy", proxyMin, proxyMax, proxyLog);
        checkRange("true", trueMin, trueMax, trueLog);
        if (proxyBins < 1) {
            throw new InvalidSettingsException("proxy_bins", "must be >= 1 but was " + proxyBins);
        }
        if (trueBins < 1) {
            throw new InvalidSettingsException("true_bins", "must be >= 1 but was " + trueBins);
        }
        if (!Double.isNaN(reweightIndex)) {
            if (!Double.isFinite(reweightIndex)) {
                throw new InvalidSettingsException("reweight_index", "must be finite or .nan but was " + reweightIndex);
            }
            if (!generation.known()) {
                throw new InvalidSettingsException("reweight_index", "reweighting to E^-" + reweightIndex
                        + " needs generation.spectral_index, which is not given");
            }
        }
        boolean closure = mc.equals(data);
        double train = Double.isNaN(trainSize) ? (closure ? 0.5 : 1.0) : trainSize;
        double test = Double.isNaN(testSize) ? (closure ? 0.5 : 0.0) : testSize;
        if (!(train > 0 && train <= 1)) {
            throw new InvalidSettingsException("train_size", "must be in (0, 1] but was " + trainSize);
        }
        if (!(test >= 0 && test < 1)) {
            throw new InvalidSettingsException("test_size", "must be in [0, 1) but was " + testSize);
        }
        if (closure && !(test > 0)) {
            throw new InvalidSettingsException("test_size", "data is the mc sample '" + mc
                    + "' (closure test), so test_size must be > 0 but was " + testSize);
        }
        if (!closure && test > 0) {
            throw new InvalidSettingsException("test_size", "is only used when data is the mc sample (closure test), "
                    + "but data is '" + data + "' and mc is '" + mc + "'; remove test_size (was " + testSize + ")");
        }
        if (closure && train + test > 1 + 1e-12) {
            throw new InvalidSettingsException("test_size", "train_size + test_size must be <= 1 but were " + train + " + "
                    + test);
        }
        trainSize = train;
        testSize = test;
        methodSettings = Collections.unmodifiableMap(new LinkedHashMap<>(methodSettings));
    }

    private static void requireName(String key, String v) {
        if (v == null || v.isBlank()) {
            throw new InvalidSettingsException(key, "must not be empty");
        }
    }

    private static void checkRange(String axis, double min, double max, boolean log) {
        if (!(Double.isFinite(min) && Double.isFinite(max) && max > min)) {
            throw new InvalidSettingsException(axis + "_max", axis + "_max must be finite and > " + axis + "_min (" + min
                    + ") but was " + max);
        }
        if (log && !(min > 0)) {
            throw new InvalidSettingsException(axis + "_min", "must be > 0 for " + axis + "_log: true but was " + min);
        }
    }

    /** @return whether the data sample is the mc sample (closure test on a split) */
    public boolean closure() {
        return mc.equals(data);
    }

    /** @return the mc proxy column */
    public String mcProxyColumn() {
        return mcProxy.isEmpty() ? proxy : mcProxy;
    }
}
