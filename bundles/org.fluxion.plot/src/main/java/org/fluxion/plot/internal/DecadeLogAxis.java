package org.fluxion.plot.internal;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A base-10 {@link LogAxis} with the ticks of {@link DecadeTicks} (10<sup>k</sup> labels, 2…9 minor
 * ticks) instead of JFreeChart's evenly spaced exponents. Its range is set explicitly (no auto
 * range). Not thread-safe (like all JFreeChart objects); one per rendered chart.
 */
final class DecadeLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    DecadeLogAxis(String label) {
        super(label);
        setBase(10);
        setMinorTickMarksVisible(true);
        setAutoRange(false);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        return DecadeTicks.toAxisTicks(
                DecadeTicks.compute(Math.log10(getLowerBound()), Math.log10(getUpperBound()), getTickLabelFont()),
                false, edge);
    }
}
