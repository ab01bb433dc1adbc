package org.fluxion.masterclass.internal;

import java.util.Locale;
import java.util.Map;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code mass_group_unfolding} step. Immutable; null maps are taken as empty.
 *
 * @param data                measured sample (lg Ne, lg Nμ)
 * @param simulation          simulated sample (true lg E, lg Ne, lg Nμ, primary)
 * @param dataColumns         quantity (lg_ne, lg_nmu) → column of the data; others by KCDC name
 * @param simulationColumns   quantity (lg_e, lg_ne, lg_nmu, primary) → column of the simulation
 * @param lgNeBins            lg Ne bins of the observed plane
 * @param lgNeMin             lower lg Ne edge
 * @param lgNeMax             upper lg Ne edge
 * @param lgNmuBins           lg Nμ bins of the observed plane
 * @param lgNmuMin            lower lg Nμ edge
 * @param lgNmuMax            upper lg Nμ edge
 * @param lgEBins             true-energy bins per mass group
 * @param lgEMin              lower true-energy edge, lg(E/eV)
 * @param lgEMax              upper true-energy edge, lg(E/eV)
 * @param generatedIndex      γ of the simulation's E^-γ generation spectrum (every primary)
 * @param generatedLgEMin     lower generation limit, lg(E/eV)
 * @param generatedLgEMax     upper generation limit, lg(E/eV)
 * @param fullEfficiencyAbove the selection keeps every simulated shower of every primary above this
 *                            lg(E/eV): fixes the unknown number thrown per primary (as {@code unfold}'s
 *                            {@code generation.full_efficiency_above})
 * @param weightToIndex       the response is filled for E^-weight_to_index within each true bin
 *                            (= generated_index: unweighted)
 * @param method              unfolder id
 * @param methodSettings      the unfolder's settings
 * @param areaM2              area the simulated cores were thrown over, m²
 * @param zenithMaxDeg        largest zenith angle; Ω = π sin²θmax (horizontal array), sr
 * @param livetimeS           livetime of the data, s
 * @param weightExponent      k of the E^k-weighted flux plot
 * @param reference           injected spectra drawn for comparison
 * @param compositionWeightColumn name of the weight column added to the simulation in the {@code samples}
 *                            output
 */
public record MassGroupUnfoldingSettings(
        @Setting(description = "Measured sample", defaultValue = "data") String data,
        @Setting(description = "Simulated sample with the primary and the true energy", defaultValue = "simulation")
        String simulation,
        @Setting(description = "Columns of the data: lg_ne, lg_nmu -> column name; missing ones are found by "
                + "their KCDC names (Ne, Nmu, ...)", defaultValue = "{}") Map<String, String> dataColumns,
        @Setting(description = "Columns of the simulation: lg_e, lg_ne, lg_nmu, primary -> column name; missing "
                + "ones are found by their KCDC names (lgE, lgNe, lgNmu, Particle, ...)", defaultValue = "{}")
        Map<String, String> simulationColumns,
        @Setting(description = "lg(Ne) bins of the observed plane", defaultValue = "40", min = 1, max = 1000)
        int lgNeBins,
        @Setting(description = "Lower lg(Ne) edge", unit = "lg(Ne)", defaultValue = "3.9") double lgNeMin,
        @Setting(description = "Upper lg(Ne) edge", unit = "lg(Ne)", defaultValue = "7.9") double lgNeMax,
        @Setting(description = "lg(Nmu) bins of the observed plane", defaultValue = "32", min = 1, max = 1000)
        int lgNmuBins,
        @Setting(description = "Lower lg(Nmu) edge", unit = "lg(Nmu)", defaultValue = "3.4") double lgNmuMin,
        @Setting(description = "Upper lg(Nmu) edge", unit = "lg(Nmu)", defaultValue = "6.6") double lgNmuMax,
        @Setting(description = "True-energy bins per mass group", defaultValue = "20", min = 1, max = 200)
        int lgEBins,
        @Setting(description = "Lower true-energy edge", unit = "lg(E/eV)", defaultValue = "14.0") double lgEMin,
        @Setting(description = "Upper true-energy edge", unit = "lg(E/eV)", defaultValue = "18.0") double lgEMax,
        @Setting(description = "Spectral index the simulation was generated with (every primary)",
                defaultValue = "2.0", min = 0, max = 10) double generatedIndex,
        @Setting(description = "Lower generation limit of the simulation", unit = "lg(E/eV)", defaultValue = "14.0")
        double generatedLgEMin,
        @Setting(description = "Upper generation limit of the simulation", unit = "lg(E/eV)", defaultValue = "18.0")
        double generatedLgEMax,
        @Setting(description = "Every simulated shower of every primary above this energy passes the selection: "
                + "fixes the number thrown per primary, which the KCDC file does not record", unit = "lg(E/eV)",
                defaultValue = "16.0") double fullEfficiencyAbove,
        @Setting(description = "Spectral index the response is filled for within each true bin; equal to "
                + "generated_index for unweighted", defaultValue = "2.7", min = 0, max = 10) double weightToIndex,
        @Setting(description = "Unfolder id (any installed one; KASCADE used gold)", defaultValue = "gold")
        String method,
        @Setting(description = "Settings of the chosen unfolder (see its README)", defaultValue = "{}")
        Map<String, Object> methodSettings,
        @Setting(description = "Area the simulated shower cores were thrown over (KCDC: pi 91^2)", unit = "m^2",
                defaultValue = "26015.5") double areaM2,
        @Setting(description = "Largest zenith angle; the solid angle of the flat array is pi sin^2(max)",
                unit = "deg", defaultValue = "45", min = 0, max = 90) double zenithMaxDeg,
        @Setting(description = "Livetime of the data", unit = "s") double livetimeS,
        @Setting(description = "k of the E^k-weighted flux plot", defaultValue = "2.7") double weightExponent,
        @Setting(description = "Injected spectra drawn for comparison: none or kascade_synthetic",
                defaultValue = "none") InjectedSpectra reference,
        @Setting(description = "Column added to the simulation in the samples output: per shower the weight that "
                + "gives the simulation the unfolded mass composition", defaultValue = "composition_weight")
        String compositionWeightColumn) {

    public MassGroupUnfoldingSettings {
        data = data == null ? "" : data.strip();
        simulation = simulation == null ? "" : simulation.strip();
        dataColumns = dataColumns == null ? Map.of() : Map.copyOf(dataColumns);
        simulationColumns = simulationColumns == null ? Map.of() : Map.copyOf(simulationColumns);
        methodSettings = methodSettings == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(methodSettings));
        method = method == null ? "" : method.strip();
        reference = reference == null ? InjectedSpectra.NONE : reference;
        compositionWeightColumn = compositionWeightColumn == null ? "" : compositionWeightColumn.strip();
        if (compositionWeightColumn.isEmpty()) {
            throw new InvalidSettingsException("composition_weight_column", "must name a column but was empty");
        }
        if (data.isEmpty() || simulation.isEmpty()) {
            throw new InvalidSettingsException(data.isEmpty() ? "data" : "simulation",
                    "both 'data' and 'simulation' must name samples but got data='" + data + "', simulation='"
                            + simulation + "'");
        }
        if (method.isEmpty()) {
            throw new InvalidSettingsException("method", "'method' must name an installed unfolder (e.g. gold)");
        }
        range("lg_ne_min", "lg_ne_max", lgNeMin, lgNeMax);
        range("lg_nmu_min", "lg_nmu_max", lgNmuMin, lgNmuMax);
        range("lg_e_min", "lg_e_max", lgEMin, lgEMax);
        range("generated_lg_e_min", "generated_lg_e_max", generatedLgEMin, generatedLgEMax);
        if (lgEMin < generatedLgEMin || lgEMax > generatedLgEMax) {
            throw new InvalidSettingsException("lg_e_min", String.format(Locale.ROOT, "the true range [%s, %s] must lie "
                    + "inside the generation range [%s, %s]: no efficiency can be derived outside it", lgEMin, lgEMax,
                    generatedLgEMin, generatedLgEMax));
        }
        if (!(fullEfficiencyAbove >= lgEMin && fullEfficiencyAbove < lgEMax)) {
            throw new InvalidSettingsException("full_efficiency_above", "must lie in [lg_e_min, lg_e_max) = [" + lgEMin
                    + ", " + lgEMax + ") but was " + fullEfficiencyAbove);
        }
        if (!(areaM2 > 0) || Double.isInfinite(areaM2)) {
            throw new InvalidSettingsException("area_m2", "must be finite and > 0 but was " + areaM2);
        }
        if (!(zenithMaxDeg > 0 && zenithMaxDeg <= 90)) {
            throw new InvalidSettingsException("zenith_max_deg", "must be in (0, 90] but was " + zenithMaxDeg);
        }
        if (!(livetimeS > 0) || Double.isInfinite(livetimeS)) {
            throw new InvalidSettingsException("livetime_s", "must be finite and > 0 but was " + livetimeS);
        }
        if (!Double.isFinite(weightExponent)) {
            throw new InvalidSettingsException("weight_exponent", "must be finite but was " + weightExponent);
        }
    }

    private static void range(String lowKey, String highKey, double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(high > low)) {
            throw new InvalidSettingsException(highKey, "need finite " + lowKey + " < " + highKey + " but got " + low
                    + ", " + high);
        }
    }

    /** @return the lg(Ne) binning of the observed plane */
    Binning lgNeBinning() {
        return Binning.linear(lgNeBins, lgNeMin, lgNeMax);
    }

    /** @return the lg(Nμ) binning of the observed plane */
    Binning lgNmuBinning() {
        return Binning.linear(lgNmuBins, lgNmuMin, lgNmuMax);
    }

    /** @return the true-energy binning of every mass group, lg(E/eV) */
    Binning lgEBinning() {
        return Binning.linear(lgEBins, lgEMin, lgEMax);
    }

    /** @return the projected solid angle π sin²θmax of a flat array, sr */
    double solidAngleSr() {
        return Math.PI * Math.pow(Math.sin(Math.toRadians(zenithMaxDeg)), 2);
    }
}
