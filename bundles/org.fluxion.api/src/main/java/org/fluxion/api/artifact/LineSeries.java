package org.fluxion.api.artifact;

import java.util.List;
import java.util.Objects;

/**
 * A curve through points in x order (a model, a fit, a theory prediction).
 *
 * @param label  legend label
 * @param points the points (copied); errors are ignored
 * @param dashed draw dashed
 */
public record LineSeries(String label, List<Point> points, boolean dashed) implements Series {
    public LineSeries {
        Objects.requireNonNull(label, "label");
        points = List.copyOf(points);
    }
}
