package org.fluxion.api.artifact;

import java.util.List;
import java.util.Objects;

/**
 * A shaded band between {@code yErrLow} below and {@code yErrHigh} above each point's y (e.g. a
 * bootstrap or 68 % band); the central line is drawn too.
 *
 * @param label  legend label
 * @param points the points (copied)
 */
public record BandSeries(String label, List<Point> points) implements Series {
    public BandSeries {
        Objects.requireNonNull(label, "label");
        points = List.copyOf(points);
    }
}
