package org.fluxion.plot.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.BandSeries;
import org.fluxion.api.artifact.HistogramSeries;
import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.Map2DSeries;
import org.fluxion.api.artifact.Marker;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.RatioPanel;
import org.fluxion.api.artifact.Series;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.Histogram2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.ui.VerticalAlignment;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Turns a {@link PlotSpec} into a styled {@link JFreeChart}: computes axis ranges (log-safe),
 * converts every series into a JFreeChart dataset plus renderer, and adds legend, annotation box,
 * markers, ratio panel and colour bar. One instance per chart; not thread-safe (the renderer makes
 * a new one per call, so rendering is).
 */
final class ChartComposer {
    /** Approximate data-area height of a full-size chart in design px (for the legend headroom). */
    private static final double DATA_AREA_PX = 440;
    private static final double LEGEND_LINE_PX = 21;

    private final PlotSpec spec;
    private final String title;

    ChartComposer(PlotSpec spec) {
        this.spec = Objects.requireNonNull(spec, "plot");
        this.title = spec.title();
    }

    // ---------------------------------------------------------------- drawables (numbers, no style)

    /** A series reduced to the numbers to draw. */
    private sealed interface Drawable permits Step, Points, Fill, Line, Band, CellMap {
    }

    /** Step outline through bin edges. */
    private record Step(String label, double[] edges, double[] values) implements Drawable {
    }

    /** Markers with asymmetric x and y error bars; {@code histogram}: bins of a histogram. */
    private record Points(String label, double[] x, double[] xLow, double[] xHigh, double[] y, double[] yLow,
            double[] yHigh, boolean histogram) implements Drawable {
    }

    /** Filled histograms; stacked: layer j spans lows[j]..highs[j] per bin. */
    private record Fill(List<String> labels, double[] edges, double[][] lows, double[][] highs, boolean stacked)
            implements Drawable {
    }

    private record Line(String label, double[] x, double[] y, boolean dashed) implements Drawable {
    }

    private record Band(String label, double[] x, double[] y, double[] yLow, double[] yHigh) implements Drawable {
    }

    private record CellMap(String label, Histogram2D histogram, boolean outline) implements Drawable {
    }

    private List<Drawable> reduce(List<Series> series, String panel) {
        List<Drawable> out = new ArrayList<>();
        Map<String, List<HistogramSeries>> stacks = new LinkedHashMap<>();
        for (Series s : series) {
            if (s instanceof HistogramSeries h && h.style() == HistogramSeries.Style.FILLED && !h.stackGroup().isEmpty()) {
                stacks.computeIfAbsent(h.stackGroup(), k -> new ArrayList<>()).add(h);
            }
        }
        for (Series s : series) {
            switch (s) {
                case HistogramSeries h -> {
                    double[] v = contents(h);
                    double[] e = errors(h);
                    Binning b = h.histogram().binning();
                    switch (h.style()) {
                        case STEP -> out.add(new Step(h.label(), b.edges(), v));
                        case POINTS -> out.add(histogramPoints(h, v, e));
                        case FILLED -> {
                            if (h.stackGroup().isEmpty()) {
                                out.add(new Fill(List.of(h.label()), b.edges(), new double[][] {new double[v.length]},
                                        new double[][] {v}, false));
                            } else {
                                List<HistogramSeries> group = stacks.get(h.stackGroup());
                                if (group.get(0) == h) {
                                    out.add(stack(group, panel));
                                }
                            }
                        }
                    }
                }
                case PointSeries p -> {
                    int n = p.points().size();
                    double[] x = new double[n], xl = new double[n], xh = new double[n];
                    double[] y = new double[n], yl = new double[n], yh = new double[n];
                    for (int i = 0; i < n; i++) {
                        Point q = p.points().get(i);
                        x[i] = q.x();
                        xl[i] = q.x() - q.xErr();
                        xh[i] = q.x() + q.xErr();
                        y[i] = q.y();
                        yl[i] = q.y() - q.yErrLow();
                        yh[i] = q.y() + q.yErrHigh();
                    }
                    out.add(new Points(p.label(), x, xl, xh, y, yl, yh, false));
                }
                case LineSeries l -> {
                    int n = l.points().size();
                    double[] x = new double[n], y = new double[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = l.points().get(i).x();
                        y[i] = l.points().get(i).y();
                    }
                    out.add(new Line(l.label(), x, y, l.dashed()));
                }
                case BandSeries bs -> {
                    int n = bs.points().size();
                    double[] x = new double[n], y = new double[n], yl = new double[n], yh = new double[n];
                    for (int i = 0; i < n; i++) {
                        Point q = bs.points().get(i);
                        x[i] = q.x();
                        y[i] = q.y();
                        yl[i] = q.y() - q.yErrLow();
                        yh[i] = q.y() + q.yErrHigh();
                    }
                    out.add(new Band(bs.label(), x, y, yl, yh));
                }
                case Map2DSeries m -> out.add(new CellMap(m.label(), m.histogram(), m.outline()));
            }
        }
        return out;
    }

    private static double[] contents(HistogramSeries h) {
        Histogram hist = h.histogram();
        double[] v = hist.values();
        if (h.density()) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= hist.binning().width(i);
            }
        }
        return v;
    }

    private static double[] errors(HistogramSeries h) {
        Histogram hist = h.histogram();
        double[] e = hist.errors();
        if (h.density()) {
            for (int i = 0; i < e.length; i++) {
                e[i] /= hist.binning().width(i);
            }
        }
        return e;
    }

    /** Empty bins (no weight, no error) are not drawn as points. */
    private static Points histogramPoints(HistogramSeries h, double[] v, double[] e) {
        Binning b = h.histogram().binning();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0 || e[i] != 0) {
                keep.add(i);
            }
        }
        int n = keep.size();
        double[] x = new double[n], xl = new double[n], xh = new double[n];
        double[] y = new double[n], yl = new double[n], yh = new double[n];
        for (int k = 0; k < n; k++) {
            int i = keep.get(k);
            x[k] = b.centre(i);
            xl[k] = b.edge(i);
            xh[k] = b.edge(i + 1);
            y[k] = v[i];
            yl[k] = v[i] - e[i];
            yh[k] = v[i] + e[i];
        }
        return new Points(h.label(), x, xl, xh, y, yl, yh, true);
    }

    private Fill stack(List<HistogramSeries> group, String panel) {
        Binning b = group.get(0).histogram().binning();
        int n = b.bins();
        double[][] lows = new double[group.size()][];
        double[][] highs = new double[group.size()][];
        double[] cum = new double[n];
        List<String> labels = new ArrayList<>();
        for (int j = 0; j < group.size(); j++) {
            HistogramSeries h = group.get(j);
            if (!h.histogram().binning().equals(b)) {
                throw new IllegalArgumentException("plot '" + title + "' (" + panel + "): stacked series '"
                        + h.label() + "' of stack group '" + h.stackGroup() + "' has binning "
                        + h.histogram().binning() + " but the group's first series '" + group.get(0).label()
                        + "' has " + b + "; stacked histograms need identical binnings");
            }
            double[] v = contents(h);
            lows[j] = cum.clone();
            for (int i = 0; i < n; i++) {
                cum[i] += v[i];
            }
            highs[j] = cum.clone();
            labels.add(h.label());
        }
        return new Fill(labels, b.edges(), lows, highs, true);
    }

    // ---------------------------------------------------------------- extents

    private static void addAll(ValueExtent e, double[] v) {
        for (double d : v) {
            e.add(d);
        }
    }

    /** @return whether the x range should end exactly at bin edges */
    private static boolean collectX(List<Drawable> ds, ValueExtent x) {
        boolean exact = false;
        for (Drawable d : ds) {
            switch (d) {
                case Step s -> {
                    addAll(x, s.edges());
                    exact = true;
                }
                case Points p -> {
                    addAll(x, p.xLow());
                    addAll(x, p.xHigh());
                    exact |= p.histogram();
                }
                case Fill f -> {
                    addAll(x, f.edges());
                    exact = true;
                }
                case Line l -> addAll(x, l.x());
                case Band b -> addAll(x, b.x());
                case CellMap m -> {
                    addAll(x, m.histogram().xBinning().edges());
                    exact = true;
                }
            }
        }
        return exact;
    }

    /** @return whether the y range should include zero (histogram contents) */
    private static boolean collectY(List<Drawable> ds, ValueExtent y) {
        boolean zero = false;
        for (Drawable d : ds) {
            switch (d) {
                case Step s -> {
                    addAll(y, s.values());
                    zero = true;
                }
                case Points p -> {
                    addAll(y, p.y());
                    addAll(y, p.yLow());
                    addAll(y, p.yHigh());
                }
                case Fill f -> {
                    for (double[] h : f.highs()) {
                        addAll(y, h);
                    }
                    zero = true;
                }
                case Line l -> addAll(y, l.y());
                case Band b -> {
                    addAll(y, b.yLow());
                    addAll(y, b.yHigh());
                }
                case CellMap m -> addAll(y, m.histogram().yBinning().edges());
            }
        }
        return zero;
    }

    // ---------------------------------------------------------------- chart

    /**
     * @return the chart
     * @throws IllegalArgumentException naming the plot title if the spec cannot be drawn
     */
    JFreeChart compose() {
        RatioPanel ratio = spec.ratio();
        List<Drawable> main = reduce(spec.series(), "main panel");
        List<Drawable> lower = ratio == null ? List.of() : reduce(ratio.series(), "ratio panel");

        ValueExtent xe = new ValueExtent();
        boolean xExact = collectX(main, xe) | collectX(lower, xe);
        for (Marker m : spec.markers()) {
            if (m.vertical()) {
                xe.add(m.value());
            }
        }
        double xMargin = xExact ? 0 : 0.03;
        AxisRange xr = AxisRange.of(title, "x axis", spec.x(), xe, false, xMargin, xMargin);
        checkMarkers(xr);
        ValueAxis xAxis = axis(spec.x(), xr);

        ColourScale colour = colourScale(main);
        List<LegendItem> legend = new ArrayList<>();
        XYPlot mainPlot = panel(main, spec.y(), "y axis", xr, colour, legend, true);
        Plot plot;
        if (ratio == null) {
            mainPlot.setDomainAxis(xAxis);
            plot = mainPlot;
        } else {
            XYPlot ratioPlot = panel(lower, ratio.y(), "ratio y axis", xr, colour, new ArrayList<>(), false);
            ValueMarker ref = new ValueMarker(ratio.reference(), PlotStyle.MARKER, PlotStyle.MARKER_STROKE);
            ratioPlot.addRangeMarker(ref, Layer.FOREGROUND);
            CombinedDomainXYPlot combined = new CombinedDomainXYPlot(xAxis);
            combined.setGap(8);
            combined.add(mainPlot, PlotStyle.MAIN_WEIGHT);
            combined.add(ratioPlot, PlotStyle.RATIO_WEIGHT);
            combined.setOutlineVisible(false);
            combined.setBackgroundPaint(PlotStyle.BACKGROUND);
            combined.setDomainGridlinesVisible(false);
            plot = combined;
        }
        addMarkers(mainPlot, true);
        if (legend.size() >= 2) {
            LegendItemCollection items = new LegendItemCollection();
            legend.forEach(items::add);
            LegendTitle lt = new LegendTitle(() -> items, new ColumnArrangement(), new ColumnArrangement(
                    HorizontalAlignment.LEFT, VerticalAlignment.TOP, 0, 2));
            lt.setItemFont(PlotStyle.LEGEND_FONT);
            lt.setBackgroundPaint(SeriesPalette.translucent(Color.WHITE, 0.85f));
            lt.setFrame(new BlockBorder(PlotStyle.BOX_BORDER));
            lt.setPadding(new RectangleInsets(3, 6, 3, 6));
            lt.setItemLabelPadding(new RectangleInsets(2, 6, 2, 2));
            mainPlot.addAnnotation(new XYTitleAnnotation(0.985, 0.98, lt, RectangleAnchor.TOP_RIGHT));
        }
        if (!spec.annotations().isEmpty()) {
            TextTitle box = new TextTitle(String.join("\n", spec.annotations()), PlotStyle.ANNOTATION_FONT);
            box.setTextAlignment(HorizontalAlignment.LEFT);
            box.setBackgroundPaint(SeriesPalette.translucent(Color.WHITE, 0.85f));
            box.setFrame(new BlockBorder(PlotStyle.BOX_BORDER));
            box.setPadding(new RectangleInsets(4, 6, 4, 6));
            mainPlot.addAnnotation(new XYTitleAnnotation(0.015, 0.98, box, RectangleAnchor.TOP_LEFT));
        }

        JFreeChart chart = new JFreeChart(title.isEmpty() ? null : title, PlotStyle.TITLE_FONT, plot, false);
        chart.setBackgroundPaint(PlotStyle.BACKGROUND);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 14));
        if (chart.getTitle() != null) {
            chart.getTitle().setPadding(new RectangleInsets(2, 2, 8, 2));
        }
        if (colour != null) {
            chart.addSubtitle(colourBar(colour));
        }
        return chart;
    }

    private int annotationLines() {
        int n = 0;
        for (String a : spec.annotations()) {
            n += a.split("\n", -1).length;
        }
        return n;
    }

    /** @return fraction of the data span to add above the data so that legend/annotations do not hide it */
    private double headroom(int legendEntries, boolean hasRatio) {
        int lines = Math.max(legendEntries >= 2 ? legendEntries : 0, annotationLines());
        if (lines == 0) {
            return 0.05;
        }
        double px = DATA_AREA_PX * (hasRatio ? 0.7 : 1.0);
        double f = Math.min(0.6, (14 + LEGEND_LINE_PX * lines) / px);
        return f * 1.05 / (1 - f) + 0.04;
    }

    private XYPlot panel(List<Drawable> ds, Axis ySpec, String role, AxisRange xr, ColourScale colour,
            List<LegendItem> legend, boolean isMain) {
        ValueExtent ye = new ValueExtent();
        boolean zero = collectY(ds, ye);
        boolean onlyMaps = !ds.isEmpty() && ds.stream().allMatch(d -> d instanceof CellMap);
        if (isMain) {
            for (Marker m : spec.markers()) {
                if (!m.vertical()) {
                    ye.add(m.value());
                }
            }
        } else if (spec.ratio() != null) {
            ye.add(spec.ratio().reference());
        }
        int labelled = 0;
        for (Drawable d : ds) {
            labelled += d instanceof Fill f ? (int) f.labels().stream().filter(l -> !l.isEmpty()).count()
                    : label(d).isEmpty() ? 0 : 1;
        }
        double low = onlyMaps ? 0 : 0.05;
        double high = onlyMaps ? 0 : isMain ? headroom(labelled, spec.ratio() != null) : 0.08;
        AxisRange yr = AxisRange.of(title, role, ySpec, ye, zero, isMain ? low : 0.08, high);
        if (isMain) {
            for (Marker m : spec.markers()) {
                if (!m.vertical() && ySpec.log() && !(m.value() > 0)) {
                    throw new IllegalArgumentException("plot '" + title + "': marker '" + m.label() + "' at y = "
                            + m.value() + " cannot be shown on the log y axis '" + ySpec.label() + "'");
                }
            }
        }
        XYPlot plot = new XYPlot();
        plot.setRangeAxis(axis(ySpec, yr));
        style(plot);
        if (ds.stream().anyMatch(d -> d instanceof CellMap c && !c.outline())) {
            plot.setDomainGridlinesVisible(false);
            plot.setRangeGridlinesVisible(false);
        }
        new PanelBuilder(plot, spec.x().log(), xr, ySpec.log(), yr, colour, legend).addAll(ds);
        if (!isMain) {
            addMarkers(plot, false);
        }
        return plot;
    }

    private static String label(Drawable d) {
        return switch (d) {
            case Step s -> s.label();
            case Points p -> p.label();
            case Fill f -> f.labels().get(0);
            case Line l -> l.label();
            case Band b -> b.label();
            case CellMap m -> m.label();
        };
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(PlotStyle.BACKGROUND);
        plot.setDomainGridlinePaint(PlotStyle.GRID);
        plot.setRangeGridlinePaint(PlotStyle.GRID);
        plot.setDomainGridlineStroke(PlotStyle.GRID_STROKE);
        plot.setRangeGridlineStroke(PlotStyle.GRID_STROKE);
        plot.setOutlinePaint(PlotStyle.FRAME);
        plot.setOutlineStroke(PlotStyle.FRAME_STROKE);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setInsets(new RectangleInsets(4, 4, 4, 4));
    }

    /** @return a styled axis with the given range */
    private static ValueAxis axis(Axis spec, AxisRange range) {
        ValueAxis a;
        if (spec.log()) {
            a = new DecadeLogAxis(spec.title());
        } else {
            NumberAxis n = new NumberAxis(spec.title());
            n.setStandardTickUnits(TickLabelFormat.linearTickUnits());
            n.setAutoRangeIncludesZero(false);
            n.setMinorTickMarksVisible(true);
            a = n;
        }
        a.setAutoRange(false);
        a.setRange(range.lower(), range.upper());
        styleAxis(a);
        return a;
    }

    private static void styleAxis(ValueAxis a) {
        a.setLabelFont(PlotStyle.AXIS_LABEL_FONT);
        a.setTickLabelFont(PlotStyle.TICK_LABEL_FONT);
        a.setLabelPaint(Color.BLACK);
        a.setTickLabelPaint(Color.BLACK);
        a.setAxisLineVisible(false);
        a.setTickMarkPaint(Color.BLACK);
        a.setTickMarkStroke(new BasicStroke(1f));
        a.setTickMarkInsideLength(7f);
        a.setTickMarkOutsideLength(0f);
        a.setMinorTickMarkInsideLength(3.5f);
        a.setMinorTickMarkOutsideLength(0f);
        a.setTickLabelInsets(new RectangleInsets(4, 4, 4, 4));
        a.setLabelInsets(new RectangleInsets(4, 4, 4, 4));
    }

    private void checkMarkers(AxisRange xr) {
        for (Marker m : spec.markers()) {
            if (!Double.isFinite(m.value())) {
                throw new IllegalArgumentException("plot '" + title + "': marker '" + m.label()
                        + "' must have a finite position but has " + m.value());
            }
            if (m.vertical() && spec.x().log() && !(m.value() > 0)) {
                throw new IllegalArgumentException("plot '" + title + "': marker '" + m.label() + "' at x = "
                        + m.value() + " cannot be shown on the log x axis '" + spec.x().label() + "'");
            }
        }
    }

    /** Adds the reference lines; labels only in the main panel. */
    private void addMarkers(XYPlot plot, boolean withLabels) {
        for (Marker m : spec.markers()) {
            if (!withLabels && !m.vertical()) {
                continue; // horizontal markers belong to the main panel's y axis
            }
            ValueMarker vm = new ValueMarker(m.value(), PlotStyle.MARKER, PlotStyle.MARKER_STROKE);
            if (withLabels && !m.label().isEmpty()) {
                vm.setLabel(m.label());
                vm.setLabelFont(PlotStyle.MARKER_FONT);
                vm.setLabelPaint(PlotStyle.MARKER);
                vm.setLabelBackgroundColor(SeriesPalette.translucent(Color.WHITE, 0.8f));
                if (m.vertical()) {
                    vm.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
                    vm.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                    vm.setLabelOffset(new RectangleInsets(10, 4, 10, 4));
                } else {
                    vm.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                    vm.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                    vm.setLabelOffset(new RectangleInsets(4, 10, 4, 10));
                }
            }
            if (m.vertical()) {
                plot.addDomainMarker(vm, Layer.FOREGROUND);
            } else {
                plot.addRangeMarker(vm, Layer.FOREGROUND);
            }
        }
    }

    // ---------------------------------------------------------------- colour maps

    /** @return the colour scale shared by the filled 2-D maps of the main panel, or null if there are none */
    private ColourScale colourScale(List<Drawable> ds) {
        ValueExtent ce = new ValueExtent();
        String firstLabel = null;
        for (Drawable d : ds) {
            if (d instanceof CellMap m && !m.outline()) {
                if (firstLabel == null) {
                    firstLabel = m.label();
                }
                for (double[] col : m.histogram().values()) {
                    for (double v : col) {
                        if (v != 0) {
                            ce.add(v);
                        }
                    }
                }
            }
        }
        if (firstLabel == null) {
            return null;
        }
        Axis c = spec.colour() != null ? spec.colour()
                : Axis.linear(firstLabel.isEmpty() ? "Entries" : firstLabel, "");
        AxisRange r = AxisRange.of(title, "colour axis", c, ce, !c.log(), 0, 0);
        return c.log() ? new ColourScale(Math.log10(r.lower()), Math.log10(r.upper()), true)
                : new ColourScale(r.lower(), r.upper(), false);
    }

    private PaintScaleLegend colourBar(ColourScale scale) {
        Axis c = spec.colour();
        String label = c != null ? c.title() : "";
        if (c == null) {
            for (Series s : spec.series()) {
                if (s instanceof Map2DSeries m && !m.outline()) {
                    label = m.label().isEmpty() ? "Entries" : m.label();
                    break;
                }
            }
        }
        NumberAxis a;
        if (scale.log()) {
            a = new ExponentAxis(label);
        } else {
            a = new NumberAxis(label);
            a.setStandardTickUnits(TickLabelFormat.linearTickUnits());
            a.setMinorTickMarksVisible(true);
        }
        a.setAutoRange(false);
        a.setRange(scale.getLowerBound(), scale.getUpperBound());
        styleAxis(a);
        a.setTickMarkInsideLength(0f);
        a.setTickMarkOutsideLength(5f);
        a.setMinorTickMarkInsideLength(0f);
        a.setMinorTickMarkOutsideLength(2.5f);
        PaintScaleLegend bar = new PaintScaleLegend(scale, a);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(18);
        bar.setStripOutlineVisible(true);
        bar.setStripOutlinePaint(PlotStyle.FRAME);
        bar.setSubdivisionCount(256);
        bar.setAxisOffset(0);
        bar.setBackgroundPaint(PlotStyle.BACKGROUND);
        bar.setMargin(new RectangleInsets(8, 14, 56, 0));
        bar.setPadding(RectangleInsets.ZERO_INSETS);
        return bar;
    }

    // ---------------------------------------------------------------- datasets and renderers

    /** Adds the drawables of one panel as datasets with renderers, collecting legend entries. */
    private static final class PanelBuilder {
        private final XYPlot plot;
        private final boolean xLog;
        private final boolean yLog;
        private final double xFloor;
        private final double yFloor;
        private final ColourScale colour;
        private final List<LegendItem> legend;
        private final SeriesPalette palette = new SeriesPalette();
        private int index;

        PanelBuilder(XYPlot plot, boolean xLog, AxisRange xr, boolean yLog, AxisRange yr, ColourScale colour,
                List<LegendItem> legend) {
            this.plot = plot;
            this.xLog = xLog;
            this.yLog = yLog;
            this.xFloor = xr.logFloor();
            this.yFloor = yr.logFloor();
            this.colour = colour;
            this.legend = legend;
        }

        /** y value as drawable: on a log axis zero and negative values sink far below the frame */
        private double floorY(double y) {
            return yLog && !(y > 0) ? yFloor : y;
        }

        private double floorX(double x) {
            return xLog && !(x > 0) ? xFloor : x;
        }

        void addAll(List<Drawable> ds) {
            for (Drawable d : ds) {
                switch (d) {
                    case Step s -> addStep(s);
                    case Points p -> addPoints(p);
                    case Fill f -> addFill(f);
                    case Line l -> addLine(l);
                    case Band b -> addBand(b);
                    case CellMap m -> {
                        if (m.outline()) {
                            addOutline(m);
                        } else {
                            addCells(m);
                        }
                    }
                }
            }
        }

        private void addStep(Step s) {
            Color c = palette.nextLine();
            XYSeries xs = new XYSeries("step", false, true);
            double[] e = s.edges();
            double base = floorY(0);
            xs.add(floorX(e[0]), base);
            for (int i = 0; i < s.values().length; i++) {
                double v = Double.isFinite(s.values()[i]) ? floorY(s.values()[i]) : base;
                xs.add(floorX(e[i]), v);
                xs.add(floorX(e[i + 1]), v);
            }
            xs.add(floorX(e[e.length - 1]), base);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setDrawSeriesLineAsPath(true);
            r.setSeriesPaint(0, c);
            r.setSeriesStroke(0, PlotStyle.LINE_STROKE);
            add(new XYSeriesCollection(xs), r);
            legendLine(s.label(), c, PlotStyle.LINE_STROKE);
        }

        private void addPoints(Points p) {
            Color c = palette.nextPoints();
            XYIntervalSeries xs = new XYIntervalSeries("points");
            for (int i = 0; i < p.x().length; i++) {
                double x = p.x()[i], y = p.y()[i];
                if (!Double.isFinite(x) || !Double.isFinite(y) || xLog && !(x > 0) || yLog && !(y > 0)) {
                    continue;
                }
                xs.add(x, floorX(p.xLow()[i]), p.xHigh()[i], y, floorY(p.yLow()[i]), p.yHigh()[i]);
            }
            XYIntervalSeriesCollection coll = new XYIntervalSeriesCollection();
            coll.addSeries(xs);
            XYErrorRenderer r = new XYErrorRenderer();
            r.setDefaultLinesVisible(false);
            r.setDefaultShapesVisible(true);
            r.setSeriesPaint(0, c);
            r.setSeriesShape(0, circle(PlotStyle.POINT_RADIUS));
            r.setSeriesShapesFilled(0, true);
            r.setCapLength(0);
            r.setErrorStroke(PlotStyle.ERROR_STROKE);
            add(coll, r);
            if (!p.label().isEmpty()) {
                double h = 2.4 * PlotStyle.POINT_RADIUS;
                legend.add(new LegendItem(p.label(), null, null, null, true, circle(PlotStyle.POINT_RADIUS), true, c,
                        false, c, PlotStyle.ERROR_STROKE, true, new Line2D.Double(0, -h, 0, h), PlotStyle.ERROR_STROKE,
                        c));
            }
        }

        private void addFill(Fill f) {
            YIntervalSeriesCollection coll = new YIntervalSeriesCollection();
            DeviationRenderer r = new DeviationRenderer(true, false);
            r.setAlpha(f.stacked() ? 1f : PlotStyle.BAND_ALPHA);
            double[] e = f.edges();
            for (int j = 0; j < f.lows().length; j++) {
                Color c = palette.nextLine();
                Color fill = f.stacked() ? SeriesPalette.lighter(c, 0.35) : c;
                double[] lo = f.lows()[j], hi = f.highs()[j];
                YIntervalSeries ys = new YIntervalSeries("layer " + j, false, true);
                int n = lo.length;
                ys.add(floorX(e[0]), floorY(lo[0]), floorY(lo[0]), floorY(lo[0]));
                for (int i = 0; i < n; i++) {
                    double l = floorY(lo[i]), h = Double.isFinite(hi[i]) ? floorY(hi[i]) : l;
                    ys.add(floorX(e[i]), h, l, h);
                    ys.add(floorX(e[i + 1]), h, l, h);
                }
                ys.add(floorX(e[n]), floorY(lo[n - 1]), floorY(lo[n - 1]), floorY(lo[n - 1]));
                coll.addSeries(ys);
                r.setSeriesPaint(j, c);
                r.setSeriesFillPaint(j, fill);
                r.setSeriesStroke(j, f.stacked() ? PlotStyle.OUTLINE_STROKE : PlotStyle.LINE_STROKE);
                String label = f.labels().get(j);
                if (!label.isEmpty()) {
                    Color legendFill = f.stacked() ? fill : SeriesPalette.translucent(c, PlotStyle.BAND_ALPHA);
                    legend.add(new LegendItem(label, null, null, null, true, box(), true, legendFill, true, c,
                            PlotStyle.OUTLINE_STROKE, false, box(), PlotStyle.OUTLINE_STROKE, c));
                }
            }
            add(coll, r);
        }

        private void addLine(Line l) {
            Color c = palette.nextLine();
            XYSeries xs = new XYSeries("line", false, true);
            for (int i = 0; i < l.x().length; i++) {
                double x = l.x()[i], y = l.y()[i];
                if (!Double.isFinite(x) || xLog && !(x > 0)) {
                    continue;
                }
                xs.add(x, Double.isFinite(y) && !(yLog && !(y > 0)) ? y : Double.NaN);
            }
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setDrawSeriesLineAsPath(true);
            r.setSeriesPaint(0, c);
            var stroke = l.dashed() ? PlotStyle.DASHED_STROKE : PlotStyle.LINE_STROKE;
            r.setSeriesStroke(0, stroke);
            add(new XYSeriesCollection(xs), r);
            legendLine(l.label(), c, stroke);
        }

        private void addBand(Band b) {
            Color c = palette.nextLine();
            YIntervalSeries ys = new YIntervalSeries("band", false, true);
            for (int i = 0; i < b.x().length; i++) {
                double x = b.x()[i], y = b.y()[i];
                if (!Double.isFinite(x) || !Double.isFinite(y) || xLog && !(x > 0)) {
                    continue;
                }
                ys.add(x, yLog && !(y > 0) ? Double.NaN : y, floorY(b.yLow()[i]), floorY(b.yHigh()[i]));
            }
            YIntervalSeriesCollection coll = new YIntervalSeriesCollection();
            coll.addSeries(ys);
            DeviationRenderer r = new DeviationRenderer(true, false);
            r.setAlpha(PlotStyle.BAND_ALPHA);
            r.setSeriesPaint(0, c);
            r.setSeriesFillPaint(0, c);
            r.setSeriesStroke(0, PlotStyle.LINE_STROKE);
            add(coll, r);
            if (!b.label().isEmpty()) {
                legend.add(new LegendItem(b.label(), null, null, null, true, box(), true,
                        SeriesPalette.translucent(c, PlotStyle.BAND_ALPHA), false, c, PlotStyle.OUTLINE_STROKE, true,
                        new Line2D.Double(-11, 0, 11, 0), PlotStyle.LINE_STROKE, c));
            }
        }

        private void addCells(CellMap m) {
            Histogram2D h = m.histogram();
            Binning bx = h.xBinning(), by = h.yBinning();
            List<double[]> cells = new ArrayList<>();
            List<Color> colours = new ArrayList<>();
            for (int i = 0; i < bx.bins(); i++) {
                for (int j = 0; j < by.bins(); j++) {
                    double v = h.sumW(i, j);
                    double sv = colour.toScale(v);
                    if (v == 0 || Double.isNaN(sv)) {
                        continue; // empty cells stay white
                    }
                    cells.add(new double[] {floorX(bx.edge(i)), floorY(by.edge(j)), floorX(bx.edge(i + 1)),
                        floorY(by.edge(j + 1))});
                    colours.add(colour.colour(sv));
                }
            }
            double[][] a = columns(cells);
            CellMapRenderer r = CellMapRenderer.cells(a[0], a[1], a[2], a[3], colours.toArray(new Color[0]));
            add(r.dataset(), r);
            if (!m.label().isEmpty()) {
                Color mid = colour.colour(0.5 * (colour.getLowerBound() + colour.getUpperBound()));
                legend.add(new LegendItem(m.label(), null, null, null, true, box(), true, mid, false, mid,
                        PlotStyle.OUTLINE_STROKE, false, box(), PlotStyle.OUTLINE_STROKE, mid));
            }
        }

        /** Boundary of the cells holding at least {@link PlotStyle#OUTLINE_LEVEL} of the maximum. */
        private void addOutline(CellMap m) {
            Color c = palette.nextLine();
            Histogram2D h = m.histogram();
            Binning bx = h.xBinning(), by = h.yBinning();
            double[][] v = h.values();
            double max = 0;
            for (double[] col : v) {
                for (double d : col) {
                    if (d > max) {
                        max = d;
                    }
                }
            }
            List<double[]> segs = new ArrayList<>();
            if (max > 0) {
                double level = PlotStyle.OUTLINE_LEVEL * max;
                int nx = bx.bins(), ny = by.bins();
                for (int i = 0; i < nx; i++) {
                    for (int j = 0; j < ny; j++) {
                        if (!(v[i][j] >= level)) {
                            continue;
                        }
                        double xa = floorX(bx.edge(i)), xb = floorX(bx.edge(i + 1));
                        double ya = floorY(by.edge(j)), yb = floorY(by.edge(j + 1));
                        if (i == 0 || !(v[i - 1][j] >= level)) {
                            segs.add(new double[] {xa, ya, xa, yb});
                        }
                        if (i == nx - 1 || !(v[i + 1][j] >= level)) {
                            segs.add(new double[] {xb, ya, xb, yb});
                        }
                        if (j == 0 || !(v[i][j - 1] >= level)) {
                            segs.add(new double[] {xa, ya, xb, ya});
                        }
                        if (j == ny - 1 || !(v[i][j + 1] >= level)) {
                            segs.add(new double[] {xa, yb, xb, yb});
                        }
                    }
                }
            }
            double[][] a = columns(segs);
            CellMapRenderer r = CellMapRenderer.segments(a[0], a[1], a[2], a[3], c);
            add(r.dataset(), r);
            if (!m.label().isEmpty()) {
                legend.add(new LegendItem(m.label(), null, null, null, true, box(), false, c, true, c,
                        PlotStyle.CONTOUR_STROKE, false, box(), PlotStyle.CONTOUR_STROKE, c));
            }
        }

        private static double[][] columns(List<double[]> rows) {
            double[][] a = new double[4][rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                for (int c = 0; c < 4; c++) {
                    a[c][k] = rows.get(k)[c];
                }
            }
            return a;
        }

        private void add(org.jfree.data.xy.XYDataset ds, org.jfree.chart.renderer.xy.XYItemRenderer r) {
            plot.setDataset(index, ds);
            plot.setRenderer(index, r);
            index++;
        }

        private void legendLine(String label, Color c, java.awt.Stroke stroke) {
            if (!label.isEmpty()) {
                legend.add(new LegendItem(label, null, null, null, false, box(), false, c, false, c, stroke, true,
                        new Line2D.Double(-13, 0, 13, 0), stroke, c));
            }
        }

        private static Shape circle(double r) {
            return new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
        }

        private static Shape box() {
            return new Rectangle2D.Double(-11, -6, 22, 12);
        }
    }
}
