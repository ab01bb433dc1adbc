package org.fluxion.histogram.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.workflow.InvalidSettingsException;

/**
 * The levels of a {@code group_by} column of one sample and, per row, the index of its level.
 * Levels are the categories of a categorical column in code order, {@code false, true} for a
 * boolean column, or the distinct values of an integer column in ascending order (at most
 * {@link #MAX_LEVELS}). Immutable after construction; the code array is never modified and may be
 * read from several threads.
 */
final class GroupLevels {
    /** Upper limit on the number of levels, to keep per-level histograms and plots manageable. */
    static final int MAX_LEVELS = 64;

    private final String column;
    private final List<String> labels;
    private final int[] codes;

    private GroupLevels(String column, List<String> labels, int[] codes) {
        this.column = column;
        this.labels = List.copyOf(labels);
        this.codes = codes;
    }

    /**
     * @param key    the configuration key naming the column, for the error message
     * @throws InvalidSettingsException if the column is floating point or has more than
     *                                  {@link #MAX_LEVELS} distinct values
     */
    static GroupLevels of(EventTable table, String columnName, String key) {
        Column column = table.column(columnName);
        int n = column.size();
        int[] codes = new int[n];
        List<String> labels;
        switch (column) {
            case Column.Categorical c -> {
                for (int i = 0; i < n; i++) {
                    codes[i] = c.code(i);
                }
                labels = c.levels();
            }
            case Column.Booleans b -> {
                for (int i = 0; i < n; i++) {
                    codes[i] = b.get(i) ? 1 : 0;
                }
                labels = List.of("false", "true");
            }
            case Column.Ints ints -> {
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    values[i] = ints.get(i);
                }
                labels = integerLevels(table.name(), columnName, key, values, codes);
            }
            case Column.Longs longs -> {
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    values[i] = longs.get(i);
                }
                labels = integerLevels(table.name(), columnName, key, values, codes);
            }
            default -> throw new InvalidSettingsException(key, "sample '" + table.name() + "': '" + key + "' column '"
                    + columnName + "' is of type " + column.spec().type()
                    + "; expected a categorical, integer or boolean column");
        }
        if (labels.size() > MAX_LEVELS) {
            throw new InvalidSettingsException(key, "sample '" + table.name() + "': '" + key + "' column '" + columnName
                    + "' has " + labels.size() + " levels; at most " + MAX_LEVELS + " are supported");
        }
        return new GroupLevels(columnName, labels, codes);
    }

    private static List<String> integerLevels(String sample, String columnName, String key, long[] values,
            int[] codes) {
        long[] distinct = values.clone();
        Arrays.sort(distinct);
        int m = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (m == 0 || distinct[i] != distinct[m - 1]) {
                distinct[m++] = distinct[i];
                if (m > MAX_LEVELS) {
                    throw new InvalidSettingsException(key, "sample '" + sample + "': '" + key + "' column '"
                            + columnName + "' has more than " + MAX_LEVELS + " distinct values; at most " + MAX_LEVELS
                            + " are supported");
                }
            }
        }
        for (int i = 0; i < values.length; i++) {
            codes[i] = Arrays.binarySearch(distinct, 0, m, values[i]);
        }
        List<String> labels = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            labels.add(Long.toString(distinct[i]));
        }
        return labels;
    }

    /** @return the column name */
    String column() {
        return column;
    }

    /** @return the level names, in level order */
    List<String> labels() {
        return labels;
    }

    /** @return number of levels */
    int size() {
        return labels.size();
    }

    /** @return the level index of table row {@code row} */
    int code(int row) {
        return codes[row];
    }

    /** Copies the level indices of {@code rows[0..n)} into {@code out}. */
    void gather(int[] rows, int n, int[] out) {
        for (int k = 0; k < n; k++) {
            out[k] = codes[rows[k]];
        }
    }
}
