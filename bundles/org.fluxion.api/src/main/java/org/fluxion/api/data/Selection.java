package org.fluxion.api.data;

import java.util.Arrays;

/**
 * An immutable, strictly increasing set of row numbers of a table with {@link #sourceSize()} rows.
 * Applying it to an {@link EventTable} gives a zero-copy view ({@link EventTable#select}).
 */
public final class Selection {
    private final int sourceSize;
    private final int[] rows;

    private Selection(int sourceSize, int[] rows) {
        this.sourceSize = sourceSize;
        this.rows = rows;
    }

    /** @return a selection of every row of a table with {@code n} rows */
    public static Selection all(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("row count must be >= 0 but was " + n);
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return new Selection(n, rows);
    }

    /** @return the rows where {@code mask[i]} is true, for a table of {@code mask.length} rows */
    public static Selection ofMask(boolean[] mask) {
        int count = 0;
        for (boolean b : mask) {
            if (b) {
                count++;
            }
        }
        int[] rows = new int[count];
        int k = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                rows[k++] = i;
            }
        }
        return new Selection(mask.length, rows);
    }

    /**
     * @param sourceSize rows of the table the selection refers to
     * @param rows       strictly increasing row numbers in [0, sourceSize) (copied)
     * @throws IllegalArgumentException if the rows are out of range or not strictly increasing
     */
    public static Selection ofRows(int sourceSize, int[] rows) {
        int[] copy = rows.clone();
        for (int k = 0; k < copy.length; k++) {
            if (copy[k] < 0 || copy[k] >= sourceSize) {
                throw new IllegalArgumentException("selected row " + copy[k] + " at position " + k
                        + " outside [0, " + sourceSize + ")");
            }
            if (k > 0 && copy[k] <= copy[k - 1]) {
                throw new IllegalArgumentException("selected rows must be strictly increasing, but row "
                        + copy[k] + " at position " + k + " follows " + copy[k - 1]);
            }
        }
        return new Selection(sourceSize, copy);
    }

    /** @return number of rows of the table this selection refers to */
    public int sourceSize() {
        return sourceSize;
    }

    /** @return number of selected rows */
    public int size() {
        return rows.length;
    }

    /** @return the k-th selected row number */
    public int row(int k) {
        return rows[k];
    }

    /** @return the selected row numbers (a copy) */
    public int[] rows() {
        return rows.clone();
    }

    /** @return the rows selected by both (same source size required) */
    public Selection and(Selection other) {
        if (other.sourceSize != sourceSize) {
            throw new IllegalArgumentException("cannot combine selections of " + sourceSize + " and "
                    + other.sourceSize + " rows");
        }
        int[] out = new int[Math.min(rows.length, other.rows.length)];
        int i = 0, j = 0, k = 0;
        while (i < rows.length && j < other.rows.length) {
            if (rows[i] == other.rows[j]) {
                out[k++] = rows[i];
                i++;
                j++;
            } else if (rows[i] < other.rows[j]) {
                i++;
            } else {
                j++;
            }
        }
        return new Selection(sourceSize, Arrays.copyOf(out, k));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Selection s && s.sourceSize == sourceSize && Arrays.equals(s.rows, rows);
    }

    @Override
    public int hashCode() {
        return 31 * sourceSize + Arrays.hashCode(rows);
    }

    @Override
    public String toString() {
        return "Selection[" + rows.length + " of " + sourceSize + " rows]";
    }
}
