package org.fluxion.api.artifact;

import java.util.List;
import java.util.Objects;

/**
 * A lower panel sharing the main plot's x axis, e.g. data/MC.
 *
 * @param y      its y axis (e.g. "Data / MC")
 * @param series what to draw in it (copied)
 * @param reference y of the dashed reference line (usually 1)
 */
public record RatioPanel(Axis y, List<Series> series, double reference) {
    public RatioPanel {
        Objects.requireNonNull(y, "y");
        series = List.copyOf(series);
    }
}
