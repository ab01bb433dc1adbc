package org.fluxion.io.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code load_text} step: the samples to load, by name, in configuration order.
 * Immutable.
 *
 * @param samples sample name → how to read it; at least one
 */
public record TextLoadSettings(
        @Setting(description = "sample name -> {path, columns, delimiter, on_bad_line, units, types}")
        Map<String, TextSampleSettings> samples) {

    public TextLoadSettings {
        if (samples == null || samples.isEmpty()) {
            throw new InvalidSettingsException("samples", "'samples' must name at least one sample, e.g. "
                    + "{data: {path: kcdc_data.txt}}, but was " + (samples == null ? "missing" : "empty"));
        }
        Map<String, TextSampleSettings> copy = new LinkedHashMap<>();
        for (Map.Entry<String, TextSampleSettings> e : samples.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new InvalidSettingsException("samples", "sample names must not be blank: " + samples.keySet());
            }
            if (e.getValue() == null) {
                throw new InvalidSettingsException("samples", "sample '" + e.getKey() + "' needs at least a 'path'");
            }
            copy.put(e.getKey(), e.getValue());
        }
        samples = Collections.unmodifiableMap(copy);
    }
}
