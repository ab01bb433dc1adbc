package org.fluxion.systematics.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.Selection;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.cuts.CutSet;

/**
 * The detector sectors of one sample: per sector the rows passing its cuts (the cuts syntax of
 * {@link CutSet}), and how the sectors partition the sample: events in no sector (missed) and in
 * more than one (overlap). Immutable.
 *
 * @param sample   sample name
 * @param rows     sector name → selected rows, in configuration order (unmodifiable)
 * @param events   events of the sample
 * @param missed   events in no sector
 * @param overlaps events in two or more sectors
 */
record SectorSelections(String sample, Map<String, Selection> rows, int events, int missed, int overlaps) {

    /**
     * @param sectors sector name → cut spec
     * @param table   the sample
     * @throws InvalidSettingsException for key {@code sectors} naming the sector, sample and column
     *                                  if a cut cannot be parsed or applied
     */
    static SectorSelections of(Map<String, Map<String, Object>> sectors, EventTable table) {
        Map<String, Selection> rows = new LinkedHashMap<>();
        int n = table.rowCount();
        int[] count = new int[n];
        for (Map.Entry<String, Map<String, Object>> e : sectors.entrySet()) {
            Selection s;
            try {
                s = CutSet.parse(e.getValue(), "sectors." + e.getKey()).select(table);
            } catch (IllegalArgumentException ex) {
                throw new InvalidSettingsException("sectors", "sector '" + e.getKey() + "' on sample '" + table.name()
                        + "': " + ex.getMessage());
            }
            rows.put(e.getKey(), s);
            for (int k = 0; k < s.size(); k++) {
                count[s.row(k)]++;
            }
        }
        int missed = 0, overlaps = 0;
        for (int c : count) {
            missed += c == 0 ? 1 : 0;
            overlaps += c > 1 ? 1 : 0;
        }
        return new SectorSelections(table.name(), Collections.unmodifiableMap(rows), n, missed, overlaps);
    }

    /** @return the sector names in order */
    List<String> names() {
        return new ArrayList<>(rows.keySet());
    }

    /** @return the selected rows of a sector */
    Selection rows(String sector) {
        return rows.get(sector);
    }

    /** @return fraction of the events in no sector (0 for an empty sample) */
    double missedFraction() {
        return events == 0 ? 0 : (double) missed / events;
    }

    /** @return fraction of the events in more than one sector */
    double overlapFraction() {
        return events == 0 ? 0 : (double) overlaps / events;
    }
}
