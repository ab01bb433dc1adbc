package org.fluxion.masterclass.internal;

import java.util.List;

import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code kcdc_units} step. Immutable; null lists are taken as their defaults'
 * empty form. Column names are matched per sample; names a sample lacks are skipped.
 *
 * @param samples       samples to check, in order; empty for all
 * @param energyColumns energy columns (lg(E/eV) or lg(E/GeV), decided per column by its median)
 * @param sizeColumns   shower-size columns (lg(N) or N itself, decided by the median)
 */
public record KcdcUnitsSettings(
        @Setting(description = "Samples to check; empty for all", defaultValue = "[]") List<String> samples,
        @Setting(description = "Energy columns: median > 10 means lg(E/eV), otherwise lg(E/GeV), which is "
                + "converted to lg(E/eV) by adding 9", defaultValue = "[E, lgE, energy]") List<String> energyColumns,
        @Setting(description = "Shower-size columns: median > 100 means the numbers themselves, which are "
                + "replaced by their lg10; otherwise they are already lg", defaultValue =
                "[Ne, Nmu, lgNe, lgNmu, electron_number, muon_number]") List<String> sizeColumns) {

    public KcdcUnitsSettings {
        samples = samples == null ? List.of() : List.copyOf(samples);
        energyColumns = energyColumns == null ? List.of() : List.copyOf(energyColumns);
        sizeColumns = sizeColumns == null ? List.of() : List.copyOf(sizeColumns);
        if (energyColumns.isEmpty() && sizeColumns.isEmpty()) {
            throw new InvalidSettingsException("energy_columns",
                    "nothing to check: 'energy_columns' and 'size_columns' are both empty");
        }
        for (String c : energyColumns) {
            if (sizeColumns.contains(c)) {
                throw new InvalidSettingsException("size_columns", "column '" + c
                        + "' is listed in both 'energy_columns' and 'size_columns'");
            }
        }
    }
}
