package org.fluxion.io.hdf5.internal;

import java.util.Arrays;
import java.util.List;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.ColumnType;

/**
 * A column being loaded: a name, storage type, unit and a primitive array of the same type
 * ({@code double[]}, {@code float[]}, {@code long[]}, {@code int[]} or {@code boolean[]}). Each
 * instance is filled once (workers write disjoint row ranges) and then only read or replaced by a
 * derived instance, never shared outside the loader.
 */
final class ColumnData {
    final String name;
    final ColumnType type;
    final String unit;
    final Object values;

    ColumnData(String name, ColumnType type, String unit, Object values) {
        this.name = name;
        this.type = type;
        this.unit = unit;
        this.values = values;
    }

    /** @return an all-zero column of {@code rows} rows */
    static ColumnData allocate(String name, ColumnType type, String unit, int rows) {
        Object v = switch (type) {
            case DOUBLE -> new double[rows];
            case FLOAT -> new float[rows];
            case LONG -> new long[rows];
            case INT -> new int[rows];
            case BOOLEAN -> new boolean[rows];
            case CATEGORICAL -> throw new IllegalArgumentException("categorical columns are not decoded from HDF5");
        };
        return new ColumnData(name, type, unit, v);
    }

    int size() {
        return switch (type) {
            case DOUBLE -> ((double[]) values).length;
            case FLOAT -> ((float[]) values).length;
            case LONG -> ((long[]) values).length;
            case INT -> ((int[]) values).length;
            case BOOLEAN -> ((boolean[]) values).length;
            case CATEGORICAL -> throw new IllegalStateException();
        };
    }

    double getDouble(int i) {
        return switch (type) {
            case DOUBLE -> ((double[]) values)[i];
            case FLOAT -> ((float[]) values)[i];
            case LONG -> ((long[]) values)[i];
            case INT -> ((int[]) values)[i];
            case BOOLEAN -> ((boolean[]) values)[i] ? 1 : 0;
            case CATEGORICAL -> throw new IllegalStateException();
        };
    }

    ColumnData renamed(String newName) {
        return new ColumnData(newName, type, unit, values);
    }

    /** @return the rows where {@code keep} is true ({@code kept} of them) */
    ColumnData filter(boolean[] keep, int kept) {
        ColumnData out = allocate(name, type, unit, kept);
        int k = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                System.arraycopy(values, i, out.values, k++, 1);
            }
        }
        return out;
    }

    /**
     * @return this column as doubles with NaN where {@code missing} is true (floats keep their type)
     */
    ColumnData withMissing(boolean[] missing) {
        if (type == ColumnType.FLOAT) {
            float[] f = ((float[]) values).clone();
            for (int i = 0; i < f.length; i++) {
                if (missing[i]) {
                    f[i] = Float.NaN;
                }
            }
            return new ColumnData(name, type, unit, f);
        }
        double[] d = new double[missing.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = missing[i] ? Double.NaN : getDouble(i);
        }
        return new ColumnData(name, ColumnType.DOUBLE, unit, d);
    }

    /** Concatenates the parts (same name and type, checked by the caller) in order. */
    static ColumnData concat(List<ColumnData> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        long total = 0;
        for (ColumnData p : parts) {
            total += p.size();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("column '" + parts.get(0).name + "' would have " + total
                    + " rows; an event table holds at most " + (Integer.MAX_VALUE - 8));
        }
        ColumnData first = parts.get(0);
        ColumnData out = allocate(first.name, first.type, first.unit, (int) total);
        int at = 0;
        for (ColumnData p : parts) {
            int n = p.size();
            System.arraycopy(p.values, 0, out.values, at, n);
            at += n;
        }
        return out;
    }

    /** @return the column, adopting the array (this instance must not be used afterwards) */
    Column toColumn() {
        return switch (type) {
            case DOUBLE -> Column.adoptDoubles(name, unit, (double[]) values);
            case FLOAT -> Column.adoptFloats(name, unit, (float[]) values);
            case LONG -> Column.adoptLongs(name, unit, (long[]) values);
            case INT -> Column.adoptInts(name, unit, (int[]) values);
            case BOOLEAN -> Column.adoptBooleans(name, (boolean[]) values);
            case CATEGORICAL -> throw new IllegalStateException();
        };
    }

    @Override
    public String toString() {
        return name + " (" + type + ", " + size() + " rows" + (type == ColumnType.DOUBLE
                ? ", first " + Arrays.toString(Arrays.copyOf((double[]) values, Math.min(3, size()))) : "") + ")";
    }
}
