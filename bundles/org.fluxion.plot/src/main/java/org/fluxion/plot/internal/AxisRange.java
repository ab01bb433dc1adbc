package org.fluxion.plot.internal;

import org.fluxion.api.artifact.Axis;

/**
 * The shown range of an axis, from the data extent, the axis' fixed limits and margins. Margins of a
 * log axis are fractions of the span in decades. Immutable.
 *
 * @param lower lower bound (> 0 on a log axis)
 * @param upper upper bound, > lower
 */
record AxisRange(double lower, double upper) {

    /**
     * @param plotTitle   for messages
     * @param role        for messages, e.g. "x axis" or "ratio y axis"
     * @param axis        the axis spec (scale, fixed limits)
     * @param extent      values to show
     * @param includeZero linear scale only: the range starts at (or crosses) zero (histograms)
     * @param lowMargin   margin below the data as a fraction of the span (0 for none)
     * @param highMargin  margin above the data as a fraction of the span
     * @throws IllegalArgumentException if a log axis has a fixed limit <= 0 or nothing positive to show
     */
    static AxisRange of(String plotTitle, String role, Axis axis, ValueExtent extent, boolean includeZero,
            double lowMargin, double highMargin) {
        boolean fixedLow = !Double.isNaN(axis.min());
        boolean fixedHigh = !Double.isNaN(axis.max());
        if (axis.log()) {
            if (fixedLow && !(axis.min() > 0) || fixedHigh && !(axis.max() > 0)) {
                throw new IllegalArgumentException("plot '" + plotTitle + "': log " + role + " '" + axis.label()
                        + "' needs limits > 0 but has min=" + axis.min() + ", max=" + axis.max());
            }
            if (fixedLow && fixedHigh) {
                return new AxisRange(axis.min(), axis.max());
            }
            if (extent.positiveCount() == 0) {
                throw new IllegalArgumentException("plot '" + plotTitle + "': log " + role + " '" + axis.label()
                        + "' has no positive value to show (" + extent.count()
                        + " finite values, all <= 0); use a linear axis or give both limits");
            }
            double lo = Math.log10(extent.minPositive());
            double hi = Math.log10(extent.max());
            if (hi - lo < 1e-9) {
                lo -= 0.5;
                hi += 0.5;
            }
            double span = hi - lo;
            double lower = fixedLow ? Math.log10(axis.min()) : lo - lowMargin * span;
            double upper = fixedHigh ? Math.log10(axis.max()) : hi + highMargin * span;
            if (!(upper > lower)) {
                if (fixedLow) {
                    upper = lower + 1;
                } else {
                    lower = upper - 1;
                }
            }
            return new AxisRange(Math.pow(10, lower), Math.pow(10, upper));
        }
        if (fixedLow && fixedHigh) {
            return new AxisRange(axis.min(), axis.max());
        }
        double lo = extent.count() == 0 ? 0 : extent.min();
        double hi = extent.count() == 0 ? 1 : extent.max();
        if (includeZero) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        if (hi - lo <= Math.abs(hi) * 1e-12) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double span = hi - lo;
        double lower = fixedLow ? axis.min() : includeZero && lo == 0 ? 0 : lo - lowMargin * span;
        double upper = fixedHigh ? axis.max() : includeZero && hi == 0 ? 0 : hi + highMargin * span;
        if (!(upper > lower)) {
            double pad = Math.max(Math.abs(fixedLow ? lower : upper) * 0.1, 1);
            if (fixedLow) {
                upper = lower + pad;
            } else {
                lower = upper - pad;
            }
        }
        return new AxisRange(lower, upper);
    }

    /** @return a value far below the range on a log axis, standing in for zero and negative values */
    double logFloor() {
        return lower / 1e3;
    }
}
