package org.fluxion.histogram.internal;

import static org.fluxion.histogram.internal.SettingChecks.checkBins;
import static org.fluxion.histogram.internal.SettingChecks.checkColumn;
import static org.fluxion.histogram.internal.SettingChecks.checkName;
import static org.fluxion.histogram.internal.SettingChecks.checkRange;
import static org.fluxion.histogram.internal.SettingChecks.orEmpty;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.workflow.Setting;

/**
 * One 1-D histogram of the {@code histogram} step: an entry of its {@code histograms} list.
 * Immutable and thread-safe; every check is done in the constructor, which throws
 * {@link org.fluxion.api.workflow.InvalidSettingsException} with the key and the value. Strings
 * given as null are taken as "".
 *
 * @param name    artifact name (file stem), unique within the step
 * @param column  the column to histogram
 * @param bins    number of bins, >= 1
 * @param min     lower edge of the first bin, in the column's unit
 * @param max     upper edge of the last bin, > min, in the column's unit
 * @param logX    log10-spaced bins and a log x axis (needs min > 0)
 * @param logY    log y axis
 * @param weight  weight column, "" for unit weights
 * @param groupBy categorical, integer or boolean column: one histogram per level, "" for none
 * @param label   x-axis title, "" for the column name (the unit always comes from the column)
 * @param density plot sums of weights divided by the bin width (the table keeps the sums)
 */
public record Histogram1DSettings(
        @Setting(description = "Name of the histogram; artifacts are called <sample>_<name>") String name,
        @Setting(description = "Column to histogram") String column,
        @Setting(description = "Number of bins", defaultValue = "50", min = 1) int bins,
        @Setting(description = "Lower edge of the first bin, in the column's unit") double min,
        @Setting(description = "Upper edge of the last bin, in the column's unit") double max,
        @Setting(description = "Log10-spaced bins and a logarithmic x axis (min must be > 0)",
                defaultValue = "false") boolean logX,
        @Setting(description = "Logarithmic y axis", defaultValue = "false") boolean logY,
        @Setting(description = "Weight column; empty for unit weights", defaultValue = "\"\"") String weight,
        @Setting(description = "Categorical, integer or boolean column: one histogram per level, overlaid; "
                + "empty for none", defaultValue = "\"\"") String groupBy,
        @Setting(description = "x-axis title; empty for the column name", defaultValue = "\"\"") String label,
        @Setting(description = "Plot sums of weights per unit of x (divided by the bin width)",
                defaultValue = "false") boolean density) {

    public Histogram1DSettings {
        String where = "histogram '" + name + "'";
        checkName("name", name, "histograms entry");
        checkColumn("column", column, where);
        checkBins("bins", bins, where);
        checkRange("min", min, "max", max, logX, where);
        weight = orEmpty(weight).strip();
        groupBy = orEmpty(groupBy).strip();
        label = orEmpty(label);
    }

    /** @return the binning: linear, or log10-spaced when {@link #logX} */
    public Binning binning() {
        return logX ? Binning.log10(bins, min, max) : Binning.linear(bins, min, max);
    }
}
