package org.fluxion.synth.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Growable column arrays for the {@link StoppingMuonColumn}s of one sample (one array per column,
 * typed by {@link StoppingMuonColumn.Storage}). Mutable, not thread-safe: one store per block or
 * per sample.
 */
public final class ColumnStore {
    private final List<StoppingMuonColumn> columns;
    private final Object[] arrays = new Object[StoppingMuonColumn.values().length];
    private int size;

    /**
     * @param sampleBit one of the sample bits of {@link StoppingMuonColumn}
     * @param capacity  initial rows
     */
    public ColumnStore(int sampleBit, int capacity) {
        List<StoppingMuonColumn> c = new ArrayList<>();
        for (StoppingMuonColumn col : StoppingMuonColumn.values()) {
            if (col.in(sampleBit)) {
                c.add(col);
                arrays[col.ordinal()] = allocate(col.storage(), capacity);
            }
        }
        columns = List.copyOf(c);
    }

    private static Object allocate(StoppingMuonColumn.Storage s, int n) {
        return switch (s) {
            case FLOAT64 -> new double[n];
            case INT64 -> new long[n];
            case INT32 -> new int[n];
            case UINT8 -> new byte[n];
        };
    }

    /** @return the columns of this sample, in schema order */
    public List<StoppingMuonColumn> columns() {
        return columns;
    }

    /** @return whether this sample carries {@code c} */
    public boolean has(StoppingMuonColumn c) {
        return arrays[c.ordinal()] != null;
    }

    /** @return rows filled */
    public int size() {
        return size;
    }

    /** Sets the number of filled rows (after writing rows directly into the arrays). */
    public void size(int rows) {
        if (rows < 0 || rows > capacity()) {
            throw new IllegalArgumentException("rows " + rows + " outside [0, " + capacity() + "]");
        }
        size = rows;
    }

    /** @return the allocated rows */
    public int capacity() {
        return java.lang.reflect.Array.getLength(arrays[columns.get(0).ordinal()]);
    }

    /** @return the backing array of a FLOAT64 column (length = capacity) */
    public double[] f64(StoppingMuonColumn c) {
        return (double[]) arrays[c.ordinal()];
    }

    /** @return the backing array of an INT64 column */
    public long[] i64(StoppingMuonColumn c) {
        return (long[]) arrays[c.ordinal()];
    }

    /** @return the backing array of an INT32 column */
    public int[] i32(StoppingMuonColumn c) {
        return (int[]) arrays[c.ordinal()];
    }

    /** @return the backing array of a UINT8 column */
    public byte[] u8(StoppingMuonColumn c) {
        return (byte[]) arrays[c.ordinal()];
    }

    /** @return the array of column {@code c} trimmed to {@link #size()} (a copy if capacity differs) */
    public Object trimmed(StoppingMuonColumn c) {
        Object a = arrays[c.ordinal()];
        if (java.lang.reflect.Array.getLength(a) == size) {
            return a;
        }
        return switch (c.storage()) {
            case FLOAT64 -> Arrays.copyOf((double[]) a, size);
            case INT64 -> Arrays.copyOf((long[]) a, size);
            case INT32 -> Arrays.copyOf((int[]) a, size);
            case UINT8 -> Arrays.copyOf((byte[]) a, size);
        };
    }

    /**
     * Appends the first {@code rows} rows of {@code block} (same sample), growing if needed.
     */
    public void append(ColumnStore block, int rows) {
        if (rows > block.size) {
            throw new IllegalArgumentException("block has " + block.size + " rows, asked for " + rows);
        }
        if (size + rows > capacity()) {
            long grown = Math.max((long) size + rows, Math.min(Integer.MAX_VALUE - 8, (long) capacity() * 3 / 2 + 1));
            for (StoppingMuonColumn c : columns) {
                Object a = arrays[c.ordinal()];
                arrays[c.ordinal()] = switch (c.storage()) {
                    case FLOAT64 -> Arrays.copyOf((double[]) a, (int) grown);
                    case INT64 -> Arrays.copyOf((long[]) a, (int) grown);
                    case INT32 -> Arrays.copyOf((int[]) a, (int) grown);
                    case UINT8 -> Arrays.copyOf((byte[]) a, (int) grown);
                };
            }
        }
        for (StoppingMuonColumn c : columns) {
            System.arraycopy(block.arrays[c.ordinal()], 0, arrays[c.ordinal()], size, rows);
        }
        size += rows;
    }
}
