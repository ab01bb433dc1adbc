package org.fluxion.masterclass.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fluxion.api.hist.Binning;
import org.fluxion.api.workflow.InvalidSettingsException;
import org.fluxion.api.workflow.Setting;

/**
 * Settings of the {@code shower_size_plane} step. Immutable; null maps and lists are taken as empty.
 *
 * @param data              measured sample
 * @param simulation        simulated sample with the primary column
 * @param dataColumns       quantity (lg_ne, lg_nmu) → column of the data
 * @param simulationColumns quantity (lg_e, lg_ne, lg_nmu, primary) → column of the simulation
 * @param xBins             lg(Ne) bins
 * @param xMin              lower lg(Ne) edge
 * @param xMax              upper lg(Ne) edge
 * @param yBins             lg(Nμ) bins
 * @param yMin              lower lg(Nμ) edge
 * @param yMax              upper lg(Nμ) edge
 * @param contours          primaries whose 90 % regions are drawn over the data (p, he, cno, si, fe); the
 *                          plot service draws the region holding 90 % of the weight (fixed)
 * @param generatedIndex    spectral index of the simulation
 * @param weightToIndex     spectral index the simulation is weighted to
 */
public record ShowerSizePlaneSettings(
        @Setting(description = "Measured sample", defaultValue = "data") String data,
        @Setting(description = "Simulated sample with the primary column", defaultValue = "simulation")
        String simulation,
        @Setting(description = "Columns of the data: lg_ne, lg_nmu -> column name", defaultValue = "{}")
        Map<String, String> dataColumns,
        @Setting(description = "Columns of the simulation: lg_e, lg_ne, lg_nmu, primary -> column name",
                defaultValue = "{}") Map<String, String> simulationColumns,
        @Setting(description = "Number of lg(Ne) bins", defaultValue = "84", min = 1, max = 2000) int xBins,
        @Setting(description = "Lower lg(Ne) edge", unit = "lg(Ne)", defaultValue = "3.8") double xMin,
        @Setting(description = "Upper lg(Ne) edge", unit = "lg(Ne)", defaultValue = "8.0") double xMax,
        @Setting(description = "Number of lg(Nmu) bins", defaultValue = "74", min = 1, max = 2000) int yBins,
        @Setting(description = "Lower lg(Nmu) edge", unit = "lg(Nmu)", defaultValue = "3.3") double yMin,
        @Setting(description = "Upper lg(Nmu) edge", unit = "lg(Nmu)", defaultValue = "7.0") double yMax,
        @Setting(description = "Primaries whose regions are outlined over the data (p, he, cno, si, fe)",
                defaultValue = "[p, fe]") List<String> contours,
        @Setting(description = "Spectral index the simulation was generated with", defaultValue = "2.0", min = 0,
                max = 10) double generatedIndex,
        @Setting(description = "Spectral index the simulation is weighted to; equal to generated_index for none",
                defaultValue = "2.7", min = 0, max = 10) double weightToIndex) {

    public ShowerSizePlaneSettings {
        data = data == null ? "" : data.strip();
        simulation = simulation == null ? "" : simulation.strip();
        dataColumns = dataColumns == null ? Map.of() : Map.copyOf(dataColumns);
        simulationColumns = simulationColumns == null ? Map.of() : Map.copyOf(simulationColumns);
        contours = contours == null ? List.of() : List.copyOf(contours);
        if (data.isEmpty() || simulation.isEmpty()) {
            throw new InvalidSettingsException(data.isEmpty() ? "data" : "simulation",
                    "both 'data' and 'simulation' must name samples but got data='" + data + "', simulation='"
                            + simulation + "'");
        }
        if (xBins < 1 || yBins < 1) {
            throw new InvalidSettingsException(xBins < 1 ? "x_bins" : "y_bins", "bins must be >= 1 but got x_bins="
                    + xBins + ", y_bins=" + yBins);
        }
        if (!(xMax > xMin) || !Double.isFinite(xMin) || !Double.isFinite(xMax)) {
            throw new InvalidSettingsException("x_max", "need finite x_min < x_max but got " + xMin + ", " + xMax);
        }
        if (!(yMax > yMin) || !Double.isFinite(yMin) || !Double.isFinite(yMax)) {
            throw new InvalidSettingsException("y_max", "need finite y_min < y_max but got " + yMin + ", " + yMax);
        }
        for (String c : contours) {
            if (c == null || MassGroup.parse(c) == null) {
                throw new InvalidSettingsException("contours", "'contours' entry '" + c
                        + "' is not a primary; expected p, he, cno, si or fe (or a CORSIKA code)");
            }
        }
    }

    /** @return the outlined primaries, in the given order without repeats */
    List<MassGroup> contourGroups() {
        List<MassGroup> out = new ArrayList<>();
        for (String c : contours) {
            MassGroup g = MassGroup.parse(c);
            if (!out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }

    /** @return lg(Ne) binning */
    Binning xBinning() {
        return Binning.linear(xBins, xMin, xMax);
    }

    /** @return lg(Nμ) binning */
    Binning yBinning() {
        return Binning.linear(yBins, yMin, yMax);
    }
}
