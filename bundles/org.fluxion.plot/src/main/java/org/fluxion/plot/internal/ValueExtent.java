package org.fluxion.plot.internal;

/**
 * Running extent of the finite values shown along one axis: minimum, maximum and smallest positive
 * value (what a log axis can show). Non-finite values are ignored. Mutable; not thread-safe (one per
 * axis of a chart being built).
 */
final class ValueExtent {
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double minPositive = Double.POSITIVE_INFINITY;
    private int count;
    private int positiveCount;

    /** Adds a value; NaN and infinities are ignored. */
    void add(double v) {
        if (!Double.isFinite(v)) {
            return;
        }
        count++;
        min = Math.min(min, v);
        max = Math.max(max, v);
        if (v > 0) {
            positiveCount++;
            minPositive = Math.min(minPositive, v);
        }
    }

    /** @return number of finite values added */
    int count() {
        return count;
    }

    /** @return number of positive values added */
    int positiveCount() {
        return positiveCount;
    }

    /** @return smallest value, +inf if none */
    double min() {
        return min;
    }

    /** @return largest value, -inf if none */
    double max() {
        return max;
    }

    /** @return smallest positive value, +inf if none */
    double minPositive() {
        return minPositive;
    }
}
