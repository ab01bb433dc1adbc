package org.fluxion.masterclass.internal;

import java.util.List;
import java.util.Map;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code energy_estimator} step. Immutable; null maps are taken as empty.
 *
 * @param simulation          simulated sample with the true energy and the primary
 * @param simulationColumns   quantity (lg_e, lg_ne, lg_nmu, zenith, primary) → column
 * @param data                measured sample whose energy column is compared with the relation, "" for none
 * @param dataColumns         quantity (lg_e, lg_ne, lg_nmu, zenith) → column of the data
 * @param intercept           a in lg(E/eV) = a + b lgNe + c lgNμ + d (secθ − 1)
 * @param electronCoefficient b
 * @param muonCoefficient     c
 * @param zenithCoefficient   d
 * @param lgEBins             true-energy bins
 * @param lgEMin              lower edge, lg(E/eV)
 * @param lgEMax              upper edge, lg(E/eV)
 * @param minEvents           bins with fewer events are not plotted
 * @param differenceBins      bins of the lg E_est − lg E_true histograms
 * @param differenceRange     [min, max] of those histograms
 */
public record EnergyEstimatorSettings(
        @Setting(description = "Simulated sample with the true energy and the primary", defaultValue = "simulation")
        String simulation,
        @Setting(description = "Columns of the simulation: lg_e (true), lg_ne, lg_nmu, zenith, primary -> column",
                defaultValue = "{}") Map<String, String> simulationColumns,
        @Setting(description = "Measured sample whose energy column is compared with the relation; empty for none",
                defaultValue = "data") String data,
        @Setting(description = "Columns of the data: lg_e, lg_ne, lg_nmu, zenith -> column", defaultValue = "{}")
        Map<String, String> dataColumns,
        @Setting(description = "a in lg(E/eV) = a + b lgNe + c lgNmu + d (sec(theta) - 1)", unit = "lg(E/eV)",
                defaultValue = "10.83") double intercept,
        @Setting(description = "b, the lgNe coefficient", defaultValue = "0.347") double electronCoefficient,
        @Setting(description = "c, the lgNmu coefficient", defaultValue = "0.609") double muonCoefficient,
        @Setting(description = "d, the sec(theta) - 1 coefficient", defaultValue = "1.29") double zenithCoefficient,
        @Setting(description = "True-energy bins", defaultValue = "16", min = 1, max = 1000) int lgEBins,
        @Setting(description = "Lower true-energy edge", unit = "lg(E/eV)", defaultValue = "14.0") double lgEMin,
        @Setting(description = "Upper true-energy edge", unit = "lg(E/eV)", defaultValue = "18.0") double lgEMax,
        @Setting(description = "Energy bins with fewer events are not plotted", defaultValue = "20", min = 2)
        int minEvents,
        @Setting(description = "Bins of the lg E_est - lg E_true histograms", defaultValue = "60", min = 5,
                max = 10000) int differenceBins,
        @Setting(description = "Range [min, max] of the lg E_est - lg E_true histograms", unit = "lg(E/eV)",
                defaultValue = "[-0.6, 0.6]") List<Double> differenceRange) {

    public EnergyEstimatorSettings {
        simulation = simulation == null ? "" : simulation.strip();
        data = data == null ? "" : data.strip();
        simulationColumns = simulationColumns == null ? Map.of() : Map.copyOf(simulationColumns);
        dataColumns = dataColumns == null ? Map.of() : Map.copyOf(dataColumns);
        if (simulation.isEmpty()) {
            throw new InvalidSettingsException("simulation", "'simulation' must name the simulated sample but was ''");
        }
        for (double c : new double[] { intercept, electronCoefficient, muonCoefficient, zenithCoefficient }) {
            if (!Double.isFinite(c)) {
                throw new InvalidSettingsException("intercept", "the coefficients must be finite but were intercept="
                        + intercept + ", electron_coefficient=" + electronCoefficient + ", muon_coefficient="
                        + muonCoefficient + ", zenith_coefficient=" + zenithCoefficient);
            }
        }
        if (lgEBins < 1) {
            throw new InvalidSettingsException("lg_e_bins", "'lg_e_bins' must be >= 1 but was " + lgEBins);
        }
        if (!(lgEMax > lgEMin) || !Double.isFinite(lgEMin) || !Double.isFinite(lgEMax)) {
            throw new InvalidSettingsException("lg_e_max", "need finite lg_e_min < lg_e_max but got lg_e_min="
                    + lgEMin + ", lg_e_max=" + lgEMax);
        }
        if (minEvents < 2) {
            throw new InvalidSettingsException("min_events", "'min_events' must be >= 2 but was " + minEvents);
        }
        if (differenceBins < 5) {
            throw new InvalidSettingsException("difference_bins", "'difference_bins' must be >= 5 but was "
                    + differenceBins);
        }
        differenceRange = MuonElectronRatioSettings.range("difference_range", differenceRange);
    }

    /** @return the relation */
    KcdcEnergyEstimator estimator() {
        return new KcdcEnergyEstimator(intercept, electronCoefficient, muonCoefficient, zenithCoefficient);
    }

    /** @return the true-energy binning */
    Binning energyBinning() {
        return Binning.linear(lgEBins, lgEMin, lgEMax);
    }

    /** @return the binning of lg E_est − lg E_true */
    Binning differenceBinning() {
        return Binning.linear(differenceBins, differenceRange.get(0), differenceRange.get(1));
    }
}
