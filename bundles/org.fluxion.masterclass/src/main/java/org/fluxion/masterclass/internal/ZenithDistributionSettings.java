package org.fluxion.masterclass.internal;

import java.util.List;
import java.util.Map;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code zenith_distribution} step. Immutable; null lists and maps are taken as empty.
 *
 * @param samples samples to plot, in order
 * @param columns quantity (zenith) → column; otherwise the KCDC names Ze, zenith are tried
 * @param bins    number of zenith bins
 * @param min     lower edge, degrees, >= 0
 * @param max     upper edge, degrees, <= 90
 * @param logY    logarithmic y axis
 */
public record ZenithDistributionSettings(
        @Setting(description = "Samples to plot, in order", defaultValue = "[data]") List<String> samples,
        @Setting(description = "zenith -> column name; otherwise Ze or zenith", defaultValue = "{}")
        Map<String, String> columns,
        @Setting(description = "Number of zenith bins", defaultValue = "45", min = 1, max = 10000) int bins,
        @Setting(description = "Lower edge", unit = "deg", defaultValue = "0.0", min = 0, max = 90) double min,
        @Setting(description = "Upper edge", unit = "deg", defaultValue = "45.0", min = 0, max = 90) double max,
        @Setting(description = "Logarithmic y axis", defaultValue = "false") boolean logY) {

    public ZenithDistributionSettings {
        samples = samples == null ? List.of() : List.copyOf(samples);
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        if (samples.isEmpty()) {
            throw new InvalidSettingsException("samples", "'samples' must name at least one sample but was []");
        }
        if (bins < 1) {
            throw new InvalidSettingsException("bins", "'bins' must be >= 1 but was " + bins);
        }
        if (!(min >= 0) || !(max <= 90) || !(max > min)) {
            throw new InvalidSettingsException("max", "need 0 <= min < max <= 90 (degrees) but got min=" + min
                    + ", max=" + max);
        }
    }

    /** @return the zenith binning, degrees */
    Binning binning() {
        return Binning.linear(bins, min, max);
    }
}
