package org.fluxion.spectrum.internal;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code flux} step. The flux per true bin is Φ_j = N_j / (T · A · Ω · ΔE_j) in
 * m⁻² s⁻¹ sr⁻¹ GeV⁻¹, N_j the acceptance-corrected unfolded events.
 *
 * @param areaM2            area A the events were generated over (the MC's core area), m²
 * @param solidAngleSr      Ω in sr; NaN = from the zenith range
 * @param zenithMinDeg      smallest zenith, deg
 * @param zenithMaxDeg      largest zenith, deg (used when solid_angle_sr is NaN)
 * @param horizontalArea    A is a horizontal area: Ω is the projected solid angle π(sin²θmax − sin²θmin);
 *                          otherwise A is perpendicular to each direction and Ω = 2π(cosθmin − cosθmax)
 * @param livetimeS         T in s; NaN = from the attribute of a sample
 * @param livetimeSample    sample whose attribute gives T (needs the {@code samples} input)
 * @param livetimeAttribute its attribute name
 * @param energyScale       what the true binning's values are
 * @param weightExponent    k of the E^k·Φ plot
 * @param reference         reference flux drawn with a ratio panel
 */
public record FluxSettings(
        @Setting(description = "area the events were generated over (MC core area)", unit = "m^2") double areaM2,
        @Setting(description = "solid angle; .nan = from zenith_min_deg/zenith_max_deg", unit = "sr",
                defaultValue = ".nan") double solidAngleSr,
        @Setting(description = "smallest zenith angle", unit = "deg", defaultValue = "0", min = 0, max = 90)
        double zenithMinDeg,
        @Setting(description = "largest zenith angle (when solid_angle_sr is .nan)", unit = "deg",
                defaultValue = ".nan") double zenithMaxDeg,
        @Setting(description = "area is horizontal: use the projected solid angle pi(sin^2 max - sin^2 min)",
                defaultValue = "true") boolean horizontalArea,
        @Setting(description = "livetime; .nan = from the attribute of livetime_sample", unit = "s",
                defaultValue = ".nan") double livetimeS,
        @Setting(description = "sample whose attribute holds the livetime", defaultValue = "''") String livetimeSample,
        @Setting(description = "attribute holding the livetime in s", defaultValue = "livetime_s")
        String livetimeAttribute,
        @Setting(description = "values of the true binning: lg_ev, lg_gev, ev or gev", defaultValue = "lg_ev")
        EnergyScale energyScale,
        @Setting(description = "k of the E^k-weighted flux plot", defaultValue = "2.7") double weightExponent,
        @Setting(description = "reference flux: none or kascade_synthetic", defaultValue = "none")
        ReferenceModel reference) {
    public FluxSettings {
        if (!(areaM2 > 0) || Double.isInfinite(areaM2)) {
            throw new InvalidSettingsException("area_m2", "must be finite and > 0 but was " + areaM2);
        }
        if (Double.isNaN(solidAngleSr)) {
            if (!(zenithMaxDeg > zenithMinDeg && zenithMaxDeg <= 90)) {
                throw new InvalidSettingsException("zenith_max_deg", "without solid_angle_sr give zenith_max_deg in ("
                        + zenithMinDeg + ", 90] (> zenith_min_deg) but was " + zenithMaxDeg);
            }
        } else if (!(solidAngleSr > 0 && solidAngleSr <= 4 * Math.PI)) {
            throw new InvalidSettingsException("solid_angle_sr", "must be in (0, 4pi] but was " + solidAngleSr);
        }
        if (Double.isNaN(livetimeS)) {
            if (livetimeSample.isBlank()) {
                throw new InvalidSettingsException("livetime_s", "give livetime_s (> 0) or livetime_sample (a sample "
                        + "with attribute '" + livetimeAttribute + "')");
            }
        } else if (!(livetimeS > 0) || Double.isInfinite(livetimeS)) {
            throw new InvalidSettingsException("livetime_s", "must be finite and > 0 but was " + livetimeS);
        }
        if (!Double.isFinite(weightExponent)) {
            throw new InvalidSettingsException("weight_exponent", "must be finite but was " + weightExponent);
        }
    }

    /** @return the solid angle (projected for a horizontal area) in sr */
    public double effectiveSolidAngle() {
        if (!Double.isNaN(solidAngleSr)) {
            return solidAngleSr;
        }
        double a = Math.toRadians(zenithMinDeg), b = Math.toRadians(zenithMaxDeg);
        return horizontalArea ? Math.PI * (Math.pow(Math.sin(b), 2) - Math.pow(Math.sin(a), 2))
                : 2 * Math.PI * (Math.cos(a) - Math.cos(b));
    }
}
