package org.fluxion.recocheck.internal;

import java.util.Arrays;
import java.util.Locale;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.ColumnType;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.data.SampleSet;

/**
 * The MC and (optional) data tables one check works on, with the MC flux-model weights and the data
 * livetime, and column access whose errors name the sample, column and setting. Immutable.
 *
 * @param mc        MC table
 * @param data      data table, or null
 * @param weight    MC weights of the chosen flux model, Hz per event
 * @param model     name of the chosen flux model (the MC's {@code weight_column} attribute, or "weight")
 * @param livetimeS data livetime in s, NaN without data
 * @param stage     "before the analysis cuts" or "after the analysis cuts"
 */
record Samples(EventTable mc, EventTable data, double[] weight, String model, double livetimeS, String stage) {
    /** Name of the MC column holding the chosen model's weight (load_hdf5's convention). */
    static final String WEIGHT = "weight";

    /**
     * @param set      the samples
     * @param port     the port they came from, for messages
     * @param settings names of the samples
     * @param needData whether the data sample must be present
     */
    static Samples of(SampleSet set, String port, RecoChecksSettings settings, boolean needData, String stage) {
        if (!set.names().contains(settings.mc())) {
            throw new IllegalArgumentException("step reco_checks: input '" + port + "' has no MC sample '"
                    + settings.mc() + "' (setting 'mc'); samples: " + set.names());
        }
        EventTable mc = set.get(settings.mc());
        EventTable data = null;
        double livetime = Double.NaN;
        if (!settings.data().isEmpty() && set.names().contains(settings.data())) {
            data = set.get(settings.data());
            livetime = data.numberAttribute("livetime_s", Double.NaN);
            if (!(livetime > 0) || !Double.isFinite(livetime)) {
                throw new IllegalArgumentException("step reco_checks: data sample '" + data.name() + "' of input '"
                        + port + "' needs a positive attribute 'livetime_s' (s) to scale the MC rates but has "
                        + data.attributes().get("livetime_s") + " (load_hdf5: read_livetime or livetime_s)");
            }
        } else if (needData && !settings.data().isEmpty()) {
            throw new IllegalArgumentException("step reco_checks: input '" + port + "' has no data sample '"
                    + settings.data() + "' (setting 'data'); samples: " + set.names());
        }
        String model = mc.attributes().get("weight_column") instanceof String s && !s.isBlank() ? s : WEIGHT;
        String wcol = mc.hasColumn(WEIGHT) ? WEIGHT : model;
        if (!mc.hasColumn(wcol)) {
            throw new IllegalArgumentException("step reco_checks: MC sample '" + mc.name() + "' of input '" + port
                    + "' has no weight column '" + WEIGHT + "' (load_hdf5 adds it from 'model'); columns: "
                    + mc.columnNames());
        }
        double[] w = mc.column(wcol).toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException("step reco_checks: MC sample '" + mc.name() + "', column '" + wcol
                        + "', row " + i + ": weight must be finite and >= 0 but was " + w[i]);
            }
        }
        return new Samples(mc, data, w, model, livetime, stage);
    }

    /** @return whether there is a data sample */
    boolean hasData() {
        return data != null;
    }

    /** @return the MC weights scaled to expected events in the data livetime (or the rates in Hz without data) */
    double[] expectedEvents() {
        double[] out = weight.clone();
        if (hasData()) {
            for (int i = 0; i < out.length; i++) {
                out[i] *= livetimeS;
            }
        }
        return out;
    }

    /** @return the y-axis label of MC-scaled quantities */
    String yLabel() {
        return hasData() ? "Events per bin" : "Rate per bin";
    }

    /** @return the y-axis unit of MC-scaled quantities */
    String yUnit() {
        return hasData() ? "" : "Hz";
    }

    /** @return a line describing the MC normalisation */
    String normalisation() {
        return hasData()
                ? String.format(Locale.ROOT, "MC (%s) scaled to the data livetime %.4g s", model, livetimeS)
                : "MC (" + model + ") rate, no data sample";
    }

    /** @return the values of a column of table t as doubles */
    static double[] values(EventTable t, String column, String key) {
        if (!t.hasColumn(column)) {
            throw new IllegalArgumentException("step reco_checks: sample '" + t.name() + "' has no column '" + column
                    + "'" + (key.isEmpty() ? "" : " (setting '" + key + "')") + "; columns: " + t.columnNames());
        }
        return t.column(column).toDoubleArray();
    }

    /** @return whether a column holds integers (multiplicities, classes) */
    static boolean integral(EventTable t, String column) {
        ColumnType type = t.column(column).spec().type();
        return type == ColumnType.INT || type == ColumnType.LONG || type == ColumnType.BOOLEAN;
    }

    /** @return whether a column is in radians (shown in degrees) */
    static boolean radians(EventTable t, String column) {
        Column c = t.column(column);
        return c.unit().equalsIgnoreCase("rad");
    }

    /** @return the true-class codes of the MC, checked to be 0, 1 or 2 */
    int[] trueClasses(String column) {
        double[] v = values(mc, column, "true_class");
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0 && v[i] != 1 && v[i] != 2) {
                throw new IllegalArgumentException("step reco_checks: MC sample '" + mc.name() + "', column '" + column
                        + "', row " + i + ": true class must be 0 (single), 1 (multiple) or 2 (not stopping) but was "
                        + v[i]);
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Samples s && s.mc == mc && s.data == data && Arrays.equals(s.weight, weight);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(mc);
    }

    @Override
    public String toString() {
        return "Samples[mc=" + mc.name() + ", data=" + (data == null ? "-" : data.name()) + ", " + stage + "]";
    }
}
