package org.fluxion.io.hdf5;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code load_hdf5} step, mirroring the "Loading data" part of the stopping-muon
 * analysis configuration. Immutable; collections keep their configuration order.
 *
 * @param inputs        sample name → where and what the sample is; at least one
 * @param keys          data type ({@code MC}, {@code data}; case-insensitive) or sample name → columns
 *                      to read as {@code [name_to_save, name_in_hdf5]} pairs. A sample's own entry wins
 *                      over its data type's (e.g. untriggered {@code mc_l0} has no reconstructions); a
 *                      sample with neither reads every column of its files.
 * @param model         the flux model's weight column (e.g. {@code GaisserH3aWeight}); read for every
 *                      {@code MC} sample and exposed as {@code weight} and under its own name; "" = none
 * @param cutExceptions samples the later analysis cuts are not applied to (stored as the boolean
 *                      attribute {@code cut_exception} of each table)
 * @param missingRows   what to do with hdfwriter rows whose {@code exists} flag is 0
 */
public record Hdf5LoadSettings(
        @Setting(description = "sample name -> {path, hdf5, level, type, read_livetime, livetime_s, group}")
        Map<String, Hdf5InputSettings> inputs,
        @Setting(description = "per data type (MC, data) or sample name: list of [name_to_save, name_in_hdf5]; "
                + "a sample's own entry wins over its type's; without either every column is read", defaultValue = "{}")
        Map<String, List<List<String>>> keys,
        @Setting(description = "weight column of the flux model (exposed as 'weight' in MC samples); empty = none",
                defaultValue = "''")
        String model,
        @Setting(description = "samples the analysis cuts are not applied to", defaultValue = "[]")
        List<String> cutExceptions,
        @Setting(description = "hdfwriter rows with exists == 0: drop (the event from every column) or nan "
                + "(missing values; integer and flag columns of that key become double)", defaultValue = "drop")
        MissingRows missingRows) {

    /** Handling of hdfwriter rows whose frame object did not exist ({@code exists == 0}). */
    public enum MissingRows {
        /** Drop the event from every column of the sample. */
        DROP,
        /** Keep the event; the key's columns hold NaN there (non-floating columns are widened to double). */
        NAN
    }

    public Hdf5LoadSettings {
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidSettingsException("inputs", "'inputs' must name at least one sample, e.g. "
                    + "{mc: {path: mc.h5, type: MC}}, but was " + (inputs == null ? "missing" : "empty"));
        }
        Map<String, Hdf5InputSettings> in = new LinkedHashMap<>();
        for (Map.Entry<String, Hdf5InputSettings> e : inputs.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new InvalidSettingsException("inputs", "sample names must not be blank: " + inputs.keySet());
            }
            if (e.getValue() == null) {
                throw new InvalidSettingsException("inputs", "sample '" + e.getKey() + "' needs at least 'path' and 'type'");
            }
            in.put(e.getKey(), e.getValue());
        }
        inputs = Collections.unmodifiableMap(in);
        Map<String, List<List<String>>> k = new LinkedHashMap<>();
        if (keys != null) {
            for (Map.Entry<String, List<List<String>>> e : keys.entrySet()) {
                // a sample name, else a data type: the key is kept as written and resolved in keysFor
                String entry = inputs.containsKey(e.getKey()) ? e.getKey() : parseType(e.getKey()).label();
                String where = "keys." + e.getKey();
                List<List<String>> pairs = new ArrayList<>();
                Set<String> saved = new HashSet<>();
                List<List<String>> given = e.getValue() == null ? List.of() : e.getValue();
                for (int i = 0; i < given.size(); i++) {
                    List<String> pair = given.get(i);
                    if (pair == null || pair.size() != 2 || pair.get(0) == null || pair.get(1) == null
                            || pair.get(0).isBlank() || pair.get(1).isBlank()) {
                        throw new InvalidSettingsException("keys", "'" + where + "[" + i
                                + "]' must be a pair [name_to_save, name_in_hdf5] but was " + pair);
                    }
                    if (!saved.add(pair.get(0).strip())) {
                        throw new InvalidSettingsException("keys", "'" + where + "' saves two columns as '"
                                + pair.get(0).strip() + "'");
                    }
                    pairs.add(List.of(pair.get(0).strip(), pair.get(1).strip()));
                }
                if (k.put(entry, List.copyOf(pairs)) != null) {
                    throw new InvalidSettingsException("keys", "'keys' gives " + e.getKey() + " twice: " + keys.keySet());
                }
            }
        }
        keys = Collections.unmodifiableMap(k);
        model = model == null ? "" : model.strip();
        List<String> ce = cutExceptions == null ? List.of() : List.copyOf(cutExceptions);
        for (String s : ce) {
            if (!inputs.containsKey(s)) {
                throw new InvalidSettingsException("cut_exceptions", "'cut_exceptions' names sample '" + s
                        + "', which is not one of the inputs " + inputs.keySet());
            }
        }
        cutExceptions = ce;
        missingRows = missingRows == null ? MissingRows.DROP : missingRows;
    }

    private static Hdf5InputSettings.Type parseType(String key) {
        for (Hdf5InputSettings.Type t : Hdf5InputSettings.Type.values()) {
            if (t.name().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return t;
            }
        }
        throw new InvalidSettingsException("keys", "'keys' maps data types or sample names to column pairs; '" + key
                + "' is neither a data type (MC, data) nor one of the inputs");
    }

    /**
     * @return the {@code [name_to_save, name_in_hdf5]} pairs of {@code sample} (its own entry, else its
     *         data type's), or null if the configuration gives neither (read every column)
     */
    public List<List<String>> keysFor(String sample, Hdf5InputSettings.Type type) {
        List<List<String>> own = keys.get(sample);
        return own != null ? own : keys.get(type.label());
    }

    /** @return settings with the given inputs and every other option at its default */
    public static Hdf5LoadSettings of(Map<String, Hdf5InputSettings> inputs) {
        return new Hdf5LoadSettings(inputs, Map.of(), "", List.of(), MissingRows.DROP);
    }

    /** @return a copy with the column pairs of data type {@code type} ("MC" or "data") */
    public Hdf5LoadSettings withKeys(String type, List<List<String>> pairs) {
        Map<String, List<List<String>>> k = new LinkedHashMap<>(keys);
        k.put(parseType(type).label(), pairs);
        return new Hdf5LoadSettings(inputs, k, model, cutExceptions, missingRows);
    }

    /** @return a copy with another flux model */
    public Hdf5LoadSettings withModel(String m) {
        return new Hdf5LoadSettings(inputs, keys, m, cutExceptions, missingRows);
    }

    /** @return a copy with other cut exceptions */
    public Hdf5LoadSettings withCutExceptions(String... samples) {
        return new Hdf5LoadSettings(inputs, keys, model, List.of(samples), missingRows);
    }

    /** @return a copy with another missing-row policy */
    public Hdf5LoadSettings withMissingRows(MissingRows m) {
        return new Hdf5LoadSettings(inputs, keys, model, cutExceptions, m);
    }

    @Override
    public String toString() {
        return "Hdf5LoadSettings[inputs=" + inputs.keySet() + ", keys=" + keys + ", model=" + model
                + ", cut_exceptions=" + cutExceptions + ", missing_rows=" + missingRows.name().toLowerCase(Locale.ROOT) + "]";
    }
}
