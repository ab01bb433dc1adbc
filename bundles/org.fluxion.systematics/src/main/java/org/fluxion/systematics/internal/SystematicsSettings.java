package org.fluxion.systematics.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code systematics} step, one quantity per instance (the preset makes
 * {@code systematics_range} and {@code systematics_energy}; the seed's flat keys in brackets). The
 * binning keys are those of {@code unfold_flux}. τ in funfolding's convention: an <em>inverse</em>
 * strength.
 *
 * @param quantity             {@code range} (true_length, m of ice) or {@code energy} (true_energy, GeV)
 * @param sectors              sector name → cut spec in the cuts syntax (e.g. {@code {upper: {reco_stop_z: [0, 500]}}}),
 *                             at least one sector [sectors]
 * @param calculateEffectiveArea per-sector effective areas, table and plot [calculate_effective_area_systematics_*]
 * @param dataBased            per-sector unfoldings of the data, ratios and the band [data_based_systematics_*]
 * @param proxy                observed column; "" = reco_length (range) / reco_log_energy (energy)
 * @param truth                true column; "" = true_length / true_energy
 * @param mc                   selected MC sample (response, sector A_eff numerators)
 * @param data                 measured sample (sector unfoldings)
 * @param min                  lower true edge [range_min / energy_min]
 * @param max                  upper true edge [range_max / energy_max]
 * @param bins                 true bins [n_range_bins / n_energy_bins]
 * @param log                  log10-spaced true edges [range_log / energy_log]
 * @param proxyBins            proxy bins [n_proxy_bins]
 * @param proxyMin             lower proxy edge; NaN = min (range) or log10(min) (energy)
 * @param proxyMax             upper proxy edge; NaN = max (range) or log10(max) (energy)
 * @param proxyLog             log10-spaced proxy edges; null = {@code log} for range, false for energy
 * @param model                MC weight column (Hz per event); "" = the column {@code weight} [model]
 * @param method               unfolder id of the sector unfoldings [unfolding_method]
 * @param reg                  τ for llh: one value (total) or one per true bin [reg_range / reg_energy]
 * @param methodSettings       further settings of the unfolder (llh: tau comes from reg; mcmc defaults to false)
 * @param minShare             smallest share of the full detector's MC rate in a bin for a sector's ratio there
 */
public record SystematicsSettings(
        @Setting(description = "quantity: range (true propagation length, m of ice) or energy (true surface energy, "
                + "GeV); chooses the default columns, units and labels") String quantity,
        @Setting(description = "detector sectors: sector name -> cuts on reconstructions in the cuts syntax, e.g. "
                + "{upper: {reco_stop_z: [0, 500]}, lower: {reco_stop_z: [-500, 0]}} (sectors)")
        Map<String, Map<String, Object>> sectors,
        @Setting(description = "per-sector effective areas: the full-detector A_eff with the MC numerator restricted "
                + "to the sector, table and plot (calculate_effective_area_systematics_*)", defaultValue = "false")
        boolean calculateEffectiveArea,
        @Setting(description = "per-sector unfoldings of the data, flux ratios to the full sample and the systematic "
                + "band (data_based_systematics_*)", defaultValue = "false") boolean dataBased,
        @Setting(description = "observed (proxy) column; empty = reco_length (range) or reco_log_energy (energy)",
                defaultValue = "''") String proxy,
        @Setting(description = "true column of the mc sample; empty = true_length (range) or true_energy (energy)",
                defaultValue = "''") String truth,
        @Setting(description = "selected MC sample (response, effective-area numerators)", defaultValue = "mc") String mc,
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
        @Setting(description = "MC weight column (flux model, Hz per event); empty = the column 'weight' (model)",
                defaultValue = "''") String model,
        @Setting(description = "unfolder id of the sector unfoldings (unfolding_method)", defaultValue = "llh")
        String method,
        @Setting(description = "tau of the llh unfolder (inverse strength, funfolding's convention): one value (total) "
                + "or one per true bin; the preset passes the full sample's reg_range / reg_energy", defaultValue = "[1.0]")
        List<Double> reg,
        @Setting(description = "further settings of the unfolder (see its README); for llh, tau comes from reg and "
                + "mcmc defaults to false (MAP with the inverse-Hessian covariance)", defaultValue = "{}")
        Map<String, Object> methodSettings,
        @Setting(description = "smallest share of the full detector's selected MC rate a sector must hold in a true bin "
                + "for its flux ratio there; below it the sector has no acceptance to speak of (e.g. short propagation "
                + "lengths in a lower sector) and the bin is left out of its ratio and of the band", defaultValue = "0.05",
                min = 0, max = 0.99) double minShare) {

    /** Range: the true propagation length. */
    static final String RANGE = "range";
    /** Energy: the true surface energy. */
    static final String ENERGY = "energy";

    public SystematicsSettings {
        if (!RANGE.equals(quantity) && !ENERGY.equals(quantity)) {
            throw new InvalidSettingsException("quantity", "must be 'range' or 'energy' but was '" + quantity + "'");
        }
        if (sectors == null || sectors.isEmpty()) {
            throw new InvalidSettingsException("sectors", "needs at least one sector, e.g. {upper: {reco_stop_z: [0, 500]}, "
                    + "lower: {reco_stop_z: [-500, 0]}}, but was " + (sectors == null ? "missing" : "empty"));
        }
        for (Map.Entry<String, Map<String, Object>> e : sectors.entrySet()) {
            if (!e.getKey().matches("[A-Za-z0-9_.-]+")) {
                throw new InvalidSettingsException("sectors", "sector name '" + e.getKey()
                        + "' must match [A-Za-z0-9_.-]+ (it names artifact columns)");
            }
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new InvalidSettingsException("sectors", "sector '" + e.getKey() + "' has no cuts: a sector must "
                        + "restrict the detector, e.g. {reco_stop_z: [0, 500]}");
            }
        }
        if (!(Double.isFinite(min) && Double.isFinite(max) && max > min)) {
            throw new InvalidSettingsException("max", "must be finite and > min (" + min + ") but was " + max);
        }
        if ((log || ENERGY.equals(quantity)) && !(min > 0)) {
            throw new InvalidSettingsException("min", "must be > 0 for log bins or the energy quantity but was " + min);
        }
        if (reg == null || reg.isEmpty()) {
            throw new InvalidSettingsException("reg", "needs one tau (total) or one per true bin (" + bins + ") but was empty");
        }
        if (reg.size() != 1 && reg.size() != bins) {
            throw new InvalidSettingsException("reg", "needs one tau (total) or one per true bin (" + bins + ") but had "
                    + reg.size() + " values");
        }
        for (int k = 0; k < reg.size(); k++) {
            Double t = reg.get(k);
            if (t == null || !(t > 0) || Double.isInfinite(t)) {
                throw new InvalidSettingsException("reg", "tau[" + k + "] must be finite and > 0 but was " + t);
            }
        }
        if (!(minShare >= 0 && minShare < 1)) {
            throw new InvalidSettingsException("min_share", "must be in [0, 1) but was " + minShare);
        }
        if (method == null || method.isBlank()) {
            throw new InvalidSettingsException("method", "must name an unfolder (e.g. llh) but was empty");
        }
        if ("llh".equals(method) && methodSettings.containsKey("tau")) {
            throw new InvalidSettingsException("method_settings", "tau of the llh sector unfoldings comes from 'reg' "
                    + "(the full sample's tau); remove method_settings.tau (was " + methodSettings.get("tau") + ")");
        }
        double pMin = Double.isNaN(proxyMin) ? (RANGE.equals(quantity) ? min : Math.log10(min)) : proxyMin;
        double pMax = Double.isNaN(proxyMax) ? (RANGE.equals(quantity) ? max : Math.log10(max)) : proxyMax;
        boolean pLog = proxyLog == null ? RANGE.equals(quantity) && log : proxyLog;
        if (!(Double.isFinite(pMin) && Double.isFinite(pMax) && pMax > pMin)) {
            throw new InvalidSettingsException("proxy_max", "must be finite and > proxy_min (" + pMin + ") but was " + pMax);
        }
        if (pLog && !(pMin > 0)) {
            throw new InvalidSettingsException("proxy_min", "must be > 0 for log10-spaced proxy bins but was " + pMin);
        }
        proxyMin = pMin;
        proxyMax = pMax;
        proxyLog = pLog;
        proxy = proxy == null || proxy.isEmpty() ? (RANGE.equals(quantity) ? "reco_length" : "reco_log_energy") : proxy;
        truth = truth == null || truth.isEmpty() ? (RANGE.equals(quantity) ? "true_length" : "true_energy") : truth;
        model = model == null || model.isEmpty() ? "weight" : model;
        Map<String, Map<String, Object>> sec = new LinkedHashMap<>();
        sectors.forEach((k, v) -> sec.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        sectors = Collections.unmodifiableMap(sec);
        reg = List.copyOf(reg);
        methodSettings = Collections.unmodifiableMap(new LinkedHashMap<>(methodSettings));
    }

    /** @return the true binning */
    Binning trueBinning() {
        return log ? Binning.log10(bins, min, max) : Binning.linear(bins, min, max);
    }

    /** @return the proxy binning */
    Binning proxyBinning() {
        return proxyLog ? Binning.log10(proxyBins, proxyMin, proxyMax) : Binning.linear(proxyBins, proxyMin, proxyMax);
    }

    /** @return unit of the true quantity: m (of ice) or GeV */
    String unit() {
        return RANGE.equals(quantity) ? "m" : "GeV";
    }

    /** @return axis label of the true quantity */
    String label() {
        return RANGE.equals(quantity) ? "True propagation length" : "True surface energy";
    }

    /** @return unit of the flux: per metre of ice (range) or per GeV (energy) */
    String fluxUnit() {
        return RANGE.equals(quantity) ? "m-2 s-1 sr-1 m-1" : "m-2 s-1 sr-1 GeV-1";
    }

    /**
     * @return the unfolder's settings: {@code method_settings}, for llh with {@code tau} = {@code reg}
     *         and {@code mcmc} false unless given
     */
    Map<String, Object> unfolderSettings() {
        Map<String, Object> m = new LinkedHashMap<>(methodSettings);
        if ("llh".equals(method)) {
            m.put("tau", reg);
            m.putIfAbsent("mcmc", false);
        }
        return m;
    }
}
