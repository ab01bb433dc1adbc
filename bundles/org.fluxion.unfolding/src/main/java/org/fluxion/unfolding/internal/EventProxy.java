package org.fluxion.unfolding.internal;

import org.fluxion.api.data.Column;
import org.fluxion.api.data.EventTable;
import org.fluxion.api.workflow.InvalidSettingsException;

/**
 * The per-event values of an observed (proxy) or true quantity: a column, or the KCDC energy
 * estimator lg(E/eV) = 10.83 + 0.347 lgNe + 0.609 lgNμ + 1.29 (secθ − 1) (PHYSICS.md §5) computed
 * from the size columns ({@code lgNe} or {@code Ne}, {@code lgNmu} or {@code Nmu}) and the zenith in
 * degrees ({@code Ze}). Stateless.
 */
final class EventProxy {
    /** Setting value that selects the KCDC energy estimator. */
    static final String KCDC_ESTIMATOR = "kcdc_estimator";

    private EventProxy() {
    }

    /**
     * @param key    the configuration key that named the quantity (for messages)
     * @param spec   a column name or {@value #KCDC_ESTIMATOR}
     * @return one value per row of {@code table} (a new array)
     * @throws InvalidSettingsException naming the key, the table and its columns if a column is missing
     */
    static double[] values(EventTable table, String key, String spec) {
        if (spec.equals(KCDC_ESTIMATOR)) {
            Column ne = column(table, key, "lgNe", "Ne");
            Column nmu = column(table, key, "lgNmu", "Nmu");
            Column ze = column(table, key, "Ze", "Ze");
            double[] v = new double[table.rowCount()];
            for (int i = 0; i < v.length; i++) {
                v[i] = kcdcEstimator(ne.getDouble(i), nmu.getDouble(i), ze.getDouble(i));
            }
            return v;
        }
        if (!table.hasColumn(spec)) {
            throw new InvalidSettingsException(key, "sample '" + table.name() + "' has no column '" + spec
                    + "'; available: " + table.columnNames() + " (or " + KCDC_ESTIMATOR + ")");
        }
        return table.column(spec).toDoubleArray();
    }

    /**
     * The KCDC energy estimator.
     *
     * @param lgNe      lg of the electron size
     * @param lgNmu     lg of the muon size
     * @param zenithDeg zenith angle in degrees
     * @return lg(E/eV)
     */
    static double kcdcEstimator(double lgNe, double lgNmu, double zenithDeg) {
        return 10.83 + 0.347 * lgNe + 0.609 * lgNmu + 1.29 * (1.0 / Math.cos(Math.toRadians(zenithDeg)) - 1.0);
    }

    private static Column column(EventTable table, String key, String first, String second) {
        if (table.hasColumn(first)) {
            return table.column(first);
        }
        if (table.hasColumn(second)) {
            return table.column(second);
        }
        throw new InvalidSettingsException(key, KCDC_ESTIMATOR + " needs column '" + first + "' or '" + second
                + "' in sample '" + table.name() + "'; available: " + table.columnNames());
    }
}
