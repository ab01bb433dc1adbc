package org.fluxion.masterclass.internal;

import java.util.List;
import java.util.Map;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code muon_electron_ratio} step. Immutable; null maps and lists are taken as empty.
 *
 * @param data              measured sample, "" for none
 * @param simulation        simulated sample with the primary column, "" for none
 * @param dataColumns       quantity (lg_e, lg_ne, lg_nmu) → column of the data; others by KCDC name
 * @param simulationColumns quantity (lg_e, lg_ne, lg_nmu, primary) → column of the simulation
 * @param ratio             which ratio(s) to study
 * @param bins              bins of the ratio histograms
 * @param muOverERange      [min, max] of the lgNμ/lgNe histograms
 * @param eOverMuRange      [min, max] of the lgNe/lgNμ histograms
 * @param generatedIndex    spectral index the simulation was generated with
 * @param weightToIndex     spectral index the simulation is weighted to (= generated_index: unweighted)
 * @param lgEBins           energy bins of the ratio-versus-energy plot
 * @param lgEMin            lower edge, lg(E/eV)
 * @param lgEMax            upper edge, lg(E/eV)
 * @param minEvents         energy bins with fewer events are left out of the ratio-versus-energy plot
 */
public record MuonElectronRatioSettings(
        @Setting(description = "Measured sample; empty for none", defaultValue = "data") String data,
        @Setting(description = "Simulated sample with the primary column; empty for none",
                defaultValue = "simulation") String simulation,
        @Setting(description = "Columns of the data: lg_e, lg_ne, lg_nmu -> column name; missing ones are "
                + "found by their KCDC names (E, Ne, Nmu, ...)", defaultValue = "{}") Map<String, String> dataColumns,
        @Setting(description = "Columns of the simulation: lg_e, lg_ne, lg_nmu, primary -> column name; missing "
                + "ones are found by their KCDC names (lgE, lgNe, lgNmu, Particle, ...)", defaultValue = "{}")
        Map<String, String> simulationColumns,
        @Setting(description = "Which ratio: mu_over_e (lgNmu/lgNe), e_over_mu (lgNe/lgNmu) or both",
                defaultValue = "both") RatioKind ratio,
        @Setting(description = "Bins of the ratio histograms", defaultValue = "100", min = 5, max = 10000) int bins,
        @Setting(description = "Range [min, max] of the lgNmu/lgNe histograms", defaultValue = "[0.7, 1.2]")
        List<Double> muOverERange,
        @Setting(description = "Range [min, max] of the lgNe/lgNmu histograms", defaultValue = "[0.8, 1.4]")
        List<Double> eOverMuRange,
        @Setting(description = "Spectral index the simulation was generated with (KCDC: E^-2)", defaultValue = "2.0",
                min = 0, max = 10) double generatedIndex,
        @Setting(description = "Spectral index the simulation is weighted to, to look like data; equal to "
                + "generated_index for no weighting", defaultValue = "2.7", min = 0, max = 10) double weightToIndex,
        @Setting(description = "Energy bins of the ratio-versus-energy plot", defaultValue = "16", min = 1,
                max = 1000) int lgEBins,
        @Setting(description = "Lower energy edge", unit = "lg(E/eV)", defaultValue = "14.0") double lgEMin,
        @Setting(description = "Upper energy edge", unit = "lg(E/eV)", defaultValue = "18.0") double lgEMax,
        @Setting(description = "Energy bins with fewer events are not plotted", defaultValue = "20", min = 2)
        int minEvents) {

    /** Which ratio(s) the step studies. */
    public enum RatioKind {
        /** lgNμ / lgNe. */
        MU_OVER_E,
        /** lgNe / lgNμ. */
        E_OVER_MU,
        /** both. */
        BOTH
    }

    public MuonElectronRatioSettings {
        data = data == null ? "" : data.strip();
        simulation = simulation == null ? "" : simulation.strip();
        dataColumns = dataColumns == null ? Map.of() : Map.copyOf(dataColumns);
        simulationColumns = simulationColumns == null ? Map.of() : Map.copyOf(simulationColumns);
        if (ratio == null) {
            ratio = RatioKind.BOTH;
        }
        if (data.isEmpty() && simulation.isEmpty()) {
            throw new InvalidSettingsException("data", "'data' and 'simulation' are both empty: nothing to study");
        }
        if (!data.isEmpty() && data.equals(simulation)) {
            throw new InvalidSettingsException("simulation", "'simulation' names the same sample as 'data': '"
                    + data + "'");
        }
        if (bins < 5) {
            throw new InvalidSettingsException("bins", "'bins' must be >= 5 but was " + bins);
        }
        muOverERange = range("mu_over_e_range", muOverERange);
        eOverMuRange = range("e_over_mu_range", eOverMuRange);
        if (!(weightToIndex >= 0) || !(generatedIndex >= 0)) {
            throw new InvalidSettingsException("weight_to_index", "spectral indices must be >= 0 but were "
                    + "generated_index=" + generatedIndex + ", weight_to_index=" + weightToIndex);
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
    }

    static List<Double> range(String key, List<Double> r) {
        if (r == null || r.size() != 2 || r.get(0) == null || r.get(1) == null || !Double.isFinite(r.get(0))
                || !Double.isFinite(r.get(1)) || !(r.get(1) > r.get(0))) {
            throw new InvalidSettingsException(key, "'" + key + "' must be [min, max] with finite min < max but was "
                    + r);
        }
        return List.copyOf(r);
    }

    /** @return the ratios to study, in order */
    List<RatioKind> kinds() {
        return switch (ratio) {
            case BOTH -> List.of(RatioKind.MU_OVER_E, RatioKind.E_OVER_MU);
            default -> List.of(ratio);
        };
    }

    /** @return the histogram binning of {@code kind} */
    Binning binning(RatioKind kind) {
        List<Double> r = kind == RatioKind.MU_OVER_E ? muOverERange : eOverMuRange;
        return Binning.linear(bins, r.get(0), r.get(1));
    }

    /** @return the energy binning */
    Binning energyBinning() {
        return Binning.linear(lgEBins, lgEMin, lgEMax);
    }

    /** @return the simulation weights */
    SpectrumWeights weights() {
        return new SpectrumWeights(generatedIndex, weightToIndex);
    }
}
