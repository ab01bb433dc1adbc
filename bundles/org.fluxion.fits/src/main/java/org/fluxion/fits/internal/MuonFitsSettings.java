package org.fluxion.fits.internal;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code muon_fits} step (the seed's {@code range_fit}, {@code energy_fit},
 * {@code mceq_path}, and the fit's own choices).
 *
 * @param rangeFit           fit a, b to the propagation-length flux
 * @param energyFit          fit Φ0, γ to the surface-energy flux
 * @param mceqPath           theory table (MCEq-style CSV); "" for none
 * @param theoryColumn       the table's column used as the theory flux
 * @param rangeModel         how Φ_E is modelled in the range fit
 * @param fixIndex           γ of the power-law range model; NaN = free
 * @param fixNormalisation   normalisation of the theory range model; NaN = free
 * @param normalisationFromEnergyFit take that normalisation from the energy flux relative to the theory
 * @param phi0               Φ0 of the power-law range model at E0; NaN = the energy fit's
 * @param aStart             start value of a
 * @param bStart             start value of b
 * @param gammaStart         start value of γ (energy fit; power-law range model)
 * @param density            mwe per m of ice
 * @param referenceEnergyGev E0 of the power laws
 * @param straggling         fold the range model with the lognormal straggling of the synthetic generator
 * @param syntheticTruth     mark the injected values of the synthetic samples in plots and summaries
 * @param quadratureNodes    Gauss–Legendre nodes per bin in ln L and in cosθ
 * @param contourRays        rays used to trace each (a, b) contour; 0 = no contour
 */
public record MuonFitsSettings(
        @Setting(description = "fit the energy-loss parameters a and b to the unfolded propagation-length flux",
                defaultValue = "false") boolean rangeFit,
        @Setting(description = "fit normalisation and spectral index to the unfolded surface-energy flux",
                defaultValue = "false") boolean energyFit,
        @Setting(description = "MCEq-style theory table (e_grid [GeV], zenith [deg], flux columns); empty for none",
                defaultValue = "''") String mceqPath,
        @Setting(description = "theory-table column used as the theory flux (conventional, prompt or total)",
                defaultValue = "total") String theoryColumn,
        @Setting(description = "surface flux model of the range fit: auto (theory if mceq_path is set, else "
                + "power_law), theory (table shape x free normalisation) or power_law (fixed phi0)",
                defaultValue = "auto") RangeModel rangeModel,
        @Setting(description = "spectral index of the power-law range model; .nan = free", defaultValue = ".nan")
        double fixIndex,
        @Setting(description = "normalisation of the theory range model (1 = the table's absolute flux); .nan = free "
                + "(then a is only constrained by the spectrum's curvature: it correlates strongly with the "
                + "normalisation)", defaultValue = ".nan") double fixNormalisation,
        @Setting(description = "with energy_fit, a theory table and fix_normalisation .nan: fix the theory range model's "
                + "normalisation to the unfolded surface-energy flux's normalisation relative to the theory (weighted "
                + "with its covariance), so that a is constrained by the measured flux level", defaultValue = "true")
        boolean normalisationFromEnergyFit,
        @Setting(description = "normalisation at E0 of the power-law range model; .nan = the energy fit's phi0",
                unit = "m-2 s-1 sr-1 GeV-1", defaultValue = ".nan") double phi0,
        @Setting(description = "start value of a", unit = "GeV/mwe", defaultValue = "0.25", min = 1e-6) double aStart,
        @Setting(description = "start value of b", unit = "1/mwe", defaultValue = "3.5e-4", min = 1e-9) double bStart,
        @Setting(description = "start value of the spectral index", defaultValue = "3.7") double gammaStart,
        @Setting(description = "density of ice", unit = "mwe/m", defaultValue = "0.917", min = 1e-6) double density,
        @Setting(description = "reference energy E0 of the power laws", unit = "GeV", defaultValue = "1000", min = 1e-9)
        double referenceEnergyGev,
        @Setting(description = "fold the range model with the lognormal range straggling of the synthetic generator "
                + "(sigma_lnR = clip(0.10 + 0.10 log10(E/TeV), 0.06, 0.35))", defaultValue = "false") boolean straggling,
        @Setting(description = "mark the injected values of the synthetic samples (a = 0.259 GeV/mwe, "
                + "b = 3.63e-4 /mwe, true sky 0.92 Gaisser (E/TeV)^-0.04) in plots and summaries",
                defaultValue = "true") boolean syntheticTruth,
        @Setting(description = "Gauss-Legendre nodes per bin in ln L and in cos(zenith)", defaultValue = "12", min = 2,
                max = 64) int quadratureNodes,
        @Setting(description = "rays per (a, b) contour; 0 = no contour plot", defaultValue = "48", min = 0,
                max = 720) int contourRays) {
    public MuonFitsSettings {
        if (mceqPath == null) {
            mceqPath = "";
        }
        if (!(aStart > 0) || !(bStart > 0) || !Double.isFinite(aStart) || !Double.isFinite(bStart)) {
            throw new InvalidSettingsException("a_start", "a_start and b_start must be finite and > 0 but were " + aStart
                    + " and " + bStart);
        }
        if (!Double.isFinite(gammaStart)) {
            throw new InvalidSettingsException("gamma_start", "must be finite but was " + gammaStart);
        }
        if (!Double.isNaN(fixIndex) && !Double.isFinite(fixIndex)) {
            throw new InvalidSettingsException("fix_index", "must be finite or .nan but was " + fixIndex);
        }
        if (!Double.isNaN(fixNormalisation) && !(fixNormalisation > 0 && Double.isFinite(fixNormalisation))) {
            throw new InvalidSettingsException("fix_normalisation", "must be finite and > 0, or .nan, but was "
                    + fixNormalisation);
        }
        if (!Double.isNaN(phi0) && !(phi0 > 0 && Double.isFinite(phi0))) {
            throw new InvalidSettingsException("phi0", "must be finite and > 0, or .nan, but was " + phi0);
        }
        if (!(density > 0) || !Double.isFinite(density)) {
            throw new InvalidSettingsException("density", "must be finite and > 0 but was " + density);
        }
        if (!(referenceEnergyGev > 0) || !Double.isFinite(referenceEnergyGev)) {
            throw new InvalidSettingsException("reference_energy_gev", "must be finite and > 0 but was "
                    + referenceEnergyGev);
        }
        if (quadratureNodes < 2 || quadratureNodes > 64) {
            throw new InvalidSettingsException("quadrature_nodes", "must be in [2, 64] but was " + quadratureNodes);
        }
        if (contourRays != 0 && (contourRays < 8 || contourRays > 720)) {
            throw new InvalidSettingsException("contour_rays", "must be 0 or in [8, 720] but was " + contourRays);
        }
        if (rangeModel == RangeModel.THEORY && mceqPath.isBlank()) {
            throw new InvalidSettingsException("range_model", "'theory' needs mceq_path (the theory table) but "
                    + "mceq_path is empty");
        }
    }

    /** @return the range model with AUTO resolved */
    RangeModel resolvedRangeModel() {
        if (rangeModel != RangeModel.AUTO) {
            return rangeModel;
        }
        return mceqPath.isBlank() ? RangeModel.POWER_LAW : RangeModel.THEORY;
    }
}
