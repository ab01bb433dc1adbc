package org.fluxion.cuts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One cut on one column: a value {@code v} passes if it lies within the (optionally open) interval
 * from {@code min} to {@code max}, equals {@code equalTo} if set and differs from {@code notEqualTo}
 * if set. NaN never passes. An absent lower bound is {@code -Infinity} (inclusive), an absent upper
 * bound {@code +Infinity} (inclusive).
 *
 * @param column       the column the cut applies to
 * @param min          lower bound ({@code -Infinity} if none)
 * @param minInclusive whether {@code v == min} passes
 * @param max          upper bound ({@code +Infinity} if none)
 * @param maxInclusive whether {@code v == max} passes
 * @param equalTo      the only passing value, or null
 * @param notEqualTo   a value that fails, or null
 */
public record Cut(String column, double min, boolean minInclusive, double max, boolean maxInclusive,
        Double equalTo, Double notEqualTo) {

    public Cut {
        Objects.requireNonNull(column, "column");
        if (column.isBlank()) {
            throw new IllegalArgumentException("cut column name must not be blank");
        }
        if (Double.isNaN(min) || Double.isNaN(max)) {
            throw new IllegalArgumentException("cut on '" + column + "': bounds must not be NaN (min " + min
                    + ", max " + max + ")");
        }
        if (min > max) {
            throw new IllegalArgumentException("cut on '" + column + "': lower bound " + min
                    + " is above upper bound " + max + ", no value could pass");
        }
        if (equalTo != null && (Double.isNaN(equalTo) || Double.isInfinite(equalTo))) {
            throw new IllegalArgumentException("cut on '" + column + "': '==' value must be finite but was " + equalTo);
        }
        if (notEqualTo != null && Double.isNaN(notEqualTo)) {
            throw new IllegalArgumentException("cut on '" + column + "': '!=' value must not be NaN");
        }
    }

    /** @return the cut {@code column >= min}, the meaning of a bare number in the {@code cuts} setting */
    public static Cut atLeast(String column, double min) {
        return new Cut(column, min, true, Double.POSITIVE_INFINITY, true, null, null);
    }

    /** @return the cut {@code min <= column <= max} */
    public static Cut between(String column, double min, double max) {
        return new Cut(column, min, true, max, true, null, null);
    }

    /** @return the cut {@code column == value} */
    public static Cut equalTo(String column, double value) {
        return new Cut(column, Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, value, null);
    }

    /** @return whether {@code v} passes; NaN never passes */
    public boolean test(double v) {
        if (v != v) {
            return false;
        }
        if (v < min || (v == min && !minInclusive)) {
            return false;
        }
        if (v > max || (v == max && !maxInclusive)) {
            return false;
        }
        if (equalTo != null && v != equalTo.doubleValue()) {
            return false;
        }
        return notEqualTo == null || v != notEqualTo.doubleValue();
    }

    /** @return whether a lower bound is set */
    public boolean hasMin() {
        return min != Double.NEGATIVE_INFINITY || !minInclusive;
    }

    /** @return whether an upper bound is set */
    public boolean hasMax() {
        return max != Double.POSITIVE_INFINITY || !maxInclusive;
    }

    /**
     * @return the cut as a readable expression, e.g. {@code score >= 0.7},
     *         {@code reco_stop_z in [0, 500]}, {@code reco_zenith < 1.2 && reco_zenith != 0}
     */
    public String describe() {
        List<String> parts = new ArrayList<>(3);
        if (hasMin() && hasMax()) {
            parts.add(column + " in " + (minInclusive ? "[" : "(") + format(min) + ", " + format(max)
                    + (maxInclusive ? "]" : ")"));
        } else if (hasMin()) {
            parts.add(column + (minInclusive ? " >= " : " > ") + format(min));
        } else if (hasMax()) {
            parts.add(column + (maxInclusive ? " <= " : " < ") + format(max));
        }
        if (equalTo != null) {
            parts.add(column + " == " + format(equalTo));
        }
        if (notEqualTo != null) {
            parts.add(column + " != " + format(notEqualTo));
        }
        if (parts.isEmpty()) {
            return column + " is not NaN";
        }
        return String.join(" && ", parts);
    }

    /** Integral values without a trailing ".0", others as {@link Double#toString}. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
