package org.fluxion.histogram.internal;

import static org.fluxion.histogram.internal.SettingChecks.checkBins;
import static org.fluxion.histogram.internal.SettingChecks.checkColumn;
import static org.fluxion.histogram.internal.SettingChecks.checkName;
import static org.fluxion.histogram.internal.SettingChecks.checkRange;
import static org.fluxion.histogram.internal.SettingChecks.orEmpty;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.workflow.Setting;

/**
 * One 2-D histogram of the {@code histogram} step: an entry of its {@code histograms_2d} list.
 * Both axes have linear bins (histogram lg-quantities such as KCDC's {@code Ne}, {@code Nmu} for a
 * logarithmic plane). Immutable and thread-safe; the constructor checks every value and throws
 * {@link org.fluxion.api.workflow.InvalidSettingsException} with the key and the value. Strings
 * given as null are taken as "".
 *
 * @param name      artifact name (file stem), unique within the step
 * @param x         column along x
 * @param y         column along y
 * @param xBins     number of x bins, >= 1
 * @param xMin      lower x edge, in the x column's unit
 * @param xMax      upper x edge, > xMin
 * @param yBins     number of y bins, >= 1
 * @param yMin      lower y edge, in the y column's unit
 * @param yMax      upper y edge, > yMin
 * @param weight    weight column, "" for unit weights
 * @param groupBy   categorical, integer or boolean column: one map per level plus the total, "" for none
 * @param xLabel    x-axis title, "" for the column name
 * @param yLabel    y-axis title, "" for the column name
 * @param logColour logarithmic colour scale
 */
public record Histogram2DSettings(
        @Setting(description = "Name of the histogram; artifacts are called <sample>_<name>") String name,
        @Setting(description = "Column along x") String x,
        @Setting(description = "Column along y") String y,
        @Setting(description = "Number of x bins", defaultValue = "50", min = 1) int xBins,
        @Setting(description = "Lower x edge, in the x column's unit") double xMin,
        @Setting(description = "Upper x edge, in the x column's unit") double xMax,
        @Setting(description = "Number of y bins", defaultValue = "50", min = 1) int yBins,
        @Setting(description = "Lower y edge, in the y column's unit") double yMin,
        @Setting(description = "Upper y edge, in the y column's unit") double yMax,
        @Setting(description = "Weight column; empty for unit weights", defaultValue = "\"\"") String weight,
        @Setting(description = "Categorical, integer or boolean column: one map per level plus the total; "
                + "empty for none", defaultValue = "\"\"") String groupBy,
        @Setting(description = "x-axis title; empty for the column name", defaultValue = "\"\"") String xLabel,
        @Setting(description = "y-axis title; empty for the column name", defaultValue = "\"\"") String yLabel,
        @Setting(description = "Logarithmic colour scale", defaultValue = "false") boolean logColour) {

    public Histogram2DSettings {
        String where = "2-D histogram '" + name + "'";
        checkName("name", name, "histograms_2d entry");
        checkColumn("x", x, where);
        checkColumn("y", y, where);
        checkBins("x_bins", xBins, where);
        checkRange("x_min", xMin, "x_max", xMax, false, where);
        checkBins("y_bins", yBins, where);
        checkRange("y_min", yMin, "y_max", yMax, false, where);
        weight = orEmpty(weight).strip();
        groupBy = orEmpty(groupBy).strip();
        xLabel = orEmpty(xLabel);
        yLabel = orEmpty(yLabel);
    }

    /** @return the linear x binning */
    public Binning xBinning() {
        return Binning.linear(xBins, xMin, xMax);
    }

    /** @return the linear y binning */
    public Binning yBinning() {
        return Binning.linear(yBins, yMin, yMax);
    }
}
