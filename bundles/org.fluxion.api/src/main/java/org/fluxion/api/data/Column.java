package org.fluxion.api.data;

import java.util.List;
import java.util.Objects;

/**
 * One typed column of an {@link EventTable}. A column either owns its backing array or is a
 * zero-copy view through an index array onto another column's storage ({@link #select}).
 * Columns are immutable: the backing arrays are copied on construction and never exposed.
 */
public abstract sealed class Column
        permits Column.Doubles, Column.Floats, Column.Longs, Column.Ints, Column.Booleans, Column.Categorical {

    private final ColumnSpec spec;
    /** Row indices into the backing array, or null for the identity mapping. */
    final int[] index;
    private final int size;

    Column(ColumnSpec spec, int[] index, int storageSize) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.index = index;
        this.size = index == null ? storageSize : index.length;
    }

    /** @return name, type and unit */
    public final ColumnSpec spec() {
        return spec;
    }

    /** @return the column name */
    public final String name() {
        return spec.name();
    }

    /** @return the unit, "" if dimensionless */
    public final String unit() {
        return spec.unit();
    }

    /** @return number of rows */
    public final int size() {
        return size;
    }

    final int row(int i) {
        return index == null ? i : index[i];
    }

    /**
     * Numeric value of row {@code i}: booleans are 0/1, categorical values their level code.
     *
     * @throws IndexOutOfBoundsException if {@code i} is not in [0, size)
     */
    public abstract double getDouble(int i);

    /** Copies the numeric values of all rows (see {@link #getDouble}) into a new array. */
    public double[] toDoubleArray() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = getDouble(i);
        }
        return out;
    }

    /** @return a zero-copy view of the selected rows */
    public final Column select(Selection selection) {
        if (selection.sourceSize() != size) {
            throw new IllegalArgumentException("selection made for " + selection.sourceSize()
                    + " rows applied to column '" + name() + "' with " + size + " rows");
        }
        int[] composed = new int[selection.size()];
        for (int k = 0; k < composed.length; k++) {
            composed[k] = row(selection.row(k));
        }
        return withIndex(composed);
    }

    abstract Column withIndex(int[] newIndex);

    /** Creates an owned double column (the array is copied). */
    public static Column.Doubles ofDoubles(String name, String unit, double[] values) {
        return new Doubles(new ColumnSpec(name, ColumnType.DOUBLE, unit), values.clone(), null);
    }

    /** Creates an owned float column (the array is copied). */
    public static Column.Floats ofFloats(String name, String unit, float[] values) {
        return new Floats(new ColumnSpec(name, ColumnType.FLOAT, unit), values.clone(), null);
    }

    /** Creates an owned long column (the array is copied). */
    public static Column.Longs ofLongs(String name, String unit, long[] values) {
        return new Longs(new ColumnSpec(name, ColumnType.LONG, unit), values.clone(), null);
    }

    /** Creates an owned int column (the array is copied). */
    public static Column.Ints ofInts(String name, String unit, int[] values) {
        return new Ints(new ColumnSpec(name, ColumnType.INT, unit), values.clone(), null);
    }

    /** Creates an owned boolean column (the array is copied). */
    public static Column.Booleans ofBooleans(String name, boolean[] values) {
        return new Booleans(new ColumnSpec(name, ColumnType.BOOLEAN, ""), values.clone(), null);
    }

    /**
     * Creates a categorical column.
     *
     * @param codes  per row an index into {@code levels}
     * @param levels the distinct category names, in code order
     * @throws IllegalArgumentException if a code is outside [0, levels.size())
     */
    public static Column.Categorical ofCategories(String name, int[] codes, List<String> levels) {
        List<String> lv = List.copyOf(levels);
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < 0 || codes[i] >= lv.size()) {
                throw new IllegalArgumentException("column '" + name + "' row " + i + ": category code "
                        + codes[i] + " outside [0, " + lv.size() + ")");
            }
        }
        return new Categorical(new ColumnSpec(name, ColumnType.CATEGORICAL, ""), codes.clone(), lv, null);
    }

    /**
     * Wraps an array without copying. For loaders that build a fresh array and hand it over:
     * the caller must not modify the array afterwards.
     */
    public static Column.Doubles adoptDoubles(String name, String unit, double[] values) {
        return new Doubles(new ColumnSpec(name, ColumnType.DOUBLE, unit), values, null);
    }

    /** Like {@link #adoptDoubles} for floats. */
    public static Column.Floats adoptFloats(String name, String unit, float[] values) {
        return new Floats(new ColumnSpec(name, ColumnType.FLOAT, unit), values, null);
    }

    /** Like {@link #adoptDoubles} for longs. */
    public static Column.Longs adoptLongs(String name, String unit, long[] values) {
        return new Longs(new ColumnSpec(name, ColumnType.LONG, unit), values, null);
    }

    /** Like {@link #adoptDoubles} for ints. */
    public static Column.Ints adoptInts(String name, String unit, int[] values) {
        return new Ints(new ColumnSpec(name, ColumnType.INT, unit), values, null);
    }

    /** Like {@link #adoptDoubles} for booleans. */
    public static Column.Booleans adoptBooleans(String name, boolean[] values) {
        return new Booleans(new ColumnSpec(name, ColumnType.BOOLEAN, ""), values, null);
    }

    /** Like {@link #ofCategories} without copying the codes (codes are still validated). */
    public static Column.Categorical adoptCategories(String name, int[] codes, List<String> levels) {
        List<String> lv = List.copyOf(levels);
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < 0 || codes[i] >= lv.size()) {
                throw new IllegalArgumentException("column '" + name + "' row " + i + ": category code "
                        + codes[i] + " outside [0, " + lv.size() + ")");
            }
        }
        return new Categorical(new ColumnSpec(name, ColumnType.CATEGORICAL, ""), codes, lv, null);
    }

    /** Double-precision column. */
    public static final class Doubles extends Column {
        private final double[] values;

        Doubles(ColumnSpec spec, double[] values, int[] index) {
            super(spec, index, values.length);
            this.values = values;
        }

        /** @return value of row i */
        public double get(int i) {
            return values[row(i)];
        }

        @Override
        public double getDouble(int i) {
            return values[row(i)];
        }

        @Override
        Column withIndex(int[] newIndex) {
            return new Doubles(spec(), values, newIndex);
        }
    }

    /** Single-precision column. */
    public static final class Floats extends Column {
        private final float[] values;

        Floats(ColumnSpec spec, float[] values, int[] index) {
            super(spec, index, values.length);
            this.values = values;
        }

        /** @return value of row i */
        public float get(int i) {
            return values[row(i)];
        }

        @Override
        public double getDouble(int i) {
            return values[row(i)];
        }

        @Override
        Column withIndex(int[] newIndex) {
            return new Floats(spec(), values, newIndex);
        }
    }

    /** 64-bit integer column (counters, run/event ids, timestamps in s since the epoch). */
    public static final class Longs extends Column {
        private final long[] values;

        Longs(ColumnSpec spec, long[] values, int[] index) {
            super(spec, index, values.length);
            this.values = values;
        }

        /** @return value of row i */
        public long get(int i) {
            return values[row(i)];
        }

        @Override
        public double getDouble(int i) {
            return values[row(i)];
        }

        @Override
        Column withIndex(int[] newIndex) {
            return new Longs(spec(), values, newIndex);
        }
    }

    /** 32-bit integer column. */
    public static final class Ints extends Column {
        private final int[] values;

        Ints(ColumnSpec spec, int[] values, int[] index) {
            super(spec, index, values.length);
            this.values = values;
        }

        /** @return value of row i */
        public int get(int i) {
            return values[row(i)];
        }

        @Override
        public double getDouble(int i) {
            return values[row(i)];
        }

        @Override
        Column withIndex(int[] newIndex) {
            return new Ints(spec(), values, newIndex);
        }
    }

    /** Flag column. {@link #getDouble} gives 1 for true and 0 for false. */
    public static final class Booleans extends Column {
        private final boolean[] values;

        Booleans(ColumnSpec spec, boolean[] values, int[] index) {
            super(spec, index, values.length);
            this.values = values;
        }

        /** @return value of row i */
        public boolean get(int i) {
            return values[row(i)];
        }

        @Override
        public double getDouble(int i) {
            return values[row(i)] ? 1.0 : 0.0;
        }

        @Override
        Column withIndex(int[] newIndex) {
            return new Booleans(spec(), values, newIndex);
        }
    }

    /** Categorical column: per row a code into {@link #levels()}. */
    public static final class Categorical extends Column {
        private final int[] codes;
        private final List<String> levels;

        Categorical(ColumnSpec spec, int[] codes, List<String> levels, int[] index) {
            super(spec, index, codes.length);
            this.codes = codes;
            this.levels = levels;
        }

        /** @return the category names in code order (unmodifiable) */
        public List<String> levels() {
            return levels;
        }

        /** @return the code of row i */
        public int code(int i) {
            return codes[row(i)];
        }

        /** @return the category name of row i */
        public String get(int i) {
            return levels.get(codes[row(i)]);
        }

        @Override
        public double getDouble(int i) {
            return codes[row(i)];
        }

        @Override
        Column withIndex(int[] newIndex) {
            return new Categorical(spec(), codes, levels, newIndex);
        }
    }
}
