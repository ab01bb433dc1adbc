package org.fluxion.masterclass.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.InvalidSettingsException;

/**
 * The air-shower quantities of one sample, read once into primitive arrays: lg(E/eV), lg(Ne),
 * lg(Nμ), zenith in degrees and the primary's mass group. Arrays of quantities that were not
 * requested are null. The arrays are owned by this object and never changed after construction,
 * so instances are safe to share between threads; callers must not modify what the accessors return.
 */
final class ShowerSample {
    /** Below this median an energy column is in lg(E/GeV), above it in lg(E/eV) (PHYSICS.md §5). */
    static final double EV_MEDIAN_THRESHOLD = 10.0;
    /** Above this median a size column holds the numbers themselves rather than their lg. */
    static final double LINEAR_SIZE_MEDIAN_THRESHOLD = 100.0;

    private final String name;
    private final int rows;
    private final Map<ShowerQuantity, String> columns;
    private final Map<ShowerQuantity, double[]> values;
    private final int[] group;

    private ShowerSample(String name, int rows, Map<ShowerQuantity, String> columns,
            Map<ShowerQuantity, double[]> values, int[] group) {
        this.name = name;
        this.rows = rows;
        this.columns = columns;
        this.values = values;
        this.group = group;
    }

    /**
     * Reads the requested quantities of sample {@code sampleName}.
     *
     * @param settingKey the configuration key naming the sample (for messages)
     * @param overrides  quantity key → column name; other quantities are looked up by their KCDC names
     * @param overridesKey the configuration key of {@code overrides} (for messages)
     * @param needed     the quantities to read
     * @throws InvalidSettingsException if the sample or a column is missing, or a primary is unknown
     * @throws IllegalArgumentException if an energy column is in lg(E/GeV) or a size column is not
     *                                  in lg (the message says to add a {@code kcdc_units} step)
     */
    static ShowerSample read(SampleSet samples, String sampleName, String settingKey, Map<String, String> overrides,
            String overridesKey, Set<ShowerQuantity> needed) {
        if (!samples.names().contains(sampleName)) {
            throw new InvalidSettingsException(settingKey, "'" + settingKey + "' names sample '" + sampleName
                    + "' but the input has no such sample; available: " + samples.names());
        }
        EventTable table = samples.get(sampleName);
        Map<ShowerQuantity, String> cols = resolve(table, overrides, overridesKey, needed);
        Map<ShowerQuantity, double[]> vals = new EnumMap<>(ShowerQuantity.class);
        int[] group = null;
        for (Map.Entry<ShowerQuantity, String> e : cols.entrySet()) {
            Column c = table.column(e.getValue());
            if (e.getKey() == ShowerQuantity.PRIMARY) {
                group = groups(table.name(), c);
            } else {
                double[] v = c.toDoubleArray();
                checkScale(table.name(), e.getKey(), c.name(), v);
                vals.put(e.getKey(), v);
            }
        }
        return new ShowerSample(table.name(), table.rowCount(), cols, vals, group);
    }

    /** Which column holds each needed quantity. */
    static Map<ShowerQuantity, String> resolve(EventTable table, Map<String, String> overrides, String overridesKey,
            Set<ShowerQuantity> needed) {
        for (String key : overrides.keySet()) {
            if (ShowerQuantity.ofKey(key) == null) {
                throw new InvalidSettingsException(overridesKey, "'" + overridesKey + "' has key '" + key
                        + "' but the quantities are lg_e, lg_ne, lg_nmu, zenith, primary");
            }
        }
        Map<ShowerQuantity, String> cols = new EnumMap<>(ShowerQuantity.class);
        for (ShowerQuantity q : needed) {
            String configured = overrides.get(q.key());
            if (configured != null) {
                if (!table.hasColumn(configured)) {
                    throw new InvalidSettingsException(overridesKey, "'" + overridesKey + "." + q.key()
                            + "' names column '" + configured + "' but sample '" + table.name()
                            + "' has no such column; available: " + table.columnNames());
                }
                cols.put(q, configured);
                continue;
            }
            String found = null;
            for (String candidate : q.kcdcNames()) {
                if (table.hasColumn(candidate)) {
                    found = candidate;
                    break;
                }
            }
            if (found == null) {
                throw new InvalidSettingsException(overridesKey, "sample '" + table.name() + "' has none of the KCDC "
                        + "columns " + q.kcdcNames() + " for the " + q.label().toLowerCase(Locale.ROOT)
                        + "; name the column in '" + overridesKey + "' (e.g. " + q.key() + ": MyColumn); available: "
                        + table.columnNames());
            }
            cols.put(q, found);
        }
        return cols;
    }

    private static void checkScale(String sample, ShowerQuantity q, String column, double[] v) {
        if (q == ShowerQuantity.LG_E) {
            if (!KcdcUnitDetection.medianAbove(v, EV_MEDIAN_THRESHOLD)) {
                double m = KcdcUnitDetection.median(v);
                throw new IllegalArgumentException("sample '" + sample + "', column '" + column + "': median energy "
                        + String.format(Locale.ROOT, "%.3f", m) + " looks like lg(E/GeV), but lg(E/eV) (median > "
                        + EV_MEDIAN_THRESHOLD + ") was expected; add a kcdc_units step before this one");
            }
        } else if (q == ShowerQuantity.LG_NE || q == ShowerQuantity.LG_NMU) {
            if (KcdcUnitDetection.medianAbove(v, LINEAR_SIZE_MEDIAN_THRESHOLD)) {
                double m = KcdcUnitDetection.median(v);
                throw new IllegalArgumentException("sample '" + sample + "', column '" + column + "': median "
                        + String.format(Locale.ROOT, "%.4g", m) + " looks like a particle number, but its lg (median < "
                        + LINEAR_SIZE_MEDIAN_THRESHOLD + ") was expected; add a kcdc_units step before this one");
            }
        }
    }

    private static int[] groups(String sample, Column c) {
        int n = c.size();
        int[] out = new int[n];
        if (c instanceof Column.Categorical cat) {
            List<String> levels = cat.levels();
            int[] byLevel = new int[levels.size()];
            for (int l = 0; l < levels.size(); l++) {
                MassGroup g = MassGroup.ofName(levels.get(l));
                byLevel[l] = g == null ? -1 : g.ordinal();
            }
            for (int i = 0; i < n; i++) {
                int g = byLevel[cat.code(i)];
                if (g < 0) {
                    throw unknownPrimary(sample, c.name(), i, "'" + cat.get(i) + "'");
                }
                out[i] = g;
            }
        } else {
            for (int i = 0; i < n; i++) {
                double code = c.getDouble(i);
                MassGroup g = MassGroup.ofCorsikaCode(code);
                if (g == null) {
                    throw unknownPrimary(sample, c.name(), i, String.format(Locale.ROOT, "%s", code));
                }
                out[i] = g.ordinal();
            }
        }
        return out;
    }

    private static IllegalArgumentException unknownPrimary(String sample, String column, int row, String value) {
        return new IllegalArgumentException("sample '" + sample + "', column '" + column + "', row " + (row + 1)
                + ": unknown primary " + value + "; expected a KCDC name (p, he, c/o, si, fe, ...) or a CORSIKA code "
                + "(14, 402, 1206, 1608, 2814, 5626)");
    }

    /** @return the sample name */
    String name() {
        return name;
    }

    /** @return number of events */
    int rows() {
        return rows;
    }

    /** @return the column the quantity was read from */
    String column(ShowerQuantity q) {
        return columns.get(q);
    }

    /** @return the values of {@code q} (not copied; do not modify) */
    double[] values(ShowerQuantity q) {
        double[] v = values.get(q);
        if (v == null) {
            throw new IllegalStateException("quantity " + q + " was not read for sample '" + name + "'");
        }
        return v;
    }

    /** @return per event the {@link MassGroup} ordinal (not copied; do not modify) */
    int[] groups() {
        if (group == null) {
            throw new IllegalStateException("the primary was not read for sample '" + name + "'");
        }
        return group;
    }

    /** @return the mass groups present, in {@link MassGroup} order */
    List<MassGroup> presentGroups() {
        boolean[] seen = new boolean[MassGroup.values().length];
        for (int g : groups()) {
            seen[g] = true;
        }
        List<MassGroup> out = new ArrayList<>();
        for (MassGroup g : MassGroup.values()) {
            if (seen[g.ordinal()]) {
                out.add(g);
            }
        }
        return out;
    }
}
