package org.fluxion.recocheck.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code reco_checks} step: the seed's "Reconstructions" flags and {@code observables}, and
 * the column and sample names they use (defaults of the standard configuration). Immutable.
 *
 * @param evaluateScoreDistribution score distribution by true class with data, and purity/efficiency vs cut
 * @param plotMultiplicity          true muon and stopping-muon multiplicities vs the reconstructed one
 * @param plotCorrelations          truth vs reconstruction, bias and resolution
 * @param plotDataMcAgreement       data vs MC for every reconstruction and flux model
 * @param analyseMiScores           mutual information of the observables with the targets
 * @param observables               proxy columns for the mutual information
 * @param mc                        MC sample name
 * @param data                      data sample name ("" for none)
 * @param score                     stopping-score column
 * @param scoreCut                  the analysis' score cut (events with score >= cut are kept)
 * @param scoreBins                 bins of the score histogram on [0, 1]
 * @param trueClass                 true class column: 0 single, 1 multiple, 2 not stopping
 * @param multiplicity              reconstructed multiplicity column
 * @param nMuons                    true muons-per-bundle column
 * @param nStopping                 true stopping-muons column
 * @param maxMultiplicity           largest multiplicity shown
 * @param correlations              truth/reco pairs
 * @param correlationBins           bins per axis of the truth-vs-reco maps
 * @param reconstructions           columns compared between data and MC
 * @param dataMcBins                bins of the data/MC histograms of continuous columns
 * @param models                    flux-model weight columns (Hz per event) compared with the data
 * @param miTargets                 MC truth columns the observables are scored against
 * @param miNeighbours              k of the KSG estimator
 * @param miMaxEvents               MC events used for the mutual information (a seeded subsample)
 * @param minBinEvents              truth bins with fewer MC events get no median/band/resolution point
 */
public record RecoChecksSettings(
        @Setting(description = "Score distribution by true class with data and ratio, purity and efficiency of "
                + "single stoppers vs the score cut", defaultValue = "false") boolean evaluateScoreDistribution,
        @Setting(description = "Multiplicity plots: true n_muons and n_stopping vs the reconstructed multiplicity "
                + "(MC), data vs MC", defaultValue = "false") boolean plotMultiplicity,
        @Setting(description = "Truth vs reconstruction maps with median and 68 % band, bias and resolution",
                defaultValue = "false") boolean plotCorrelations,
        @Setting(description = "Data vs MC for every reconstruction, chosen flux model and the others, ratio panel",
                defaultValue = "false") boolean plotDataMcAgreement,
        @Setting(description = "Mutual information (KSG, nats) of the observables with the targets",
                defaultValue = "false") boolean analyseMiScores,
        @Setting(description = "Proxy columns for the mutual information",
                defaultValue = "[reco_length, reco_log_energy, reco_zenith, score, multiplicity]") List<String> observables,
        @Setting(description = "MC sample", defaultValue = "mc") String mc,
        @Setting(description = "Measured data sample; empty for none", defaultValue = "data") String data,
        @Setting(description = "Stopping-score column", defaultValue = "score") String score,
        @Setting(description = "The analysis' score cut (score >= cut is kept), marked in the plots",
                defaultValue = "0.7", min = 0, max = 1) double scoreCut,
        @Setting(description = "Bins of the score histogram on [0, 1]", defaultValue = "50", min = 2, max = 1000)
        int scoreBins,
        @Setting(description = "True class column: 0 single stopping, 1 multiple stopping, 2 not stopping",
                defaultValue = "true_class") String trueClass,
        @Setting(description = "Reconstructed multiplicity column", defaultValue = "multiplicity") String multiplicity,
        @Setting(description = "True number of muons in the bundle (MC)", defaultValue = "n_muons") String nMuons,
        @Setting(description = "True number of muons stopping in the detector (MC)", defaultValue = "n_stopping")
        String nStopping,
        @Setting(description = "Largest multiplicity shown (larger values are counted in the table)",
                defaultValue = "10", min = 1, max = 1000) int maxMultiplicity,
        @Setting(description = "Truth/reco pairs: {truth, reco, label, unit, log, transform (none | degrees | "
                + "log10_truth)}", defaultValue = "[{truth: true_length, reco: reco_length, label: Propagation length, "
                + "unit: m}, {truth: true_energy, reco: reco_log_energy, label: 'log10(E_s / GeV)', transform: "
                + "log10_truth}, {truth: true_zenith, reco: reco_zenith, label: Zenith, unit: deg, transform: degrees}]")
        List<CorrelationPair> correlations,
        @Setting(description = "Bins per axis of the truth-vs-reco maps", defaultValue = "50", min = 5, max = 1000)
        int correlationBins,
        @Setting(description = "Columns compared between data and MC (radians are shown in degrees)",
                defaultValue = "[reco_length, reco_log_energy, reco_zenith, reco_stop_x, reco_stop_y, reco_stop_z, "
                        + "score, multiplicity]") List<String> reconstructions,
        @Setting(description = "Bins of the data/MC histograms of continuous columns", defaultValue = "40", min = 2,
                max = 1000) int dataMcBins,
        @Setting(description = "Flux-model weight columns (Hz per event) compared with the data; the chosen model "
                + "(the MC's 'weight' column) is drawn filled", defaultValue = "[GaisserH3aWeight, GaisserH4aWeight, "
                        + "GlobalFitGSTWeight]") List<String> models,
        @Setting(description = "MC truth columns the observables are scored against",
                defaultValue = "[true_length, true_energy]") List<String> miTargets,
        @Setting(description = "Neighbours k of the KSG estimator", defaultValue = "3", min = 1, max = 100)
        int miNeighbours,
        @Setting(description = "MC events used for the mutual information (seeded subsample without replacement)",
                defaultValue = "20000", min = 10) int miMaxEvents,
        @Setting(description = "Truth bins with fewer MC events get no median, band, bias or resolution point",
                defaultValue = "20", min = 1) int minBinEvents) {

    public RecoChecksSettings {
        observables = names("observables", observables);
        mc = required("mc", mc);
        data = data == null ? "" : data.strip();
        if (mc.equals(data)) {
            throw new InvalidSettingsException("data", "'data' names the MC sample '" + mc + "'");
        }
        score = required("score", score);
        trueClass = required("true_class", trueClass);
        multiplicity = required("multiplicity", multiplicity);
        nMuons = required("n_muons", nMuons);
        nStopping = required("n_stopping", nStopping);
        if (!(scoreCut >= 0 && scoreCut <= 1)) {
            throw new InvalidSettingsException("score_cut", "'score_cut' must be in [0, 1] but was " + scoreCut);
        }
        if (scoreBins < 2) {
            throw new InvalidSettingsException("score_bins", "'score_bins' must be >= 2 but was " + scoreBins);
        }
        if (maxMultiplicity < 1) {
            throw new InvalidSettingsException("max_multiplicity", "'max_multiplicity' must be >= 1 but was "
                    + maxMultiplicity);
        }
        correlations = correlations == null ? List.of() : List.copyOf(correlations);
        Set<String> stems = new HashSet<>();
        for (CorrelationPair p : correlations) {
            if (!stems.add(p.stem())) {
                throw new InvalidSettingsException("correlations", "'correlations' uses reco column '" + p.reco()
                        + "' twice; the plots are named after it");
            }
        }
        if (correlationBins < 5) {
            throw new InvalidSettingsException("correlation_bins", "'correlation_bins' must be >= 5 but was "
                    + correlationBins);
        }
        reconstructions = names("reconstructions", reconstructions);
        if (dataMcBins < 2) {
            throw new InvalidSettingsException("data_mc_bins", "'data_mc_bins' must be >= 2 but was " + dataMcBins);
        }
        models = names("models", models);
        miTargets = names("mi_targets", miTargets);
        if (miNeighbours < 1) {
            throw new InvalidSettingsException("mi_neighbours", "'mi_neighbours' must be >= 1 but was " + miNeighbours);
        }
        if (miMaxEvents <= miNeighbours) {
            throw new InvalidSettingsException("mi_max_events", "'mi_max_events' must exceed mi_neighbours ("
                    + miNeighbours + ") but was " + miMaxEvents);
        }
        if (minBinEvents < 1) {
            throw new InvalidSettingsException("min_bin_events", "'min_bin_events' must be >= 1 but was " + minBinEvents);
        }
        if (analyseMiScores && (observables.isEmpty() || miTargets.isEmpty())) {
            throw new InvalidSettingsException(observables.isEmpty() ? "observables" : "mi_targets",
                    "'analyse_mi_scores' needs at least one observable and one target but got observables="
                            + observables + ", mi_targets=" + miTargets);
        }
        if (plotCorrelations && correlations.isEmpty()) {
            throw new InvalidSettingsException("correlations", "'plot_correlations' is on but 'correlations' is empty");
        }
        if (plotDataMcAgreement && reconstructions.isEmpty()) {
            throw new InvalidSettingsException("reconstructions", "'plot_data_mc_agreement' is on but "
                    + "'reconstructions' is empty");
        }
        if (plotDataMcAgreement && data.isEmpty()) {
            throw new InvalidSettingsException("data", "'plot_data_mc_agreement' needs a data sample but 'data' is empty");
        }
    }

    private static String required(String key, String v) {
        if (v == null || v.isBlank()) {
            throw new InvalidSettingsException(key, "'" + key + "' must name a column or sample but was empty");
        }
        return v.strip();
    }

    private static List<String> names(String key, List<String> v) {
        if (v == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (String s : v) {
            if (s == null || s.isBlank()) {
                throw new InvalidSettingsException(key, "'" + key + "' must not contain blank names: " + v);
            }
            if (!seen.add(s.strip())) {
                throw new InvalidSettingsException(key, "'" + key + "' names '" + s.strip() + "' twice: " + v);
            }
        }
        return v.stream().map(String::strip).toList();
    }

    /** @return whether any check is switched on */
    boolean anything() {
        return evaluateScoreDistribution || plotMultiplicity || plotCorrelations || plotDataMcAgreement
                || analyseMiScores;
    }
}
