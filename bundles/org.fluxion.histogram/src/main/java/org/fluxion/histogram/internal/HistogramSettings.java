package org.fluxion.histogram.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code histogram} step. Immutable and thread-safe; the constructor checks
 * everything that can be checked without data and throws
 * {@link InvalidSettingsException} with the key and value. Null collections are taken as empty.
 * Column names are checked against each sample's schema when the step runs, before any filling.
 *
 * @param samples       names of the samples to histogram, in order; empty for all samples
 * @param select        range selection applied, in map order, before filling: column → {@code [min, max]}
 *                      keeps {@code min <= value < max}; {@code [min]} keeps {@code value >= min}; use
 *                      {@code -.inf} as min for an upper bound only
 * @param histograms    the 1-D histograms
 * @param histograms_2d the 2-D histograms (config key {@code histograms_2d})
 */
public record HistogramSettings(
        @Setting(description = "Samples to histogram, in order; empty for all", defaultValue = "[]")
        List<String> samples,
        @Setting(description = "Range selection before filling, applied in order: column: [min, max] keeps "
                + "min <= value < max, column: [min] keeps value >= min; -.inf as min for an upper bound only",
                defaultValue = "{}")
        Map<String, List<Double>> select,
        @Setting(description = "1-D histograms", defaultValue = "[]") List<Histogram1DSettings> histograms,
        @Setting(description = "2-D histograms", defaultValue = "[]") List<Histogram2DSettings> histograms_2d) {

    public HistogramSettings {
        samples = samples == null ? List.of() : List.copyOf(samples);
        histograms = histograms == null ? List.of() : List.copyOf(histograms);
        histograms_2d = histograms_2d == null ? List.of() : List.copyOf(histograms_2d);
        select = copySelect(select);
        for (int i = 0; i < samples.size(); i++) {
            String s = samples.get(i);
            if (s.isBlank()) {
                throw new InvalidSettingsException("samples", "'samples' entry " + i + " must name a sample but was '"
                        + s + "'");
            }
            if (samples.indexOf(s) != i) {
                throw new InvalidSettingsException("samples", "'samples' lists '" + s + "' twice (entries "
                        + samples.indexOf(s) + " and " + i + ")");
            }
        }
        if (histograms.isEmpty() && histograms_2d.isEmpty()) {
            throw new InvalidSettingsException("histograms",
                    "nothing to fill: give at least one entry in 'histograms' or 'histograms_2d'");
        }
        Set<String> names = new HashSet<>();
        for (Histogram1DSettings h : histograms) {
            requireUniqueName(names, h.name(), "histograms");
        }
        for (Histogram2DSettings h : histograms_2d) {
            requireUniqueName(names, h.name(), "histograms_2d");
        }
    }

    private static void requireUniqueName(Set<String> names, String name, String key) {
        if (!names.add(name)) {
            throw new InvalidSettingsException(key, "histogram name '" + name
                    + "' is used twice; names must be unique across 'histograms' and 'histograms_2d'");
        }
    }

    private static Map<String, List<Double>> copySelect(Map<String, List<Double>> select) {
        if (select == null) {
            return Map.of();
        }
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : select.entrySet()) {
            String column = e.getKey();
            List<Double> range = e.getValue();
            if (column == null || column.isBlank()) {
                throw new InvalidSettingsException("select", "'select' keys must name columns but one was '"
                        + column + "'");
            }
            if (range == null || range.isEmpty() || range.size() > 2 || range.stream().anyMatch(Objects::isNull)) {
                throw new InvalidSettingsException("select", "'select' entry '" + column
                        + "' must be [min, max] or [min] but was " + range);
            }
            double low = range.get(0);
            double high = range.size() == 2 ? range.get(1) : Double.POSITIVE_INFINITY;
            if (Double.isNaN(low) || Double.isNaN(high) || low == Double.POSITIVE_INFINITY || !(high > low)) {
                throw new InvalidSettingsException("select", "'select' entry '" + column + "': need min < max but got "
                        + range);
            }
            copy.put(column, List.copyOf(range));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** @return the range cuts of {@link #select}, in order */
    public List<RangeCut> cuts() {
        List<RangeCut> cuts = new ArrayList<>(select.size());
        for (Map.Entry<String, List<Double>> e : select.entrySet()) {
            List<Double> r = e.getValue();
            cuts.add(new RangeCut(e.getKey(), r.get(0), r.size() == 2 ? r.get(1) : Double.POSITIVE_INFINITY));
        }
        return cuts;
    }
}
