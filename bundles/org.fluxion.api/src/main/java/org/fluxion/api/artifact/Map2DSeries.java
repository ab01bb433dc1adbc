package org.fluxion.api.artifact;

import java.util.Objects;

import org.fluxion.api.hist.Histogram2D;

/**
 * A 2-D histogram drawn as a colour map (empty cells left blank), or as contour-like outlines when
 * {@code outline} is set (for overlaying, e.g. proton and iron bands on data).
 *
 * @param label     legend label
 * @param histogram contents
 * @param outline   draw outlines instead of filled cells
 */
public record Map2DSeries(String label, Histogram2D histogram, boolean outline) implements Series {
    public Map2DSeries {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(histogram, "histogram");
    }
}
