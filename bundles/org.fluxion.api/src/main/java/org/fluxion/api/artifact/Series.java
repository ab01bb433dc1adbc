package org.fluxion.api.artifact;

/** One drawn data set of a plot; {@link #label()} appears in the legend (empty: not listed). */
public sealed interface Series
        permits HistogramSeries, PointSeries, LineSeries, BandSeries, Map2DSeries {
    /** @return legend label, "" for none */
    String label();
}
