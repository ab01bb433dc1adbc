package org.fluxion.effarea.internal;

import java.util.List;
import java.util.Locale;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;
import org.fluxion.effarea.EffectiveAreaSpec;
import org.fluxion.effarea.ZenithBands;

/**
 * Settings of the {@code effective_area} step: one instance computes one quantity. Binning and
 * column defaults follow {@code quantity}; .nan / 0 / null mean "the quantity's default".
 *
 * @param quantity        {@code range} (propagation length, m of ice) or {@code energy} (surface energy, GeV)
 * @param trueColumn      true column of both samples; "" = true_length (range) or true_energy (energy)
 * @param zenithColumn    true zenith column of the L0 sample, rad
 * @param l0              untriggered (L0) sample
 * @param mc              selected level-2 MC sample
 * @param weight          flux-model weight column of both samples, Hz
 * @param min             lower edge; .nan = 1500 m (range) or 300 GeV (energy)
 * @param max             upper edge; .nan = 15000 m (range) or 1e5 GeV (energy)
 * @param bins            number of bins; 0 = 12 (range) or 10 (energy)
 * @param log             log10-spaced edges; null = true
 * @param iterations      bootstrap replicas; 0 = analytic errors
 * @param includeSystUnc  add the flux-model systematic (see README)
 * @param systModels      weight columns of the other flux models for the systematic
 * @param load            reload the previous run's result instead of computing
 * @param halfHeight      detector half height h, m (range bands)
 * @param originDepth     depth of the detector origin in the slant-depth formula, m
 * @param earthRadius     Earth radius, m
 * @param zenithMax       largest zenith angle, deg; .nan = L0 attribute zenith_max_deg
 */
public record EffectiveAreaSettings(
        @Setting(description = "quantity: range (propagation length, m of ice) or energy (surface energy, GeV)")
        String quantity,
        @Setting(description = "true column of both samples; empty = true_length (range) or true_energy (energy)",
                defaultValue = "''") String trueColumn,
        @Setting(description = "true zenith column of the L0 sample", unit = "rad", defaultValue = "true_zenith")
        String zenithColumn,
        @Setting(description = "untriggered (L0) MC sample (a cut exception)", defaultValue = "mc_l0") String l0,
        @Setting(description = "selected level-2 MC sample", defaultValue = "mc") String mc,
        @Setting(description = "flux-model weight column of both samples", unit = "Hz", defaultValue = "weight")
        String weight,
        @Setting(description = "lower bin edge; .nan = 1500 m (range) or 300 GeV (energy)", defaultValue = ".nan")
        double min,
        @Setting(description = "upper bin edge; .nan = 15000 m (range) or 1e5 GeV (energy)", defaultValue = ".nan")
        double max,
        @Setting(description = "number of bins; 0 = 12 (range) or 10 (energy)", defaultValue = "0", min = 0,
                max = 10000) int bins,
        @Setting(description = "log10-spaced edges; null = true", defaultValue = "null") Boolean log,
        @Setting(description = "bootstrap replicas (seed key effective_area_iteration_number); 0 = analytic errors",
                defaultValue = "100", min = 0, max = 1_000_000) int iterations,
        @Setting(description = "add the flux-model systematic: max |A_eff(model) - A_eff| over syst_models "
                + "(seed key include_effective_area_syst_unc)", defaultValue = "false") boolean includeSystUnc,
        @Setting(description = "weight columns of the other flux models for the systematic (those present are used)",
                defaultValue = "[GaisserH4aWeight, GlobalFitGSTWeight]") List<String> systModels,
        @Setting(description = "reload effective_area.json of the previous run instead of computing "
                + "(seed keys load_effective_area_range / _energy)", defaultValue = "false") boolean load,
        @Setting(description = "detector half height h (range bands: stop z in [-h, h])", unit = "m",
                defaultValue = "500.0") double halfHeight,
        @Setting(description = "depth of the detector origin in L(theta, z), r = R_E - origin_depth + z", unit = "m",
                defaultValue = "1950.0") double originDepth,
        @Setting(description = "Earth radius", unit = "m", defaultValue = "6371000.0") double earthRadius,
        @Setting(description = "largest zenith angle; .nan = L0 attribute zenith_max_deg", unit = "deg",
                defaultValue = ".nan") double zenithMax) {

    /** The {@code quantity} value of propagation-length areas. */
    public static final String RANGE = "range";
    /** The {@code quantity} value of surface-energy areas. */
    public static final String ENERGY = "energy";

    public EffectiveAreaSettings {
        quantity = quantity == null ? "" : quantity.strip().toLowerCase(Locale.ROOT);
        if (!quantity.equals(RANGE) && !quantity.equals(ENERGY)) {
            throw new InvalidSettingsException("quantity", "'quantity' must be range or energy but was '" + quantity + "'");
        }
        trueColumn = trueColumn == null || trueColumn.isBlank()
                ? (isRange(quantity) ? "true_length" : "true_energy") : trueColumn.strip();
        zenithColumn = requireName("zenith_column", zenithColumn);
        l0 = requireName("l0", l0);
        mc = requireName("mc", mc);
        weight = requireName("weight", weight);
        if (Double.isNaN(min)) {
            min = isRange(quantity) ? 1500.0 : 300.0;
        }
        if (Double.isNaN(max)) {
            max = isRange(quantity) ? 15000.0 : 1.0e5;
        }
        if (bins == 0) {
            bins = isRange(quantity) ? 12 : 10;
        }
        if (log == null) {
            log = Boolean.TRUE;
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new InvalidSettingsException("max", "need finite min < max but got min=" + min + ", max=" + max);
        }
        if (log && !(min > 0)) {
            throw new InvalidSettingsException("min", "log-spaced bins need min > 0 but min was " + min);
        }
        if (bins < 1) {
            throw new InvalidSettingsException("bins", "'bins' must be >= 1 but was " + bins);
        }
        if (iterations < 0) {
            throw new InvalidSettingsException("iterations", "'iterations' must be >= 0 but was " + iterations);
        }
        systModels = systModels == null ? List.of() : List.copyOf(systModels);
        for (String m : systModels) {
            if (m == null || m.isBlank()) {
                throw new InvalidSettingsException("syst_models", "'syst_models' must not contain blank names: " + systModels);
            }
        }
        if (includeSystUnc && systModels.isEmpty()) {
            throw new InvalidSettingsException("syst_models", "'include_syst_unc: true' needs at least one weight column "
                    + "in 'syst_models' but it is empty");
        }
        if (!(halfHeight > 0) || !(originDepth > halfHeight) || !(earthRadius > originDepth + halfHeight)) {
            throw new InvalidSettingsException("half_height", "need 0 < half_height < origin_depth and "
                    + "origin_depth + half_height < earth_radius but got half_height=" + halfHeight + " m, origin_depth="
                    + originDepth + " m, earth_radius=" + earthRadius + " m");
        }
        if (!Double.isNaN(zenithMax) && !(zenithMax > 0 && zenithMax <= (isRange(quantity) ? 89.999 : 180))) {
            throw new InvalidSettingsException("zenith_max", "'zenith_max' must be in (0, " + (isRange(quantity) ? "90" : "180")
                    + ") deg but was " + zenithMax);
        }
    }

    private static boolean isRange(String q) {
        return RANGE.equals(q);
    }

    private static String requireName(String key, String v) {
        if (v == null || v.isBlank()) {
            throw new InvalidSettingsException(key, "'" + key + "' must not be empty");
        }
        return v.strip();
    }

    /** @return whether this instance computes the propagation-length area */
    boolean range() {
        return isRange(quantity);
    }

    /** @return the true bins */
    Binning binning() {
        return log ? Binning.log10(bins, min, max) : Binning.linear(bins, min, max);
    }

    /** @return the spec for a zenith range of {@code zenithMaxDeg} */
    EffectiveAreaSpec spec(double zenithMaxDeg) {
        ZenithBands bands = range() ? new ZenithBands.SlantDepth(halfHeight, originDepth, earthRadius, zenithMaxDeg)
                : ZenithBands.fullRange(zenithMaxDeg);
        return new EffectiveAreaSpec(range() ? EffectiveAreaSpec.PROPAGATION_LENGTH : EffectiveAreaSpec.SURFACE_ENERGY,
                trueColumn, zenithColumn, range() ? "m" : "GeV", binning(), weight, bands);
    }
}
