package org.fluxion.cuts.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;
import org.fluxion.cuts.CutSet;

/**
 * Settings of the {@code cuts} step (the seed's "Analysis cuts" keys plus {@code cut_exceptions}).
 * Immutable; null is taken as empty. The cuts are parsed here, so a malformed cut fails when the
 * configuration is read, naming {@code cuts.<column>}.
 *
 * @param filtermask    column holding the filter flag (boolean or 0/1) events must pass; "" for none
 * @param cuts          column → cut, applied in this order (see {@link CutSet})
 * @param cutExceptions samples the cuts are not applied to, besides those with attribute {@code cut_exception: true}
 * @param weight        column summed for the weighted rate of simulated samples (Hz per event)
 */
public record CutsSettings(
        @Setting(description = "Column holding the filter flag (boolean or 0/1) that events must pass; "
                + "empty or null for none", defaultValue = "\"\"") String filtermask,
        @Setting(description = "Analysis cuts, applied in order: column -> number x (lower bound, value >= x), "
                + "[min, max] (inclusive, either may be null) or {op: x, ...} with op in >, >=, <, <=, ==, != "
                + "(all must hold); NaN fails every cut", defaultValue = "{}") Map<String, Object> cuts,
        @Setting(description = "Samples the filter mask and cuts are not applied to (in addition to samples "
                + "with the attribute cut_exception: true)", defaultValue = "[]") List<String> cutExceptions,
        @Setting(description = "Weight column of simulated samples summed for the weighted rate; "
                + "a sample without it gets no rate", defaultValue = "weight") String weight) {

    public CutsSettings {
        filtermask = filtermask == null ? "" : filtermask.strip();
        cuts = cuts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(cuts));
        cutExceptions = cutExceptions == null ? List.of() : List.copyOf(new ArrayList<>(cutExceptions));
        weight = weight == null ? "" : weight.strip();
        try {
            CutSet.parse(cuts, "cuts");
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("cuts", e.getMessage());
        }
        for (String s : cutExceptions) {
            if (s.isBlank()) {
                throw new InvalidSettingsException("cut_exceptions", "sample names must not be empty but got "
                        + cutExceptions);
            }
        }
    }

    /** @return the parsed cuts, in configuration order */
    public CutSet cutSet() {
        return CutSet.parse(cuts, "cuts");
    }
}
