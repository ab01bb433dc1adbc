package org.fluxion.api.artifact;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A plot as pure data: axes with units and scales, series, optional ratio panel, reference
 * lines and text lines (e.g. fit results). Rendering is the plot service's job.
 *
 * @param title       title ("" for none)
 * @param x           x axis
 * @param y           y axis
 * @param colour      colour axis for {@link Map2DSeries}, or null
 * @param series      drawn in order (copied)
 * @param ratio       lower panel, or null
 * @param markers     reference lines (copied)
 * @param annotations text lines shown in a box (copied)
 */
public record PlotSpec(String title, Axis x, Axis y, Axis colour, List<Series> series, RatioPanel ratio,
        List<Marker> markers, List<String> annotations) {
    public PlotSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        series = List.copyOf(series);
        markers = List.copyOf(markers);
        annotations = List.copyOf(annotations);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("plot '" + title + "' has no series");
        }
    }

    /** @return a builder */
    public static Builder builder(String title, Axis x, Axis y) {
        return new Builder(title, x, y);
    }

    /** Convenience builder; not thread-safe. */
    public static final class Builder {
        private final String title;
        private final Axis x;
        private final Axis y;
        private Axis colour;
        private final List<Series> series = new ArrayList<>();
        private RatioPanel ratio;
        private final List<Marker> markers = new ArrayList<>();
        private final List<String> annotations = new ArrayList<>();

        private Builder(String title, Axis x, Axis y) {
            this.title = title;
            this.x = x;
            this.y = y;
        }

        /** Adds a series. */
        public Builder add(Series s) {
            series.add(s);
            return this;
        }

        /** Sets the colour axis (for 2-D maps). */
        public Builder colour(Axis axis) {
            this.colour = axis;
            return this;
        }

        /** Sets the ratio panel. */
        public Builder ratio(RatioPanel panel) {
            this.ratio = panel;
            return this;
        }

        /** Adds a reference line. */
        public Builder marker(Marker m) {
            markers.add(m);
            return this;
        }

        /** Adds a text line. */
        public Builder annotate(String line) {
            annotations.add(line);
            return this;
        }

        /** @return the plot */
        public PlotSpec build() {
            return new PlotSpec(title, x, y, colour, series, ratio, markers, annotations);
        }
    }
}
