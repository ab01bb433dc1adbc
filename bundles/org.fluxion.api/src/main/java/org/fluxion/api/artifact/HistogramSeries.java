package org.fluxion.api.artifact;

import java.util.Objects;

import org.fluxion.api.hist.Histogram;

/**
 * A 1-D histogram drawn as a step line, as points with error bars, or filled (stacked when
 * several filled series share a {@code stackGroup}).
 *
 * @param label      legend label
 * @param histogram  contents; errors are sqrt(sumW2)
 * @param style      how to draw it
 * @param density    divide contents and errors by the bin width
 * @param stackGroup non-empty to stack FILLED series of the same group; "" otherwise
 */
public record HistogramSeries(String label, Histogram histogram, Style style, boolean density, String stackGroup)
        implements Series {
    /** Drawing style. */
    public enum Style { STEP, POINTS, FILLED }

    public HistogramSeries {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(histogram, "histogram");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(stackGroup, "stackGroup");
    }

    /** @return a step-line series */
    public static HistogramSeries step(String label, Histogram h) {
        return new HistogramSeries(label, h, Style.STEP, false, "");
    }

    /** @return a points-with-error-bars series */
    public static HistogramSeries points(String label, Histogram h) {
        return new HistogramSeries(label, h, Style.POINTS, false, "");
    }
}
