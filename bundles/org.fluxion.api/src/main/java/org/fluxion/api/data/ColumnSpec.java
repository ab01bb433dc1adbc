package org.fluxion.api.data;

import java.util.Objects;

/**
 * Name, storage type and unit of a column.
 *
 * @param name non-empty column name as used by the analysis (after any renaming)
 * @param type storage type, not null
 * @param unit physical unit (e.g. {@code "GeV"}, {@code "m"}, {@code "lg(E/eV)"}); empty for
 *             dimensionless quantities, never null
 */
public record ColumnSpec(String name, ColumnType type, String unit) {
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit (use \"\" for dimensionless)");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
    }
}
