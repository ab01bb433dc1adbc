package org.fluxion.cuts.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.fluxion.api.artifact.Axis;
import org.fluxion.api.artifact.PlotSpec;
import org.fluxion.api.artifact.Point;
import org.fluxion.api.artifact.PointSeries;
import org.fluxion.api.data.Column;
import org.fluxion.api.data.ColumnType;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.data.Selection;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;
import org.fluxion.cuts.Cut;
import org.fluxion.cuts.CutFlow;
import org.fluxion.cuts.CutSet;

/**
 * One use of {@code cuts}: per sample (unless it is a cut exception) the rows passing the filter mask
 * and then every cut, cumulative and in configuration order; the output samples are zero-copy views
 * of those rows with the same attributes. Artifacts: table {@code cut_flow} (CSV + JSON), plot
 * {@code cut_flow_efficiency}, summary {@code cuts}. No randomness; the result does not depend on
 * the thread count.
 */
final class CutsStep implements Step {
    /** Attribute marking a sample the cuts are not applied to. */
    static final String CUT_EXCEPTION = "cut_exception";

    private final CutsSettings settings;
    private final CutSet cuts;

    CutsStep(CutsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cuts = settings.cutSet();
    }

    /** The outcome for one sample: its cut table (or the input for an exception) and its cut flow. */
    record Result(EventTable table, CutFlow.SampleFlow flow) {
    }

    @Override
    public void run(StepContext context) {
        SampleSet in = context.input(CutsStepProvider.SAMPLES, SampleSet.class);
        Set<String> exceptions = new LinkedHashSet<>(settings.cutExceptions());
        for (String name : exceptions) {
            if (!in.names().contains(name)) {
                context.warn("cut_exceptions names sample '" + name + "', which is not among the samples "
                        + in.names() + "; ignored");
            }
        }
        context.progress().begin("cuts", in.size());
        List<EventTable> out = new ArrayList<>(in.size());
        List<CutFlow.SampleFlow> flows = new ArrayList<>(in.size());
        for (EventTable t : in.tables()) {
            context.progress().checkCancelled();
            Result r = apply(t, isException(t, exceptions), context);
            out.add(r.table());
            flows.add(r.flow());
            context.progress().worked(1);
        }
        CutFlow flow = new CutFlow(flows);
        context.artifacts().table("cut_flow", flow.toTable());
        PlotSpec plot = efficiencyPlot(flow);
        if (plot != null) {
            context.artifacts().plot("cut_flow_efficiency", plot);
        }
        context.artifacts().summary("cuts", summary(flow));
        context.output(CutsStepProvider.SAMPLES, SampleSet.of(out));
        context.output(CutsStepProvider.CUT_FLOW, flow);
    }

    private static boolean isException(EventTable t, Set<String> exceptions) {
        Object flag = t.attributes().get(CUT_EXCEPTION);
        if (flag != null && !(flag instanceof Boolean)) {
            throw new IllegalArgumentException("sample '" + t.name() + "': attribute '" + CUT_EXCEPTION
                    + "' must be true or false but was '" + flag + "'");
        }
        return Boolean.TRUE.equals(flag) || exceptions.contains(t.name());
    }

    /**
     * Applies the filter mask and the cuts to {@code t} (or nothing if {@code exception}).
     *
     * @throws IllegalArgumentException naming sample, column (with the available ones), row and value
     */
    Result apply(EventTable t, boolean exception, StepContext context) {
        RateSource rate = RateSource.of(t, settings.weight(), context);
        int n = t.rowCount();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        List<CutFlow.Stage> stages = new ArrayList<>();
        stages.add(rate.stage("all", rows, n));
        if (exception) {
            return new Result(t, new CutFlow.SampleFlow(t.name(), true, stages));
        }
        int m = n;
        if (!settings.filtermask().isEmpty()) {
            m = filterMask(t, settings.filtermask(), rows, m);
            stages.add(rate.stage("filtermask: " + settings.filtermask(), rows, m));
        }
        for (Cut cut : cuts.cuts()) {
            Column c = numericColumn(t, cut.column(), "cuts." + cut.column());
            int w = 0;
            for (int j = 0; j < m; j++) {
                int r = rows[j];
                if (cut.test(c.getDouble(r))) {
                    rows[w++] = r;
                }
            }
            m = w;
            stages.add(rate.stage(cut.describe(), rows, m));
        }
        EventTable cut = m == n ? t : t.select(Selection.ofRows(n, Arrays.copyOf(rows, m)));
        return new Result(cut, new CutFlow.SampleFlow(t.name(), false, stages));
    }

    /** Keeps the first {@code m} rows whose filter flag is set; flags must be boolean, 0, 1 or NaN (fails). */
    static int filterMask(EventTable t, String column, int[] rows, int m) {
        Column c = numericColumn(t, column, "filtermask");
        int w = 0;
        if (c instanceof Column.Booleans b) {
            for (int j = 0; j < m; j++) {
                if (b.get(rows[j])) {
                    rows[w++] = rows[j];
                }
            }
            return w;
        }
        for (int j = 0; j < m; j++) {
            int r = rows[j];
            double v = c.getDouble(r);
            if (v == 1) {
                rows[w++] = r;
            } else if (v != 0 && !Double.isNaN(v)) {
                throw new IllegalArgumentException("filtermask: column '" + column + "' of sample '" + t.name()
                        + "' must hold a boolean or 0/1 flag but row " + r + " is " + v);
            }
        }
        return w;
    }

    /** @return the column, or an error naming key, sample, column and the available columns */
    static Column numericColumn(EventTable t, String column, String key) {
        if (!t.hasColumn(column)) {
            throw new IllegalArgumentException(key + ": sample '" + t.name() + "' has no column '" + column
                    + "'; available: " + t.columnNames());
        }
        Column c = t.column(column);
        if (c.spec().type() == ColumnType.CATEGORICAL) {
            throw new IllegalArgumentException(key + ": column '" + column + "' of sample '" + t.name()
                    + "' is categorical; a cut needs a numeric or boolean column");
        }
        return c;
    }

    /** How a sample's weighted rate is computed: Σ weight (simulation), events / livetime (data) or not at all. */
    record RateSource(String sample, Column weights, double livetime) {
        static RateSource of(EventTable t, String weight, StepContext context) {
            Object type = t.attributes().get("data_type");
            if (type != null && "data".equalsIgnoreCase(type.toString())) {
                Object lt = t.attributes().get("livetime_s");
                if (lt == null) {
                    return new RateSource(t.name(), null, Double.NaN);
                }
                double livetime = t.numberAttribute("livetime_s", Double.NaN);
                if (!(livetime > 0) || Double.isInfinite(livetime)) {
                    throw new IllegalArgumentException("sample '" + t.name() + "': attribute livetime_s must be a "
                            + "positive number of seconds but was " + lt);
                }
                return new RateSource(t.name(), null, livetime);
            }
            if (weight.isEmpty() || !t.hasColumn(weight)) {
                return new RateSource(t.name(), null, Double.NaN);
            }
            return new RateSource(t.name(), numericColumn(t, weight, "weight"), Double.NaN);
        }

        /** @return the stage of the first {@code m} rows */
        CutFlow.Stage stage(String label, int[] rows, int m) {
            if (weights != null) {
                double sum = 0, sum2 = 0;
                for (int j = 0; j < m; j++) {
                    double w = weights.getDouble(rows[j]);
                    if (!Double.isFinite(w)) {
                        throw new IllegalArgumentException("weight: column '" + weights.name() + "' of sample '"
                                + sample + "' has the non-finite weight " + w + " in row " + rows[j]);
                    }
                    sum += w;
                    sum2 += w * w;
                }
                return new CutFlow.Stage(label, m, sum, Math.sqrt(sum2));
            }
            if (!Double.isNaN(livetime)) {
                return new CutFlow.Stage(label, m, m / livetime, Math.sqrt(m) / livetime);
            }
            return new CutFlow.Stage(label, m, Double.NaN, Double.NaN);
        }
    }

    /**
     * @return cumulative efficiency (events after step k / all events, binomial errors) per cut step
     *         for each cut sample, log y; null if no sample is cut or there are no cut steps
     */
    PlotSpec efficiencyPlot(CutFlow flow) {
        List<CutFlow.SampleFlow> cut = flow.samples().stream().filter(s -> !s.cutException()).toList();
        if (cut.isEmpty() || cut.get(0).stages().size() < 2) {
            return null;
        }
        List<String> labels = cut.get(0).stages().stream().map(CutFlow.Stage::label).toList();
        int steps = labels.size();
        double lowest = 1;
        for (CutFlow.SampleFlow s : cut) {
            for (int k = 0; k < steps; k++) {
                if (s.fraction(k) > 0) {
                    lowest = Math.min(lowest, s.fraction(k));
                }
            }
        }
        PlotSpec.Builder p = PlotSpec.builder("Cut flow",
                new Axis("Cut step (cumulative)", "", false, -0.5, steps - 0.5),
                Axis.log("Fraction of events passing", "")
                        .withRange(Math.pow(10, Math.floor(Math.log10(lowest) - 0.3)), 10));
        int k0 = 0;
        for (CutFlow.SampleFlow s : cut) {
            long all = s.stages().get(0).events();
            List<Point> points = new ArrayList<>();
            if (all > 0) {
                for (int k = 0; k < steps; k++) {
                    double f = s.fraction(k);
                    if (f > 0) {
                        double err = Math.sqrt(f * (1 - f) / all);
                        points.add(new Point(k + 0.06 * (k0 - (cut.size() - 1) / 2.0), f, 0, Math.min(err, 0.9 * f),
                                err));
                    }
                }
            }
            p.add(new PointSeries(s.sample() + " (" + all + " events)", points));
            k0++;
        }
        for (int k = 0; k < steps; k++) {
            p.annotate(k + ": " + labels.get(k));
        }
        List<String> exempt = flow.samples().stream().filter(CutFlow.SampleFlow::cutException)
                .map(CutFlow.SampleFlow::sample).toList();
        if (!exempt.isEmpty()) {
            p.annotate("not cut: " + String.join(", ", exempt));
        }
        return p.build();
    }

    private Map<String, Object> summary(CutFlow flow) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filtermask", settings.filtermask());
        m.put("cuts", cuts.toString());
        m.put("cut_list", cuts.cuts().stream().map(Cut::describe).toList());
        Map<String, Object> samples = new LinkedHashMap<>();
        for (CutFlow.SampleFlow s : flow.samples()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("cut_exception", s.cutException());
            e.put("events_before", s.stages().get(0).events());
            e.put("events_after", s.last().events());
            e.put("fraction", s.stages().get(0).events() == 0 ? "" : (Object) s.fraction(s.stages().size() - 1));
            double rate = s.last().weightedRate();
            e.put("weighted_rate_after_hz", Double.isNaN(rate) ? "" : (Object) rate);
            samples.put(s.sample(), e);
        }
        m.put("samples", samples);
        return m;
    }
}
