package org.fluxion.api.artifact;

import java.util.Objects;

/**
 * A straight reference line, e.g. a cut value or the 1:1 diagonal's absence.
 *
 * @param vertical true for a line at x = value, false for y = value
 * @param value    position in data coordinates
 * @param label    text next to the line, "" for none
 */
public record Marker(boolean vertical, double value, String label) {
    public Marker {
        Objects.requireNonNull(label, "label");
    }

    /** @return a vertical line at x */
    public static Marker atX(double x, String label) {
        return new Marker(true, x, label);
    }

    /** @return a horizontal line at y */
    public static Marker atY(double y, String label) {
        return new Marker(false, y, label);
    }
}
