package org.fluxion.masterclass.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.fluxion.api.artifact.TableArtifact;
import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Step;
import org.fluxion.api.workflow.StepContext;

/**
 * One use of {@code kcdc_units}. Writes the table {@value #NOTES} and the summary {@code units_summary} (sample, column,
 * median, declared unit, detected convention, action) and warns for every converted column.
 */
final class KcdcUnitsStep implements Step {
    /** Name of the table and summary artifacts. */
    static final String NOTES = "units";

    private final KcdcUnitsSettings settings;

    KcdcUnitsStep(KcdcUnitsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void run(StepContext context) {
        SampleSet in = context.input(KcdcUnitsStepProvider.SAMPLES, SampleSet.class);
        List<String> names = settings.samples().isEmpty() ? List.copyOf(in.names()) : settings.samples();
        for (String n : names) {
            if (!in.names().contains(n)) {
                throw new InvalidSettingsException("samples", "'samples' names '" + n
                        + "' but the input has no such sample; available: " + in.names());
            }
        }
        int found = 0;
        for (String n : names) {
            for (String c : settings.energyColumns()) {
                found += in.get(n).hasColumn(c) ? 1 : 0;
            }
            for (String c : settings.sizeColumns()) {
                found += in.get(n).hasColumn(c) ? 1 : 0;
            }
        }
        if (found == 0) {
            throw new InvalidSettingsException("energy_columns", "none of the columns " + settings.energyColumns()
                    + " or " + settings.sizeColumns() + " is in the samples " + names);
        }
        TableArtifact.Builder table = TableArtifact.builder().column("sample", "").column("column", "")
                .column("median", "").column("declared_unit", "").column("detected", "").column("action", "");
        Map<String, Object> summary = new LinkedHashMap<>();
        List<EventTable> out = new ArrayList<>();
        for (EventTable t : in.tables()) {
            if (!names.contains(t.name())) {
                out.add(t);
                continue;
            }
            context.progress().begin("checking the units of sample '" + t.name() + "'", t.columnNames().size());
            Map<String, Object> perColumn = new LinkedHashMap<>();
            EventTable.Builder b = EventTable.builder(t.name());
            for (String key : t.attributes().keySet()) {
                b.attribute(key, t.attributes().get(key));
            }
            for (String col : t.columnNames()) {
                context.progress().checkCancelled();
                Column c = t.column(col);
                Column converted = c;
                if (settings.energyColumns().contains(col)) {
                    double[] v = c.toDoubleArray();
                    double median = KcdcUnitDetection.median(v);
                    if (Double.isNaN(median)) {
                        note(table, perColumn, t.name(), col, median, c.unit(), "no finite value", "kept");
                    } else {
                        KcdcUnitDetection.EnergyScale scale = KcdcUnitDetection.energyScale(median);
                        String action = "kept";
                        if (scale.shiftToEv() != 0) {
                            for (int i = 0; i < v.length; i++) {
                                v[i] += scale.shiftToEv();
                            }
                            action = "converted to lg(E/eV): +9";
                        }
                        converted = Column.adoptDoubles(col, KcdcUnitDetection.EnergyScale.LG_EV.unit(), v);
                        note(table, perColumn, t.name(), col, median, c.unit(), scale.unit(), action);
                        if (scale.shiftToEv() != 0 || !c.unit().equals(scale.unit())) {
                            context.warn(String.format(Locale.ROOT, "sample '%s', column '%s': median %.3f means %s "
                                    + "(declared unit '%s'); %s", t.name(), col, median, scale.unit(), c.unit(), action));
                        }
                    }
                } else if (settings.sizeColumns().contains(col)) {
                    double[] v = c.toDoubleArray();
                    double median = KcdcUnitDetection.median(v);
                    String unit = sizeUnit(col);
                    if (Double.isNaN(median)) {
                        note(table, perColumn, t.name(), col, median, c.unit(), "no finite value", "kept");
                    } else if (KcdcUnitDetection.sizeScale(median) == KcdcUnitDetection.SizeScale.LINEAR) {
                        long nonPositive = 0;
                        for (int i = 0; i < v.length; i++) {
                            if (v[i] <= 0) {
                                nonPositive++;
                            }
                            v[i] = v[i] > 0 ? Math.log10(v[i]) : Double.NaN;
                        }
                        converted = Column.adoptDoubles(col, unit, v);
                        String action = "converted to " + unit + " (lg10)"
                                + (nonPositive > 0 ? "; " + nonPositive + " values <= 0 set to NaN" : "");
                        note(table, perColumn, t.name(), col, median, c.unit(), "number N", action);
                        context.warn(String.format(Locale.ROOT, "sample '%s', column '%s': median %.4g means the "
                                + "number itself, not its lg; %s", t.name(), col, median, action));
                    } else {
                        converted = Column.adoptDoubles(col, unit, v);
                        note(table, perColumn, t.name(), col, median, c.unit(), unit, "kept");
                    }
                }
                b.add(converted);
                context.progress().worked(1);
            }
            summary.put(t.name(), perColumn);
            out.add(b.build());
        }
        context.artifacts().table(NOTES, table.build());
        context.artifacts().summary(NOTES + "_summary", Map.of("rule", "energy: median > 10 means lg(E/eV), otherwise "
                + "lg(E/GeV) (+9); sizes: median > 100 means N (replaced by lg10 N), otherwise lg(N)",
                "samples", summary));
        context.output(KcdcUnitsStepProvider.SAMPLES, SampleSet.of(out));
    }

    private static void note(TableArtifact.Builder table, Map<String, Object> perColumn, String sample, String column,
            double median, String declared, String detected, String action) {
        table.row(sample, column, median, declared, detected, action);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", Double.isNaN(median) ? "NaN" : median);
        m.put("declared_unit", declared);
        m.put("detected", detected);
        m.put("action", action);
        perColumn.put(column, m);
    }

    /** @return lg(Ne) for electron columns, lg(Nmu) for muon columns, lg(column) otherwise */
    static String sizeUnit(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        if (c.contains("mu")) {
            return "lg(Nmu)";
        }
        if (c.equals("ne") || c.equals("lgne") || c.contains("electron")) {
            return "lg(Ne)";
        }
        return "lg(" + column + ")";
    }
}
