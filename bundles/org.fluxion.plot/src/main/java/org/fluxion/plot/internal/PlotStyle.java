package org.fluxion.plot.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

/**
 * Fonts, strokes and neutral colours of the house style: white background, light grid, black frame,
 * fonts sized for a 800 × 600 px canvas (larger canvases are drawn scaled, see
 * {@link JFreeChartPlotRenderer}). Constants only; immutable and thread-safe.
 */
final class PlotStyle {
    /** Logical size the layout is designed for, in px. */
    static final double DESIGN_WIDTH = 800;
    /** Logical size the layout is designed for, in px. */
    static final double DESIGN_HEIGHT = 600;

    static final String FONT_FAMILY = Font.SANS_SERIF;
    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 18);
    static final Font AXIS_LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 17);
    static final Font TICK_LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    static final Font ANNOTATION_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    static final Font MARKER_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);

    static final Color BACKGROUND = Color.WHITE;
    static final Color FRAME = Color.BLACK;
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color MARKER = new Color(0x33, 0x33, 0x33);
    static final Color BOX_BORDER = new Color(0xBB, 0xBB, 0xBB);

    static final Stroke FRAME_STROKE = new BasicStroke(1.2f);
    static final Stroke GRID_STROKE = new BasicStroke(0.8f);
    static final Stroke LINE_STROKE = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    static final Stroke DASHED_STROKE = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f);
    static final Stroke OUTLINE_STROKE = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    static final Stroke ERROR_STROKE = new BasicStroke(1.5f);
    static final Stroke MARKER_STROKE = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    static final Stroke CONTOUR_STROKE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    /** Radius of the point markers, px. */
    static final double POINT_RADIUS = 3.5;

    /** Opacity of bands and of unstacked filled histograms. */
    static final float BAND_ALPHA = 0.3f;

    /** Fraction of the maximum at which {@code Map2DSeries} outlines are drawn. */
    static final double OUTLINE_LEVEL = 0.1;

    /** Weights of main panel and ratio panel (70 % / 30 % of the height). */
    static final int MAIN_WEIGHT = 7;
    static final int RATIO_WEIGHT = 3;

    private PlotStyle() {
    }
}
