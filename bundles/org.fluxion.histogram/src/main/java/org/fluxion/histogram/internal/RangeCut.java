package org.fluxion.histogram.internal;

import java.util.Objects;

/**
 * A range selection on one column: keeps rows with {@code low <= value < high}. With
 * {@code high = +∞} (a one-element {@code select} list) there is no upper bound and +∞ passes;
 * with {@code low = -∞} there is no lower bound. NaN never passes. Immutable.
 *
 * @param column the column, not blank
 * @param low    inclusive lower bound, in the column's unit; -∞ for none; not NaN
 * @param high   exclusive upper bound, > low; +∞ for none; not NaN
 */
public record RangeCut(String column, double low, double high) {
    public RangeCut {
        Objects.requireNonNull(column, "column");
        if (Double.isNaN(low) || Double.isNaN(high) || !(high > low)) {
            throw new IllegalArgumentException("cut on '" + column + "': need low < high but got [" + low + ", "
                    + high + ")");
        }
    }

    /** @return whether {@code value} passes */
    public boolean contains(double value) {
        return value >= low && (value < high || high == Double.POSITIVE_INFINITY);
    }

    /** @return the cut as text, e.g. {@code 0 <= Ze < 30}, {@code Nmu >= 3.6}, {@code Ze < 30} */
    public String describe() {
        boolean hasLow = low != Double.NEGATIVE_INFINITY, hasHigh = high != Double.POSITIVE_INFINITY;
        if (hasLow && hasHigh) {
            return format(low) + " <= " + column + " < " + format(high);
        }
        if (hasLow) {
            return column + " >= " + format(low);
        }
        return hasHigh ? column + " < " + format(high) : column + " not NaN";
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
