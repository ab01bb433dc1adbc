package org.fluxion.api.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * An immutable columnar table of events: equally long typed columns in a fixed order, plus
 * metadata attributes (e.g. {@code livetime_s}, {@code n_generated}, {@code data_level}).
 * Thread-safe; row selections are zero-copy views.
 */
public final class EventTable {
    private final String name;
    private final Map<String, Column> columns;
    private final Map<String, Object> attributes;
    private final int rowCount;

    private EventTable(String name, Map<String, Column> columns, Map<String, Object> attributes, int rowCount) {
        this.name = name;
        this.columns = columns;
        this.attributes = attributes;
        this.rowCount = rowCount;
    }

    /** @return a builder for a table called {@code name} (e.g. the sample name) */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the table (sample) name */
    public String name() {
        return name;
    }

    /** @return number of rows */
    public int rowCount() {
        return rowCount;
    }

    /** @return the column specs in column order */
    public List<ColumnSpec> schema() {
        List<ColumnSpec> specs = new ArrayList<>(columns.size());
        for (Column c : columns.values()) {
            specs.add(c.spec());
        }
        return Collections.unmodifiableList(specs);
    }

    /** @return the column names in order */
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** @return whether a column of that name exists */
    public boolean hasColumn(String column) {
        return columns.containsKey(column);
    }

    /**
     * @return the column called {@code column}
     * @throws IllegalArgumentException naming the table and the available columns if it is missing
     */
    public Column column(String column) {
        Column c = columns.get(column);
        if (c == null) {
            throw new IllegalArgumentException("table '" + name + "' has no column '" + column
                    + "'; available: " + columns.keySet());
        }
        return c;
    }

    /** @return the metadata attributes (unmodifiable; values are String, Number or Boolean) */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** @return attribute {@code key} as a number, or {@code fallback} if absent */
    public double numberAttribute(String key, double fallback) {
        Object v = attributes.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("attribute '" + key + "' of table '" + name
                + "' is not a number: " + v);
    }

    /** @return a zero-copy view of the selected rows, with the same attributes */
    public EventTable select(Selection selection) {
        if (selection.sourceSize() != rowCount) {
            throw new IllegalArgumentException("selection made for " + selection.sourceSize()
                    + " rows applied to table '" + name + "' with " + rowCount + " rows");
        }
        Map<String, Column> view = new LinkedHashMap<>();
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            view.put(e.getKey(), e.getValue().select(selection));
        }
        return new EventTable(name, Collections.unmodifiableMap(view), attributes, selection.size());
    }

    /** @return the rows for which {@code predicate} holds, as a selection of this table */
    public Selection where(IntPredicate predicate) {
        boolean[] mask = new boolean[rowCount];
        for (int i = 0; i < rowCount; i++) {
            mask[i] = predicate.test(i);
        }
        return Selection.ofMask(mask);
    }

    /** @return a table with the same rows and columns but different attributes */
    public EventTable withAttributes(Map<String, ?> newAttributes) {
        return new EventTable(name, columns, Collections.unmodifiableMap(new LinkedHashMap<>(newAttributes)), rowCount);
    }

    @Override
    public String toString() {
        return "EventTable[" + name + ", " + rowCount + " rows, columns=" + columns.keySet() + "]";
    }

    /** Collects columns of equal length; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private int rowCount = -1;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * Adds a column.
         *
         * @throws IllegalArgumentException on a duplicate name or a length mismatch
         */
        public Builder add(Column column) {
            if (columns.containsKey(column.name())) {
                throw new IllegalArgumentException("table '" + name + "': duplicate column '" + column.name() + "'");
            }
            if (rowCount >= 0 && column.size() != rowCount) {
                throw new IllegalArgumentException("table '" + name + "': column '" + column.name() + "' has "
                        + column.size() + " rows but earlier columns have " + rowCount);
            }
            rowCount = column.size();
            columns.put(column.name(), column);
            return this;
        }

        /** Sets a metadata attribute (String, Number or Boolean). */
        public Builder attribute(String key, Object value) {
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("attribute '" + key + "' must be a String, Number or Boolean but was "
                        + (value == null ? "null" : value.getClass().getName()));
            }
            attributes.put(key, value);
            return this;
        }

        /** @return the table; a table without columns has 0 rows */
        public EventTable build() {
            return new EventTable(name, Collections.unmodifiableMap(new LinkedHashMap<>(columns)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(attributes)), Math.max(rowCount, 0));
        }
    }
}
