package org.fluxion.api.artifact;

import java.util.List;
import java.util.Objects;

/**
 * Markers with error bars.
 *
 * @param label  legend label
 * @param points the points (copied)
 */
public record PointSeries(String label, List<Point> points) implements Series {
    public PointSeries {
        Objects.requireNonNull(label, "label");
        points = List.copyOf(points);
    }
}
