package org.fluxion.plot.internal;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A linear axis over log10 of a quantity, labelled like a log axis (10<sup>k</sup>). Used for the
 * colour bar of a log colour scale, which JFreeChart's {@code PaintScaleLegend} samples evenly in
 * axis coordinates. Not thread-safe; one per rendered chart.
 */
final class ExponentAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;

    ExponentAxis(String label) {
        super(label);
        setMinorTickMarksVisible(true);
        setAutoRange(false);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        return DecadeTicks.toAxisTicks(DecadeTicks.compute(getLowerBound(), getUpperBound(), getTickLabelFont()),
                true, edge);
    }
}
