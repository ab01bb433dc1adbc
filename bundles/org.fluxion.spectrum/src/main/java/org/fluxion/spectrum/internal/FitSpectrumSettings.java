package org.fluxion.spectrum.internal;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code fit_spectrum} step.
 *
 * @param model           power_law or knee ({@link SpectralShape})
 * @param referenceGeV    E0, GeV
 * @param smoothness      ε of the knee (fixed)
 * @param energyMinGeV    lowest bin centre included, GeV (.nan: no limit)
 * @param energyMaxGeV    highest bin centre included, GeV (.nan: no limit)
 * @param gamma1Start     start value of γ1
 * @param gamma2Start     start value of γ2 (knee)
 * @param kneeStartGeV    start value of Ek, GeV (knee)
 * @param weightExponent  k of the E^k-weighted plot
 */
public record FitSpectrumSettings(
        @Setting(description = "power_law or knee", defaultValue = "knee") SpectralShape model,
        @Setting(description = "reference energy E0 of the normalisation", unit = "GeV", defaultValue = "1e6")
        double referenceGeV,
        @Setting(description = "knee smoothness epsilon (fixed in the fit)", defaultValue = "1.9") double smoothness,
        @Setting(description = "lowest bin centre in the fit; .nan for none", unit = "GeV", defaultValue = ".nan")
        double energyMinGeV,
        @Setting(description = "highest bin centre in the fit; .nan for none", unit = "GeV", defaultValue = ".nan")
        double energyMaxGeV,
        @Setting(description = "start value of gamma1", defaultValue = "2.7") double gamma1Start,
        @Setting(description = "start value of gamma2 (knee)", defaultValue = "3.1") double gamma2Start,
        @Setting(description = "start value of the knee energy", unit = "GeV", defaultValue = "4e6")
        double kneeStartGeV,
        @Setting(description = "k of the E^k-weighted plot", defaultValue = "2.7") double weightExponent) {
    public FitSpectrumSettings {
        if (!(referenceGeV > 0) || Double.isInfinite(referenceGeV)) {
            throw new InvalidSettingsException("reference_gev", "must be finite and > 0 but was " + referenceGeV);
        }
        if (!(smoothness > 0) || Double.isInfinite(smoothness)) {
            throw new InvalidSettingsException("smoothness", "must be finite and > 0 but was " + smoothness);
        }
        if (!Double.isNaN(energyMinGeV) && !(energyMinGeV > 0)) {
            throw new InvalidSettingsException("energy_min_gev", "must be > 0 or .nan but was " + energyMinGeV);
        }
        if (!Double.isNaN(energyMaxGeV) && !(energyMaxGeV > (Double.isNaN(energyMinGeV) ? 0 : energyMinGeV))) {
            throw new InvalidSettingsException("energy_max_gev", "must be > energy_min_gev (" + energyMinGeV
                    + ") and > 0, or .nan, but was " + energyMaxGeV);
        }
        if (!(kneeStartGeV > 0) || Double.isInfinite(kneeStartGeV)) {
            throw new InvalidSettingsException("knee_start_gev", "must be finite and > 0 but was " + kneeStartGeV);
        }
        if (!Double.isFinite(gamma1Start) || !Double.isFinite(gamma2Start) || !Double.isFinite(weightExponent)) {
            throw new InvalidSettingsException("gamma1_start", "gamma1_start, gamma2_start and weight_exponent must be "
                    + "finite but were " + gamma1Start + ", " + gamma2Start + ", " + weightExponent);
        }
    }
}
