package org.fluxion.plot.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * Draws the cells of a 2-D histogram as coloured rectangles of their true (possibly variable) bin
 * edges, or line segments (cell-boundary outlines). Item {@code i} of the companion dataset
 * ({@link #dataset()}) is cell or segment {@code i}. Each instance is built for one chart; not
 * thread-safe.
 */
final class CellMapRenderer extends AbstractXYItemRenderer {
    private static final long serialVersionUID = 1L;

    private final double[] x0;
    private final double[] y0;
    private final double[] x1;
    private final double[] y1;
    /** per cell colour; null for outline segments */
    private final Color[] colours;
    private final Color lineColour;

    private CellMapRenderer(double[] x0, double[] y0, double[] x1, double[] y1, Color[] colours, Color lineColour) {
        this.x0 = x0;
        this.y0 = y0;
        this.x1 = x1;
        this.y1 = y1;
        this.colours = colours;
        this.lineColour = lineColour;
    }

    /** Filled cells [x0,x1]×[y0,y1] (data coordinates) with their colours (arrays are kept). */
    static CellMapRenderer cells(double[] x0, double[] y0, double[] x1, double[] y1, Color[] colours) {
        return new CellMapRenderer(x0, y0, x1, y1, colours, null);
    }

    /** Line segments (x0,y0)–(x1,y1) in data coordinates (arrays are kept). */
    static CellMapRenderer segments(double[] x0, double[] y0, double[] x1, double[] y1, Color colour) {
        return new CellMapRenderer(x0, y0, x1, y1, null, colour);
    }

    /** @return a dataset with one item per cell or segment (its centre), to be paired with this renderer */
    XYDataset dataset() {
        int n = x0.length;
        double[][] data = new double[2][n];
        for (int i = 0; i < n; i++) {
            data[0][i] = 0.5 * (x0[i] + x1[i]);
            data[1][i] = 0.5 * (y0[i] + y1[i]);
        }
        DefaultXYDataset ds = new DefaultXYDataset();
        ds.addSeries("cells", data);
        return ds;
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset dataset,
            PlotRenderingInfo info) {
        XYItemRendererState state = super.initialise(g2, dataArea, plot, dataset, info);
        state.setProcessVisibleItemsOnly(false); // a cell can be visible although its centre is not
        return state;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        double ax = domainAxis.valueToJava2D(x0[item], dataArea, xEdge);
        double bx = domainAxis.valueToJava2D(x1[item], dataArea, xEdge);
        double ay = rangeAxis.valueToJava2D(y0[item], dataArea, yEdge);
        double by = rangeAxis.valueToJava2D(y1[item], dataArea, yEdge);
        if (colours != null) {
            Object aa = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
            // adjacent cells must tile without anti-aliased seams
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g2.setPaint(colours[item]);
            g2.fill(new Rectangle2D.Double(Math.min(ax, bx), Math.min(ay, by), Math.abs(bx - ax), Math.abs(by - ay)));
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
        } else {
            g2.setPaint(lineColour);
            g2.setStroke(PlotStyle.CONTOUR_STROKE);
            g2.draw(new Line2D.Double(ax, ay, bx, by));
        }
    }
}
