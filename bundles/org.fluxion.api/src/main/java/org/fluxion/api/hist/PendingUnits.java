package org.fluxion.api.hist;

/**
 * Unit-weight fills of a histogram builder not yet added to its sums: an int count per cell,
 * optionally in several interleaved lanes (consecutive fills of one hot cell then go to different
 * memory words, so they do not wait for each other). Mutable, not thread-safe; owned by one
 * builder.
 *
 * <p>Adding the counts later gives exactly the sums that adding 1.0 once per fill would have
 * given: {@link #addUnits} adds the count in one step only when every partial sum of the one-by-one
 * additions is an integer of magnitude <= 2^53 (so each of them, and the single sum, is exact),
 * and otherwise adds 1.0 count times.
 */
final class PendingUnits {
    /** Largest magnitude up to which every integer is a double. */
    private static final double EXACT_INTEGERS = 0x1p53;

    private final int cells;
    private final int lanes;
    /** lane l of cell j at l * cells + j */
    private final int[] counts;
    /** sum of all counts; kept <= Integer.MAX_VALUE so that no count overflows */
    private long total;

    /**
     * @param cells number of cells (including under/overflow cells)
     * @param lanes number of interleaved lanes, >= 1
     */
    PendingUnits(int cells, int lanes) {
        this.cells = cells;
        this.lanes = lanes;
        this.counts = new int[cells * lanes];
    }

    /** @return the counts array, lane l of cell j at {@code l * cells() + j}; for fill loops */
    int[] counts() {
        return counts;
    }

    /** @return cells per lane */
    int cells() {
        return cells;
    }

    /** @return number of lanes */
    int lanes() {
        return lanes;
    }

    /** @return whether no fills are pending */
    boolean isEmpty() {
        return total == 0;
    }

    /**
     * Makes room for {@code n} more fills: adds everything pending to the sums first if the counts
     * could overflow otherwise. Call before incrementing counts, then {@link #added}.
     */
    void reserve(long n, double[] sumW, double[] sumW2) {
        if (total + n > Integer.MAX_VALUE) {
            flush(sumW, sumW2);
        }
    }

    /** Records that {@code n} counts were incremented. */
    void added(long n) {
        total += n;
    }

    /** Adds the pending fills of cell {@code j} to the sums (before a weighted fill of that cell). */
    void flushCell(int j, double[] sumW, double[] sumW2) {
        if (total == 0) {
            return;
        }
        long c = 0;
        for (int k = j; k < counts.length; k += cells) {
            c += counts[k];
            counts[k] = 0;
        }
        if (c != 0) {
            addUnits(sumW, j, c);
            addUnits(sumW2, j, c);
            total -= c;
        }
    }

    /** Adds all pending fills to the sums. */
    void flush(double[] sumW, double[] sumW2) {
        if (total == 0) {
            return;
        }
        for (int j = 0; j < cells; j++) {
            long c = 0;
            for (int k = j; k < counts.length; k += cells) {
                c += counts[k];
                counts[k] = 0;
            }
            if (c != 0) {
                addUnits(sumW, j, c);
                addUnits(sumW2, j, c);
            }
        }
        total = 0;
    }

    /** {@code a[j] += 1.0}, {@code count} times, bit for bit; in one step when that is exact. */
    static void addUnits(double[] a, int j, long count) {
        double s = a[j];
        if (s == Math.rint(s) && Math.abs(s) <= EXACT_INTEGERS - count) { // right side exact: count < 2^32
            a[j] = s + count;
        } else {
            for (long i = 0; i < count; i++) { // NaN, ±∞, fractional or huge sums: one by one
                s += 1.0;
            }
            a[j] = s;
        }
    }
}
