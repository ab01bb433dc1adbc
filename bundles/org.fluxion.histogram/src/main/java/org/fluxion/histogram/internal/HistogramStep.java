package org.fluxion.histogram.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.fluxion.api.artifact.ArtifactSink;
import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.Column;
import org.fluxion.api.data.ColumnType;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.hist.Histogram;
import org.fluxion.api.hist.Histogram2D;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;

/**
 * One configured use of the {@code histogram} step. {@link #run} first checks every sample name,
 * column and group column against the input (and that all artifact names are distinct), then
 * fills each sample with {@link SampleFill} and writes per histogram a plot and a bin table, and
 * per step the cut flow as a table ({@value #CUT_FLOW}) and a summary ({@value #SUMMARY}).
 * Immutable; run once per workflow run.
 */
final class HistogramStep implements Step {
    /** Name of the cut-flow table artifact. */
    static final String CUT_FLOW = "cut_flow";
    /** Name of the summary artifact. */
    static final String SUMMARY = "selection";

    private final HistogramSettings settings;

    HistogramStep(HistogramSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Everything prepared for one sample before any filling. */
    private record SamplePlan(EventTable table, String stem, Map<String, GroupLevels> groups) {
    }

    @Override
    public void run(StepContext context) throws Exception {
        SampleSet samples = context.input(HistogramStepProvider.SAMPLES, SampleSet.class);
        List<RangeCut> cuts = settings.cuts();
        List<SamplePlan> plans = plan(samples, cuts);

        List<String> cutTexts = new ArrayList<>();
        for (RangeCut c : cuts) {
            cutTexts.add(c.describe());
        }
        ArtifactSink sink = context.artifacts();
        TableArtifact.Builder cutFlow = TableArtifact.builder()
                .column("sample", "").column("cut", "").column("rows", "").column("fraction", "");
        Map<String, Object> perSample = new LinkedHashMap<>();
        for (SamplePlan plan : plans) {
            EventTable table = plan.table();
            context.progress().begin("histogramming sample '" + table.name() + "'", table.rowCount());
            SampleFill fill = new SampleFill(table, cuts, settings.histograms(), settings.histograms_2d(),
                    plan.groups());
            SampleFillResult result = fill.run(context.parallelism(), context.progress());
            context.progress().checkCancelled();

            List<Map<String, Object>> flow = new ArrayList<>();
            cutFlow.row(table.name(), "all rows", result.rows(), 1.0);
            for (int c = 0; c < cuts.size(); c++) {
                cutFlow.row(table.name(), cutTexts.get(c), result.passed(c),
                        fraction(result.passed(c), result.rows()));
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("cut", cutTexts.get(c));
                step.put("rows", result.passed(c));
                flow.add(step);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("rows", result.rows());
            summary.put("cut_flow", flow);
            summary.put("selected", result.selected());
            summary.put("histograms", writeHistograms(sink, plan, result, cutTexts));
            perSample.put(table.name(), summary);
        }
        sink.table(CUT_FLOW, cutFlow.build());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("cuts", cutTexts);
        summary.put("samples", perSample);
        sink.summary(SUMMARY, summary);
    }

    private static double fraction(long part, long all) {
        return all == 0 ? 0.0 : (double) part / all;
    }

    /** Checks samples, columns, group columns and artifact names; builds the group levels. */
    private List<SamplePlan> plan(SampleSet samples, List<RangeCut> cuts) {
        List<String> names = new ArrayList<>(settings.samples().isEmpty() ? samples.names() : settings.samples());
        for (String name : names) {
            if (!samples.names().contains(name)) {
                throw new InvalidSettingsException("samples", "'samples' names '" + name
                        + "' but the input has no such sample; available: " + samples.names());
            }
        }
        for (String name : names) {
            checkColumns(samples.get(name));
        }
        List<SamplePlan> plans = new ArrayList<>();
        Set<String> artifacts = new HashSet<>(List.of(CUT_FLOW, SUMMARY));
        for (String name : names) {
            EventTable table = samples.get(name);
            Map<String, GroupLevels> groups = new LinkedHashMap<>();
            for (Histogram1DSettings h : settings.histograms()) {
                addGroup(groups, table, h.groupBy(), "histograms");
            }
            for (Histogram2DSettings h : settings.histograms_2d()) {
                addGroup(groups, table, h.groupBy(), "histograms_2d");
            }
            SamplePlan plan = new SamplePlan(table, HistogramArtifacts.fileStem(name), groups);
            for (Histogram1DSettings h : settings.histograms()) {
                reserve(artifacts, plotName(plan, h.name()), "histograms", name);
                reserve(artifacts, tableName(plan, h.name()), "histograms", name);
            }
            for (Histogram2DSettings h : settings.histograms_2d()) {
                reserve(artifacts, plotName(plan, h.name()), "histograms_2d", name);
                reserve(artifacts, tableName(plan, h.name()), "histograms_2d", name);
                if (!h.groupBy().isEmpty()) {
                    for (String level : groups.get(h.groupBy()).labels()) {
                        reserve(artifacts, levelPlotName(plan, h.name(), level), "histograms_2d", name);
                    }
                }
            }
            plans.add(plan);
        }
        return plans;
    }

    private static void addGroup(Map<String, GroupLevels> groups, EventTable table, String column, String key) {
        if (!column.isEmpty() && !groups.containsKey(column)) {
            groups.put(column, GroupLevels.of(table, column, key));
        }
    }

    private static void reserve(Set<String> artifacts, String artifact, String key, String sample) {
        if (!artifacts.add(artifact)) {
            throw new InvalidSettingsException(key, "sample '" + sample + "': artifact name '" + artifact
                    + "' would be written twice; rename the histogram so that <sample>_<name> stays unique"
                    + " (reserved: " + CUT_FLOW + ", " + SUMMARY + ")");
        }
    }

    /** Every column named by the settings must exist in the sample (checked before reading a row). */
    private void checkColumns(EventTable table) {
        for (RangeCut cut : settings.cuts()) {
            requireColumn(table, cut.column(), "select", "select." + cut.column(), false);
        }
        List<Histogram1DSettings> h1 = settings.histograms();
        for (int i = 0; i < h1.size(); i++) {
            Histogram1DSettings h = h1.get(i);
            String at = "histograms[" + i + "] '" + h.name() + "'";
            requireColumn(table, h.column(), "histograms", at + " column", false);
            if (!h.weight().isEmpty()) {
                requireColumn(table, h.weight(), "histograms", at + " weight", true);
            }
            if (!h.groupBy().isEmpty()) {
                requireColumn(table, h.groupBy(), "histograms", at + " group_by", false);
            }
        }
        List<Histogram2DSettings> h2 = settings.histograms_2d();
        for (int i = 0; i < h2.size(); i++) {
            Histogram2DSettings h = h2.get(i);
            String at = "histograms_2d[" + i + "] '" + h.name() + "'";
            requireColumn(table, h.x(), "histograms_2d", at + " x", false);
            requireColumn(table, h.y(), "histograms_2d", at + " y", false);
            if (!h.weight().isEmpty()) {
                requireColumn(table, h.weight(), "histograms_2d", at + " weight", true);
            }
            if (!h.groupBy().isEmpty()) {
                requireColumn(table, h.groupBy(), "histograms_2d", at + " group_by", false);
            }
        }
    }

    private static void requireColumn(EventTable table, String column, String key, String where, boolean weight) {
        if (!table.hasColumn(column)) {
            throw new InvalidSettingsException(key, "sample '" + table.name() + "' has no column '" + column
                    + "' (used by " + where + "); available columns: " + table.columnNames());
        }
        if (weight && table.column(column).spec().type() == ColumnType.CATEGORICAL) {
            throw new InvalidSettingsException(key, "sample '" + table.name() + "': " + where + " column '" + column
                    + "' is categorical; expected a numeric weight column");
        }
    }

    private static String plotName(SamplePlan plan, String histogram) {
        return plan.stem() + "_" + histogram;
    }

    private static String tableName(SamplePlan plan, String histogram) {
        return plan.stem() + "_" + histogram + "_bins";
    }

    private static String levelPlotName(SamplePlan plan, String histogram, String level) {
        return plan.stem() + "_" + histogram + "_" + HistogramArtifacts.fileStem(level);
    }

    /** Writes the plots and tables of one sample; @return per histogram its counts for the summary. */
    private Map<String, Object> writeHistograms(ArtifactSink sink, SamplePlan plan, SampleFillResult result,
            List<String> cutTexts) {
        EventTable table = plan.table();
        String sample = table.name();
        Map<String, Object> stats = new LinkedHashMap<>();
        List<Histogram1DSettings> h1 = settings.histograms();
        for (int i = 0; i < h1.size(); i++) {
            Histogram1DSettings s = h1.get(i);
            Column x = table.column(s.column());
            String weightUnit = s.weight().isEmpty() ? "" : table.column(s.weight()).unit();
            List<String> levels = s.groupBy().isEmpty() ? List.of() : plan.groups().get(s.groupBy()).labels();
            List<Histogram> parts = new ArrayList<>();
            for (int l = 0; l < result.levels1D(i); l++) {
                parts.add(result.histogram(i, l));
            }
            Histogram total = result.total(i);
            String xLabel = s.label().isEmpty() ? s.column() : s.label();
            HistogramArtifacts.Labels labels = new HistogramArtifacts.Labels(sample + ": " + s.name(), xLabel,
                    x.unit(), weightUnit, !s.weight().isEmpty(), cutTexts);
            sink.plot(plotName(plan, s.name()), HistogramArtifacts.plot1D(s, labels, sample, levels, parts, total));
            sink.table(tableName(plan, s.name()),
                    HistogramArtifacts.table1D(s.column(), x.unit(), weightUnit, levels, parts, total));
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("entries", total.entries());
            st.put("integral", total.integral());
            st.put("underflow", total.underflow());
            st.put("overflow", total.overflow());
            st.put("nan", total.nanEntries());
            stats.put(s.name(), st);
        }
        List<Histogram2DSettings> h2 = settings.histograms_2d();
        for (int i = 0; i < h2.size(); i++) {
            Histogram2DSettings s = h2.get(i);
            String xUnit = table.column(s.x()).unit(), yUnit = table.column(s.y()).unit();
            String weightUnit = s.weight().isEmpty() ? "" : table.column(s.weight()).unit();
            List<String> levels = s.groupBy().isEmpty() ? List.of() : plan.groups().get(s.groupBy()).labels();
            List<Histogram2D> parts = new ArrayList<>();
            for (int l = 0; l < result.levels2D(i); l++) {
                parts.add(result.histogram2D(i, l));
            }
            Histogram2D total = result.total2D(i);
            HistogramArtifacts.Labels labels = new HistogramArtifacts.Labels(sample + ": " + s.name(), "", "", weightUnit,
                    !s.weight().isEmpty(), cutTexts);
            sink.plot(plotName(plan, s.name()),
                    HistogramArtifacts.plot2D(s, sample + ": " + s.name(), sample, xUnit, yUnit, labels, total));
            for (int l = 0; l < levels.size(); l++) {
                String level = levels.get(l);
                sink.plot(levelPlotName(plan, s.name(), level), HistogramArtifacts.plot2D(s,
                        sample + ": " + s.name() + " (" + s.groupBy() + " = " + level + ")", level, xUnit, yUnit,
                        labels, parts.get(l)));
            }
            sink.table(tableName(plan, s.name()),
                    HistogramArtifacts.table2D(xUnit, yUnit, weightUnit, levels, parts, total));
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("entries", total.entries());
            st.put("integral", total.integral());
            st.put("nan", total.nanEntries());
            stats.put(s.name(), st);
        }
        return stats;
    }
}
