package org.fluxion.api.artifact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A results table: named columns with units, rows of numbers or strings. Written as CSV (header
 * "name [unit]") and JSON by the engine. Immutable.
 */
public final class TableArtifact {
    /** A column header. @param name column name @param unit unit, "" if none */
    public record Header(String name, String unit) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
        }

        /** @return "name [unit]" or "name" */
        public String title() {
            return unit.isEmpty() ? name : name + " [" + unit + "]";
        }
    }

    private final List<Header> headers;
    private final List<List<Object>> rows;

    private TableArtifact(List<Header> headers, List<List<Object>> rows) {
        this.headers = headers;
        this.rows = rows;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the column headers */
    public List<Header> headers() {
        return headers;
    }

    /** @return the rows; each cell is a Number or a String (unmodifiable) */
    public List<List<Object>> rows() {
        return rows;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableArtifact t && t.headers.equals(headers) && t.rows.equals(rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(headers, rows);
    }

    /** Collects headers and rows; not thread-safe. */
    public static final class Builder {
        private final List<Header> headers = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();

        /** Adds a column (before any row). */
        public Builder column(String name, String unit) {
            if (!rows.isEmpty()) {
                throw new IllegalStateException("add all columns before the first row");
            }
            headers.add(new Header(name, unit));
            return this;
        }

        /**
         * Adds a row.
         *
         * @param cells one Number or String per column
         */
        public Builder row(Object... cells) {
            if (cells.length != headers.size()) {
                throw new IllegalArgumentException("row " + rows.size() + " has " + cells.length + " cells but the table has "
                        + headers.size() + " columns " + headers);
            }
            for (int i = 0; i < cells.length; i++) {
                if (!(cells[i] instanceof Number || cells[i] instanceof String)) {
                    throw new IllegalArgumentException("row " + rows.size() + ", column '" + headers.get(i).name()
                            + "': cell must be a Number or String but was " + cells[i]);
                }
            }
            rows.add(Collections.unmodifiableList(Arrays.asList(cells.clone())));
            return this;
        }

        /** @return the table */
        public TableArtifact build() {
            return new TableArtifact(List.copyOf(headers), List.copyOf(rows));
        }
    }
}
