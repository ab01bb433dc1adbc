package org.fluxion.histogram.internal;

import java.util.List;
import java.util.Locale;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.HistogramSeries;
import org.fluxion.api.artifact.Map2DSeries;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.hist.Binning;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.Histogram2D;

/**
 * Turns filled histograms into plots and tables. Stateless; all methods are pure functions of
 * their arguments and safe to call from any thread.
 */
final class HistogramArtifacts {
    private HistogramArtifacts() {
    }

    /**
     * What the plots of one histogram are labelled with.
     *
     * @param title      plot title
     * @param xLabel     x-axis title (1-D only; 2-D plots take theirs from the settings)
     * @param xUnit      unit of the x column (1-D only)
     * @param weightUnit unit of the weight column, "" for unit weights
     * @param weighted   whether a weight column is used
     * @param cuts       the range cuts as text, for the annotation
     */
    record Labels(String title, String xLabel, String xUnit, String weightUnit, boolean weighted, List<String> cuts) {
    }

    /**
     * The 1-D plot: without groups the histogram as points with error bars; with groups one step
     * line per non-empty level and the total as points.
     *
     * @param levels level names, or an empty list without {@code group_by}
     * @param parts  per level the histogram (one element without {@code group_by})
     * @param total  the sum over levels
     */
    static PlotSpec plot1D(Histogram1DSettings s, Labels labels, String sample, List<String> levels,
            List<Histogram> parts, Histogram total) {
        String yLabel = labels.weighted() ? "Sum of weights" : "Entries";
        String yUnit = labels.weightUnit();
        if (s.density()) {
            yLabel += " per bin width";
            if (!labels.xUnit().isEmpty()) {
                yUnit = (yUnit.isEmpty() ? "1" : yUnit) + "/" + labels.xUnit();
            }
        }
        Axis x = new Axis(labels.xLabel(), labels.xUnit(), s.logX(), s.min(), s.max());
        Axis y = s.logY() ? Axis.log(yLabel, yUnit) : Axis.linear(yLabel, yUnit);
        PlotSpec.Builder plot = PlotSpec.builder(labels.title(), x, y);
        if (levels.isEmpty()) {
            plot.add(new HistogramSeries(sample, total, HistogramSeries.Style.POINTS, s.density(), ""));
        } else {
            for (int l = 0; l < levels.size(); l++) {
                Histogram h = parts.get(l);
                if (h.entries() + h.nanEntries() > 0) {
                    plot.add(new HistogramSeries(levels.get(l), h, HistogramSeries.Style.STEP, s.density(), ""));
                }
            }
            plot.add(new HistogramSeries("all", total, HistogramSeries.Style.POINTS, s.density(), ""));
        }
        plot.annotate("entries: " + total.entries());
        plot.annotate("underflow: " + number(total.underflow()));
        plot.annotate("overflow: " + number(total.overflow()));
        if (total.nanEntries() > 0) {
            plot.annotate("NaN (not filled): " + total.nanEntries());
        }
        annotateCuts(plot, labels.cuts());
        return plot.build();
    }

    /** The 2-D colour map of one histogram (the total or one group level). */
    static PlotSpec plot2D(Histogram2DSettings s, String title, String seriesLabel, String xUnit, String yUnit,
            Labels labels, Histogram2D h) {
        Axis x = new Axis(s.xLabel().isEmpty() ? s.x() : s.xLabel(), xUnit, false, s.xMin(), s.xMax());
        Axis y = new Axis(s.yLabel().isEmpty() ? s.y() : s.yLabel(), yUnit, false, s.yMin(), s.yMax());
        String zLabel = labels.weighted() ? "Sum of weights" : "Entries";
        Axis colour = s.logColour() ? Axis.log(zLabel, labels.weightUnit()) : Axis.linear(zLabel, labels.weightUnit());
        PlotSpec.Builder plot = PlotSpec.builder(title, x, y).colour(colour).add(new Map2DSeries(seriesLabel, h, false));
        double all = 0;
        int nx = h.xBinning().bins(), ny = h.yBinning().bins();
        for (int i = -1; i <= nx; i++) {
            for (int j = -1; j <= ny; j++) {
                all += h.sumW(i, j);
            }
        }
        plot.annotate("entries: " + h.entries());
        plot.annotate("outside the plot range: " + number(all - h.integral()));
        if (h.nanEntries() > 0) {
            plot.annotate("NaN (not filled): " + h.nanEntries());
        }
        annotateCuts(plot, labels.cuts());
        return plot.build();
    }

    private static void annotateCuts(PlotSpec.Builder plot, List<String> cuts) {
        if (!cuts.isEmpty()) {
            plot.annotate("selection: " + String.join(", ", cuts));
        }
    }

    /**
     * The 1-D bin table: low and high edge (column unit), then sum of weights and its uncertainty
     * sqrt(sumW2) of the total and, with {@code group_by}, of each level.
     */
    static TableArtifact table1D(String column, String xUnit, String weightUnit, List<String> levels,
            List<Histogram> parts, Histogram total) {
        TableArtifact.Builder t = TableArtifact.builder()
                .column(column + "_low", xUnit).column(column + "_high", xUnit)
                .column("sumW", weightUnit).column("error", weightUnit);
        for (String level : levels) {
            t.column("sumW_" + level, weightUnit).column("error_" + level, weightUnit);
        }
        Binning b = total.binning();
        int pairs = 1 + levels.size();
        for (int i = 0; i < b.bins(); i++) {
            Object[] row = new Object[2 + 2 * pairs];
            row[0] = b.edge(i);
            row[1] = b.edge(i + 1);
            row[2] = total.sumW(i);
            row[3] = total.error(i);
            for (int l = 0; l < levels.size(); l++) {
                row[4 + 2 * l] = parts.get(l).sumW(i);
                row[5 + 2 * l] = parts.get(l).error(i);
            }
            t.row(row);
        }
        return t.build();
    }

    /**
     * The 2-D cell table: every in-range cell, x bins outer and y bins inner (a full grid that
     * reshapes to [x_bins][y_bins]), with the edges, the sum of weights and sqrt(sumW2) of the total
     * and of each level.
     */
    static TableArtifact table2D(String xUnit, String yUnit, String weightUnit, List<String> levels,
            List<Histogram2D> parts, Histogram2D total) {
        TableArtifact.Builder t = TableArtifact.builder()
                .column("x_low", xUnit).column("x_high", xUnit).column("y_low", yUnit).column("y_high", yUnit)
                .column("sumW", weightUnit).column("error", weightUnit);
        for (String level : levels) {
            t.column("sumW_" + level, weightUnit).column("error_" + level, weightUnit);
        }
        Binning bx = total.xBinning(), by = total.yBinning();
        int pairs = 1 + levels.size();
        for (int i = 0; i < bx.bins(); i++) {
            for (int j = 0; j < by.bins(); j++) {
                Object[] row = new Object[4 + 2 * pairs];
                row[0] = bx.edge(i);
                row[1] = bx.edge(i + 1);
                row[2] = by.edge(j);
                row[3] = by.edge(j + 1);
                row[4] = total.sumW(i, j);
                row[5] = Math.sqrt(total.sumW2(i, j));
                for (int l = 0; l < levels.size(); l++) {
                    row[6 + 2 * l] = parts.get(l).sumW(i, j);
                    row[7 + 2 * l] = Math.sqrt(parts.get(l).sumW2(i, j));
                }
                t.row(row);
            }
        }
        return t.build();
    }

    /** @return an integral value without decimals, anything else with 6 significant digits */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** @return {@code text} with every character outside {@code [A-Za-z0-9_.-]} replaced by '_' */
    static String fileStem(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '.' || c == '-';
            sb.append(ok ? c : '_');
        }
        return sb.isEmpty() ? "_" : sb.toString();
    }
}
