package org.fluxion.api.artifact;

import java.util.Objects;

/**
 * An axis: quantity, unit and scale. The rendered label is "label [unit]" (just the label if the
 * unit is empty).
 *
 * @param label quantity name, e.g. "Surface energy"
 * @param unit  unit, e.g. "GeV"; "" if dimensionless
 * @param log   logarithmic scale
 * @param min   lower limit, or NaN for automatic
 * @param max   upper limit, or NaN for automatic
 */
public record Axis(String label, String unit, boolean log, double min, double max) {
    public Axis {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        if (!Double.isNaN(min) && !Double.isNaN(max) && !(max > min)) {
            throw new IllegalArgumentException("axis '" + label + "': min (" + min + ") must be < max (" + max + ")");
        }
    }

    /** @return a linear axis with automatic range */
    public static Axis linear(String label, String unit) {
        return new Axis(label, unit, false, Double.NaN, Double.NaN);
    }

    /** @return a logarithmic axis with automatic range */
    public static Axis log(String label, String unit) {
        return new Axis(label, unit, true, Double.NaN, Double.NaN);
    }

    /** @return this axis with a fixed range */
    public Axis withRange(double newMin, double newMax) {
        return new Axis(label, unit, log, newMin, newMax);
    }

    /** @return "label [unit]" or "label" */
    public String title() {
        return unit.isEmpty() ? label : label + " [" + unit + "]";
    }
}
