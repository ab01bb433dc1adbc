package org.fluxion.plot.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.BandSeries;
import org.fluxion.api.artifact.HistogramSeries;
import org.fluxion.api.artifact.LineSeries;
import org.fluxion.api.artifact.Map2DSeries;
import org.fluxion.api.artifact.Marker;
import org.fluxion.api.artifact.PlotRenderer.Format;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.artifact.RatioPanel;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.Histogram2D;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JFreeChartPlotRendererTest {
    private static final int W = 800;
    private static final int H = 600;
    private static final Axis X = new Axis("x", "cm", false, 0, 10);
    private static final Axis Y = new Axis("Events", "", false, 0, 20);

    private final JFreeChartPlotRenderer renderer = new JFreeChartPlotRenderer();

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ helpers

    private static Histogram constant(double value, int bins) {
        double[] v = new double[bins], w2 = new double[bins];
        java.util.Arrays.fill(v, value);
        java.util.Arrays.fill(w2, value);
        return Histogram.of(Binning.linear(bins, 0, 10), v, w2);
    }

    private BufferedImage png(PlotSpec spec, int w, int h) throws IOException {
        Path f = tmp.resolve("p.png");
        renderer.render(spec, Format.PNG, w, h, f);
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        return img;
    }

    /** Data areas of the panels at 800 × 600 (design size, scale 1), main panel first. */
    private static List<Rectangle2D> dataAreas(PlotSpec spec) {
        JFreeChart chart = new ChartComposer(spec).compose();
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, W, H), info);
        g2.dispose();
        List<Rectangle2D> areas = new ArrayList<>();
        if (chart.getPlot() instanceof CombinedDomainXYPlot) {
            for (int i = 0; i < info.getPlotInfo().getSubplotCount(); i++) {
                areas.add(info.getPlotInfo().getSubplotInfo(i).getDataArea());
            }
        } else {
            areas.add(info.getPlotInfo().getDataArea());
        }
        return areas;
    }

    /** Pixel at data coordinates (linear axes given by the fixed ranges). */
    private static Color at(BufferedImage img, Rectangle2D area, Axis x, Axis y, double xv, double yv) {
        int px = (int) Math.round(area.getMinX() + (xv - x.min()) / (x.max() - x.min()) * area.getWidth());
        int py = (int) Math.round(area.getMaxY() - (yv - y.min()) / (y.max() - y.min()) * area.getHeight());
        return new Color(img.getRGB(px, py));
    }

    /** White or the light grey of the grid: nothing drawn there. */
    private static boolean white(Color c) {
        return c.getRed() > 200 && c.getGreen() > 200 && c.getBlue() > 200;
    }

    private static boolean dark(Color c) {
        return c.getRed() < 90 && c.getGreen() < 90 && c.getBlue() < 90;
    }

    /** Whether any pixel within ±d px of the data point is not white. */
    private static boolean drawnNear(BufferedImage img, Rectangle2D area, Axis x, Axis y, double xv, double yv, int d) {
        int px = (int) Math.round(area.getMinX() + (xv - x.min()) / (x.max() - x.min()) * area.getWidth());
        int py = (int) Math.round(area.getMaxY() - (yv - y.min()) / (y.max() - y.min()) * area.getHeight());
        for (int i = -d; i <= d; i++) {
            for (int j = -d; j <= d; j++) {
                if (!white(new Color(img.getRGB(px + i, py + j)))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ histograms

    @Test
    void stepHistogramIsALineAtTheBinContent() throws IOException {
        PlotSpec spec = PlotSpec.builder("step", X, Y).add(HistogramSeries.step("MC", constant(10, 10))).build();
        BufferedImage img = png(spec, W, H);
        Rectangle2D a = dataAreas(spec).get(0);
        assertTrue(drawnNear(img, a, X, Y, 3.5, 10, 2), "no step line at y = 10");
        assertTrue(white(at(img, a, X, Y, 3.5, 15)), "above the line must be empty");
        assertTrue(white(at(img, a, X, Y, 3.5, 5)), "a step histogram is not filled");
    }

    @Test
    void filledHistogramIsFilledBelowTheContentOnly() throws IOException {
        PlotSpec spec = PlotSpec.builder("filled", X, Y)
                .add(new HistogramSeries("MC", constant(10, 10), HistogramSeries.Style.FILLED, false, "")).build();
        BufferedImage img = png(spec, W, H);
        Rectangle2D a = dataAreas(spec).get(0);
        assertFalse(white(at(img, a, X, Y, 3.3, 5)), "below the content must be filled");
        assertTrue(white(at(img, a, X, Y, 3.3, 15)), "above the content must be empty");
    }

    @Test
    void stackedHistogramsAreStackedInTheirOwnColours() throws IOException {
        PlotSpec spec = PlotSpec.builder("stack", X, Y)
                .add(new HistogramSeries("p", constant(5, 10), HistogramSeries.Style.FILLED, false, "mc"))
                .add(new HistogramSeries("Fe", constant(6, 10), HistogramSeries.Style.FILLED, false, "mc"))
                .build();
        BufferedImage img = png(spec, W, H);
        Rectangle2D a = dataAreas(spec).get(0);
        Color lower = at(img, a, X, Y, 3.3, 2.5), upper = at(img, a, X, Y, 3.3, 8);
        assertFalse(white(lower));
        assertFalse(white(upper));
        assertFalse(lower.equals(upper), "layers must differ in colour: " + lower + " vs " + upper);
        assertTrue(white(at(img, a, X, Y, 3.3, 13)), "above the stack (11) must be empty");
    }

    @Test
    void stackedHistogramsNeedEqualBinnings() {
        Histogram other = Histogram.of(Binning.linear(5, 0, 10), new double[5], new double[5]);
        PlotSpec spec = PlotSpec.builder("bad stack", X, Y)
                .add(new HistogramSeries("p", constant(5, 10), HistogramSeries.Style.FILLED, false, "mc"))
                .add(new HistogramSeries("Fe", other, HistogramSeries.Style.FILLED, false, "mc")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> renderer.render(spec, Format.PNG, W, H, tmp.resolve("x.png")));
        assertTrue(e.getMessage().contains("bad stack") && e.getMessage().contains("'Fe'"), e.getMessage());
    }

    @Test
    void histogramPointsHaveMarkersAndErrorBars() throws IOException {
        // content 10, error sqrt(10) = 3.16
        PlotSpec spec = PlotSpec.builder("points", X, Y).add(HistogramSeries.points("Data", constant(10, 5))).build();
        BufferedImage img = png(spec, W, H);
        Rectangle2D a = dataAreas(spec).get(0);
        assertTrue(dark(at(img, a, X, Y, 3, 10)), "marker at the bin centre");
        assertTrue(drawnNear(img, a, X, Y, 3, 12.5, 1), "vertical error bar");
        assertTrue(drawnNear(img, a, X, Y, 2.3, 10, 1), "horizontal bin-width bar");
        assertTrue(white(at(img, a, X, Y, 3, 14.5)), "nothing beyond the error bar");
    }

    @Test
    void densityDividesByTheBinWidth() throws IOException {
        // 10 bins of width 1 on [0,10] → same; use width 2 bins: content 20 → density 10
        Histogram h = Histogram.of(Binning.linear(5, 0, 10), new double[] {20, 20, 20, 20, 20},
                new double[] {20, 20, 20, 20, 20});
        PlotSpec spec = PlotSpec.builder("density", X, Y)
                .add(new HistogramSeries("d", h, HistogramSeries.Style.STEP, true, "")).build();
        BufferedImage img = png(spec, W, H);
        Rectangle2D a = dataAreas(spec).get(0);
        assertTrue(drawnNear(img, a, X, Y, 3.3, 10, 2), "density 20 / 2 = 10");
    }

    @Test
    void emptyBinsOnALogAxisDoNotBreakThePlot() throws IOException {
        Binning b = Binning.log10(6, 1, 1e6);
        Histogram h = Histogram.of(b, new double[] {1000, 0, 100, 0, 0, 3}, new double[] {1000, 0, 100, 0, 0, 3});
        PlotSpec spec = PlotSpec.builder("empty bins", Axis.log("E", "GeV"), Axis.log("Events", ""))
                .add(HistogramSeries.step("MC", h)).add(HistogramSeries.points("Data", h)).build();
        BufferedImage img = png(spec, W, H);
        Rectangle2D a = dataAreas(spec).get(0);
        int coloured = 0;
        for (int x = (int) a.getMinX() + 2; x < a.getMaxX() - 2; x++) {
            for (int y = (int) a.getMinY() + 2; y < a.getMaxY() - 2; y++) {
                if (!white(new Color(img.getRGB(x, y)))) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 500, "only " + coloured + " drawn pixels");
        renderer.render(spec, Format.PDF, W, H, tmp.resolve("e.pdf"));
    }

    // ------------------------------------------------------------------ other series

    @Test
    void pointSeriesErrorBarsAreAsymmetric() throws IOException {
        PlotSpec spec = PlotSpec.builder("asym", X, Y)
                .add(new PointSeries("p", List.of(new Point(5, 10, 0.5, 2, 6)))).build();
        BufferedImage img = png(spec, W, H);
        Rectangle2D a = dataAreas(spec).get(0);
        assertTrue(drawnNear(img, a, X, Y, 5, 15, 1), "upper error reaches 16");
        assertTrue(drawnNear(img, a, X, Y, 5, 8.4, 1), "lower error reaches 8");
        assertFalse(drawnNear(img, a, X, Y, 5, 7, 1), "lower error ends at 8");
        assertTrue(drawnNear(img, a, X, Y, 5.4, 10, 1), "x error reaches 5.5");
        assertFalse(drawnNear(img, a, X, Y, 5.7, 10, 1), "x error ends at 5.5");
    }

    @Test
    void linesAndBandsAreDrawn() throws IOException {
        List<Point> diag = List.of(Point.of(0, 0), Point.of(10, 20));
        List<Point> band = List.of(new Point(0, 5, 0, 2, 2), new Point(10, 5, 0, 2, 2));
        PlotSpec spec = PlotSpec.builder("lines", X, Y).add(new LineSeries("fit", diag, false))
                .add(new LineSeries("model", List.of(Point.of(0, 15), Point.of(10, 15)), true))
                .add(new BandSeries("band", band)).build();
        BufferedImage img = png(spec, W, H);
        Rectangle2D a = dataAreas(spec).get(0);
        assertTrue(drawnNear(img, a, X, Y, 7, 14, 2), "solid line y = 2x");
        Color inBand = at(img, a, X, Y, 6, 6.2);
        assertFalse(white(inBand), "band is shaded");
        assertTrue(inBand.getRed() > 120, "band is translucent, not solid: " + inBand);
        assertTrue(white(at(img, a, X, Y, 6.3, 8.3)), "outside the band");
        int dashes = 0;
        for (double x = 0.5; x < 9.5; x += 0.02) {
            dashes += drawnNear(img, a, X, Y, x, 15, 0) ? 1 : 0;
        }
        assertTrue(dashes > 100 && dashes < 400, "dashed line covers part of its length: " + dashes + " of 450");
    }

    // ------------------------------------------------------------------ 2-D maps

    private static Histogram2D twoCells() {
        Binning b = Binning.linear(10, 0, 10);
        return Histogram2D.builder(b, b).fill(2.5, 2.5, 1000).fill(7.5, 7.5, 1).build();
    }

    @Test
    void logColourMapShowsHighAndLowCellsAndLeavesEmptyCellsWhite() throws IOException {
        Axis y = new Axis("y", "cm", false, 0, 10);
        PlotSpec spec = PlotSpec.builder("map", X, y).colour(Axis.log("Events", ""))
                .add(new Map2DSeries("MC", twoCells(), false)).build();
        BufferedImage img = png(spec, W, H);
        Rectangle2D a = dataAreas(spec).get(0);
        Color high = at(img, a, X, y, 2.5, 2.5), low = at(img, a, X, y, 7.5, 7.5), empty = at(img, a, X, y, 5.5, 5.5);
        assertTrue(high.getRed() > 200 && high.getGreen() > 200 && high.getBlue() < 100, "max is yellow: " + high);
        assertTrue(low.getRed() < 100 && low.getBlue() > 60 && low.getGreen() < 60, "min is dark purple: " + low);
        assertTrue(white(empty), "empty cell stays white: " + empty);
        // colour bar right of the frame
        int barColoured = 0;
        for (int x = (int) a.getMaxX() + 5; x < W; x++) {
            Color c = new Color(img.getRGB(x, (int) a.getCenterY()));
            barColoured += Math.abs(c.getRed() - c.getBlue()) > 30 || Math.abs(c.getGreen() - c.getBlue()) > 30 ? 1 : 0;
        }
        assertTrue(barColoured >= 10, "colour bar expected right of the plot");
    }

    @Test
    void outlineMapDrawsTheBoundaryNotTheCells() throws IOException {
        Axis y = new Axis("y", "cm", false, 0, 10);
        PlotSpec spec = PlotSpec.builder("outline", X, y).add(new Map2DSeries("p", twoCells(), true)).build();
        BufferedImage img = png(spec, W, H);
        Rectangle2D a = dataAreas(spec).get(0);
        assertTrue(white(at(img, a, X, y, 2.5, 2.5)), "cell interior not filled");
        assertTrue(drawnNear(img, a, X, y, 2.0, 2.5, 2), "left edge of the full cell");
        assertTrue(white(at(img, a, X, y, 7.5, 7.5)), "cell below the outline level not drawn");
        assertFalse(drawnNear(img, a, X, y, 7.0, 7.5, 2), "cell below the outline level not outlined");
    }

    @Test
    void logColourAxisNeedsAPositiveCell() {
        Binning b = Binning.linear(2, 0, 1);
        PlotSpec spec = PlotSpec.builder("neg map", Axis.linear("x", ""), Axis.linear("y", ""))
                .colour(Axis.log("w", "")).add(new Map2DSeries("m", Histogram2D.builder(b, b).fill(0.2, 0.2, -3).build(),
                        false)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> renderer.render(spec, Format.PNG, W, H, tmp.resolve("x.png")));
        assertTrue(e.getMessage().contains("neg map") && e.getMessage().contains("colour axis"), e.getMessage());
    }

    // ------------------------------------------------------------------ panels, markers, text

    @Test
    void ratioPanelTakesAboutThirtyPercentAndHasAReferenceLine() throws IOException {
        Axis ry = new Axis("Data / MC", "", false, 0.5, 1.5);
        PlotSpec spec = PlotSpec.builder("ratio", X, Y).add(HistogramSeries.step("MC", constant(10, 10)))
                .ratio(new RatioPanel(ry, List.of(new PointSeries("", List.of(Point.of(5, 1.2, 0.1)))), 1.0)).build();
        BufferedImage img = png(spec, W, H);
        List<Rectangle2D> areas = dataAreas(spec);
        assertEquals(2, areas.size());
        double share = areas.get(1).getHeight() / (areas.get(0).getHeight() + areas.get(1).getHeight());
        assertTrue(share > 0.25 && share < 0.35, "ratio panel share " + share);
        assertEquals(areas.get(0).getMinX(), areas.get(1).getMinX(), 0.5, "panels share the x axis");
        assertTrue(drawnNear(img, areas.get(1), X, ry, 2, 1.0, 1), "reference line at 1");
        assertTrue(dark(at(img, areas.get(1), X, ry, 5, 1.2)), "ratio point");
    }

    @Test
    void markersAnnotationsAndLegend() throws IOException {
        PlotSpec spec = PlotSpec.builder("marked", X, Y).add(HistogramSeries.step("MC", constant(4, 10)))
                .add(HistogramSeries.points("Data", constant(4, 10))).marker(Marker.atX(7, "cut"))
                .marker(Marker.atY(3, "")).annotate("N = 40").annotate("line two").build();
        BufferedImage img = png(spec, W, H);
        Rectangle2D a = dataAreas(spec).get(0);
        int onLine = 0;
        for (double y = 8; y < 12; y += 0.05) {
            onLine += drawnNear(img, a, X, Y, 7, y, 0) || drawnNear(img, a, X, Y, 7.01, y, 0) ? 1 : 0;
        }
        assertTrue(onLine > 20 && onLine < 80, "dashed vertical marker at x = 7: " + onLine + " of 80");
        XYPlot plot = (XYPlot) new ChartComposer(spec).compose().getPlot();
        assertEquals(2, plot.getAnnotations().size(), "legend box and text box");
        assertEquals(1, plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
        assertEquals(1, plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
    }

    @Test
    void noLegendForASingleLabelledSeries() {
        PlotSpec spec = PlotSpec.builder("one", X, Y).add(HistogramSeries.step("MC", constant(4, 10)))
                .add(HistogramSeries.step("", constant(3, 10))).build();
        XYPlot plot = (XYPlot) new ChartComposer(spec).compose().getPlot();
        assertEquals(0, plot.getAnnotations().size());
    }

    // ------------------------------------------------------------------ validation

    @Test
    void nonPositiveSizeIsRejectedWithTheTitle() {
        PlotSpec spec = PlotSpec.builder("sized", X, Y).add(HistogramSeries.step("MC", constant(4, 10))).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> renderer.render(spec, Format.PNG, 0, 600, tmp.resolve("x.png")));
        assertTrue(e.getMessage().contains("'sized'") && e.getMessage().contains("0 x 600"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> renderer.render(spec, Format.PDF, 800, -1, tmp.resolve("x.pdf")));
    }

    @Test
    void logAxisWithoutPositiveValuesIsRejected() {
        PlotSpec spec = PlotSpec.builder("all negative", Axis.linear("x", ""), Axis.log("y", ""))
                .add(new LineSeries("l", List.of(Point.of(1, -1), Point.of(2, 0)), false)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> renderer.render(spec, Format.PNG, W, H, tmp.resolve("x.png")));
        assertTrue(e.getMessage().contains("'all negative'") && e.getMessage().contains("no positive value"),
                e.getMessage());
    }

    @Test
    void markerAtZeroOnALogAxisIsRejected() {
        PlotSpec spec = PlotSpec.builder("log marker", Axis.log("E", "GeV"), Axis.linear("y", ""))
                .add(new LineSeries("l", List.of(Point.of(1, 1), Point.of(10, 2)), false)).marker(Marker.atX(0, "zero"))
                .build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> renderer.render(spec, Format.PNG, W, H, tmp.resolve("x.png")));
        assertTrue(e.getMessage().contains("'zero'") && e.getMessage().contains("log x axis"), e.getMessage());
    }

    // ------------------------------------------------------------------ PDF, sizes, threads

    @Test
    void pdfIsOnePageOfTheRequestedSizeAndReproducible() throws IOException {
        for (PlotSpec spec : GalleryPlots.all().values()) {
            Path a = tmp.resolve("a.pdf"), b = tmp.resolve("b.pdf");
            renderer.render(spec, Format.PDF, 640, 480, a);
            renderer.render(spec, Format.PDF, 640, 480, b);
            try (PDDocument doc = Loader.loadPDF(a.toFile())) {
                assertEquals(1, doc.getNumberOfPages(), spec.title());
                PDRectangle box = doc.getPage(0).getMediaBox();
                assertEquals(640, box.getWidth(), 1e-3, spec.title());
                assertEquals(480, box.getHeight(), 1e-3, spec.title());
            }
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "same plot, same PDF: " + spec.title());
        }
    }

    @Test
    void otherSizesKeepTheirDimensions() throws IOException {
        PlotSpec spec = GalleryPlots.scoreDistribution();
        png(spec, 1600, 1200);
        png(spec, 300, 200);
    }

    @Test
    void parallelRenderingGivesIdenticalImages() throws Exception {
        List<PlotSpec> specs = new ArrayList<>(GalleryPlots.all().values());
        List<byte[]> serial = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Path f = tmp.resolve("s" + i + ".png");
            renderer.render(specs.get(i), Format.PNG, 500, 400, f);
            serial.add(Files.readAllBytes(f));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < specs.size(); i++) {
                    int k = i, r = round;
                    futures.add(pool.submit(() -> {
                        Path f = tmp.resolve("p" + r + "_" + k + ".png");
                        renderer.render(specs.get(k), Format.PNG, 500, 400, f);
                        return Files.readAllBytes(f);
                    }));
                }
            }
            for (int j = 0; j < futures.size(); j++) {
                assertArrayEquals(serial.get(j % specs.size()), futures.get(j).get(), "plot " + j % specs.size());
            }
        } finally {
            pool.shutdown();
        }
    }
}
