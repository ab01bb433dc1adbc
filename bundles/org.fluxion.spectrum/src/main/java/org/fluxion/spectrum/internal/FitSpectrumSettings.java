package org.fluxion.spectrum.internal;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code fit_spectrum} step.
 *
 * @param model           power_law or knee ({@link SpectralShape})
 * @param referenceGev    E0, GeV
 * @param smoothness      ε of the knee (fixed)
 * @param energyMinGev    lowest bin centre included, GeV (.nan: no limit)
 * @param energyMaxGev    highest bin centre included, GeV (.nan: no limit)
 * @param gamma1Start     start value of γ1
 * @param gamma2Start     start value of γ2 (knee)
 * @param kneeStartGev    start value of Ek, GeV (knee)
 * @param maxRelativeError bins with σ/Φ above this are left out (a Gaussian χ² cannot describe bins
 *                         consistent with zero, e.g. those an unfolder pins to 0)
 * @param weightExponent  k of the E^k-weighted plot
 * @param reference       a reference flux (the injected model of synthetic data): its bin averages are
 *                        fitted with the same bins, covariance and start ("Asimov" fit), giving the
 *                        parameter values the fit should reproduce, and the pulls (fit − reference)/σ
 */
public record FitSpectrumSettings(
        @Setting(description = "power_law or knee", defaultValue = "knee") SpectralShape model,
        @Setting(description = "reference energy E0 of the normalisation", unit = "GeV", defaultValue = "1e6")
        double referenceGev,
        @Setting(description = "knee smoothness epsilon (fixed in the fit)", defaultValue = "1.9") double smoothness,
        @Setting(description = "lowest bin centre in the fit; .nan for none", unit = "GeV", defaultValue = ".nan")
        double energyMinGev,
        @Setting(description = "highest bin centre in the fit; .nan for none", unit = "GeV", defaultValue = ".nan")
        double energyMaxGev,
        @Setting(description = "start value of gamma1", defaultValue = "2.7") double gamma1Start,
        @Setting(description = "start value of gamma2 (knee)", defaultValue = "3.1") double gamma2Start,
        @Setting(description = "start value of the knee energy", unit = "GeV", defaultValue = "4e6")
        double kneeStartGev,
        @Setting(description = "bins with relative error above this are left out of the fit", defaultValue = "1.0")
        double maxRelativeError,
        @Setting(description = "k of the E^k-weighted plot", defaultValue = "2.7") double weightExponent,
        @Setting(description = "reference flux fitted alike for comparison: none or kascade_synthetic",
                defaultValue = "none") ReferenceModel reference) {
    public FitSpectrumSettings {
        if (!(referenceGev > 0) || Double.isInfinite(referenceGev)) {
            throw new InvalidSettingsException("reference_gev", "must be finite and > 0 but was " + referenceGev);
        }
        if (!(smoothness > 0) || Double.isInfinite(smoothness)) {
            throw new InvalidSettingsException("smoothness", "must be finite and > 0 but was " + smoothness);
        }
        if (!Double.isNaN(energyMinGev) && !(energyMinGev > 0)) {
            throw new InvalidSettingsException("energy_min_gev", "must be > 0 or .nan but was " + energyMinGev);
        }
        if (!Double.isNaN(energyMaxGev) && !(energyMaxGev > (Double.isNaN(energyMinGev) ? 0 : energyMinGev))) {
            throw new InvalidSettingsException("energy_max_gev", "must be > energy_min_gev (" + energyMinGev
                    + ") and > 0, or .nan, but was " + energyMaxGev);
        }
        if (!(maxRelativeError > 0)) {
            throw new InvalidSettingsException("max_relative_error", "must be > 0 but was " + maxRelativeError);
        }
        if (!(kneeStartGev > 0) || Double.isInfinite(kneeStartGev)) {
            throw new InvalidSettingsException("knee_start_gev", "must be finite and > 0 but was " + kneeStartGev);
        }
        if (!Double.isFinite(gamma1Start) || !Double.isFinite(gamma2Start) || !Double.isFinite(weightExponent)) {
            throw new InvalidSettingsException("gamma1_start", "gamma1_start, gamma2_start and weight_exponent must be "
                    + "finite but were " + gamma1Start + ", " + gamma2Start + ", " + weightExponent);
        }
    }
}
